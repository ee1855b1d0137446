import { figures } from './figures'

const at = (day: number) => new Date(Date.UTC(2026, 4, day))

describe('figures', () => {
  test('counts, participation over closed votes, median days to decision', () => {
    const topics = [
      { status: 'seconding' as const, raisedAt: at(1), decidedAt: null },
      { status: 'expired' as const, raisedAt: at(1), decidedAt: null },
      { status: 'decided' as const, raisedAt: at(1), decidedAt: at(3) },
      { status: 'implementing' as const, raisedAt: at(1), decidedAt: at(5) },
      { status: 'done' as const, raisedAt: at(1), decidedAt: at(11) }
    ]
    expect(
      figures(topics, [
        { eligible: 10, participants: 6 },
        { eligible: 30, participants: 10 }
      ])
    ).toEqual({
      raised: 5,
      decided: 3,
      implemented: 1,
      participation: 0.4,
      medianDaysToDecision: 4
    })
  })
  test('an even number of decisions takes the middle two; nothing to measure is null', () => {
    const two = [
      { status: 'done' as const, raisedAt: at(1), decidedAt: at(2) },
      { status: 'done' as const, raisedAt: at(1), decidedAt: at(5) }
    ]
    expect(figures(two, []).medianDaysToDecision).toBe(2.5)
    expect(figures([], [])).toEqual({ raised: 0, decided: 0, implemented: 0, participation: null, medianDaysToDecision: null })
  })
})
