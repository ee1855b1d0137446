import { boardRows } from './board'

describe('points board', () => {
  test('names only for those who opted in; ties share a rank', () => {
    const people = new Map([
      ['a', { realName: '李志强', boardOptIn: true }],
      ['b', { realName: '王秀英', boardOptIn: false }]
    ])
    const rows = boardRows(
      [
        { openid: 'a', earned: 90 },
        { openid: 'b', earned: 60 },
        { openid: 'c', earned: 60 },
        { openid: 'd', earned: 10 }
      ],
      people,
      'b'
    )
    expect(rows).toEqual([
      { rank: 1, name: '李志强', points: 90, me: false },
      { rank: 2, name: null, points: 60, me: true },
      { rank: 2, name: null, points: 60, me: false },
      { rank: 4, name: null, points: 10, me: false }
    ])
  })
})
