import type { Queue } from '../../../../types/workbench'
import { oldestOf, orderQueues, queueItem } from './queues'

const q = (kind: Queue['kind'], count: number, since?: string): Queue => ({
  kind,
  count,
  oldest: since ? [{ id: kind, title: kind, since }] : []
})

describe('workbench queues', () => {
  it('describes an item in a few words with the date it waits since', () => {
    expect(
      queueItem('registrations', { _id: 'r1', name: '陈建国', workUnit: '税务局', createdAt: new Date('2026-03-01T00:00:00Z') })
    ).toEqual({ id: 'r1', title: '陈建国 · 税务局', since: '2026-03-01T00:00:00.000Z' })
    expect(
      queueItem('registrations', { _id: 'u1', kind: 'unit', name: '供电公司', createdAt: new Date('2026-03-02T00:00:00Z') }).title
    ).toBe('供电公司（单位报到）')
    expect(
      queueItem('registrations', {
        _id: 'openid-of-someone',
        kind: 'volunteer',
        realName: '王秀英',
        volunteerNo: 'ZY26000301',
        createdAt: new Date('2026-03-02T00:00:00Z')
      })
    ).toEqual({ id: 'ZY26000301', title: '王秀英（志愿者注册）', since: '2026-03-02T00:00:00.000Z' })
    expect(
      queueItem('overdueClaims', {
        _id: 'w1',
        title: '修水龙头',
        claimer: { displayName: '陈**' },
        claimDeadline: new Date('2026-03-03T00:00:00Z')
      })
    ).toMatchObject({ title: '修水龙头（陈**认领）', since: '2026-03-03T00:00:00.000Z' })
    expect(queueItem('pickups', { _id: 'o1', goodsName: '大米', quantity: 2, createdAt: new Date('2026-03-04T00:00:00Z') }).title).toBe(
      '大米 ×2'
    )
    expect(
      queueItem('needs', {
        _id: 'n1',
        title: '清理楼道',
        completion: { at: new Date('2026-03-05T00:00:00Z') },
        updatedAt: new Date('2026-03-09T00:00:00Z')
      }).since
    ).toBe('2026-03-05T00:00:00.000Z')
  })

  it('merges lists oldest first and keeps three', () => {
    const a = [
      { id: 'a', title: '', since: '2026-03-05T00:00:00.000Z' },
      { id: 'b', title: '', since: '2026-03-07T00:00:00.000Z' }
    ]
    const b = [
      { id: 'c', title: '', since: '2026-03-01T00:00:00.000Z' },
      { id: 'd', title: '', since: '2026-03-06T00:00:00.000Z' }
    ]
    expect(oldestOf([a, b]).map((i) => i.id)).toEqual(['c', 'a', 'd'])
  })

  it('puts queues with work first, longest waiting at the top, empty ones after in a fixed order', () => {
    const ordered = orderQueues([
      q('pickups', 0),
      q('needs', 2, '2026-03-09T00:00:00.000Z'),
      q('wishReview', 0),
      q('hours', 1, '2026-03-01T00:00:00.000Z'),
      q('merchants', 0)
    ])
    expect(ordered.map((x) => x.kind)).toEqual(['hours', 'needs', 'wishReview', 'merchants', 'pickups'])
  })
})

describe('the approvals queue', () => {
  it('names a pending adjustment by holder and signed points, a pending hours correction by activity', () => {
    expect(
      queueItem('approvals', { _id: 'adj-1', volunteerName: '王建国', amount: 300, requestedAt: new Date('2026-03-01T00:00:00Z') })
    ).toEqual({
      id: 'adj-1',
      title: '王建国 +300分',
      since: '2026-03-01T00:00:00.000Z'
    })
    expect(
      queueItem('approvals', { _id: 'adj-2', volunteerName: '李秀英', amount: -150, requestedAt: new Date('2026-03-02T00:00:00Z') }).title
    ).toBe('李秀英 -150分')
    expect(
      queueItem('approvals', { _id: 'e1', kind: 'hours', activityTitle: '楼道清理', updatedAt: new Date('2026-03-03T00:00:00Z') })
    ).toEqual({
      id: 'e1',
      title: '楼道清理（本人时长修改）',
      since: '2026-03-03T00:00:00.000Z'
    })
  })
})
