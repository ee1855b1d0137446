// The aggregation plan run through mingo (the query engine of the local cloud) on a few hand-made documents:
// what each $group counts at the edges — null dates, the CST month boundary, medians of odd and even counts
// read from the duration histograms, a volunteer serving in two communities, the street total. The rollups
// are made from the documents as the functions keep them (rebuildRollups).
import { newAggregator, newQuery } from '../../../../local-cloud/store/mingo'
import '../../../_shared/domain/rollupRegistry'
import { rebuildRollups } from '../../../_shared/domain/rollups'
import { figuresOf, streetTotal, trendOf } from './figures'
import {
  figurePlan,
  foldParts,
  mediansOf,
  monthPartsOf,
  overallService,
  readsOf,
  type CellRow,
  type Cond,
  type Match,
  type Pipeline,
  type Plan,
  type Results
} from './plan'

type Doc = Record<string, unknown>

const toMongo = (match: Match): Doc =>
  Object.fromEntries(
    Object.entries(match).map(([k, v]) => {
      if (typeof v !== 'object' || v === null) return [k, v]
      const c = v as Cond
      const out: Doc = {}
      if (c.gte !== undefined) out.$gte = c.gte
      if (c.gt !== undefined) out.$gt = c.gt
      if (c.lt !== undefined) out.$lt = c.lt
      if (c.in !== undefined) out.$in = c.in
      return [k, out]
    })
  )

function runAll(data: Record<string, Doc[]>, plan: Plan): Results {
  const out: Record<string, Doc[]> = {}
  for (const [name, p] of Object.entries(plan.pipelines) as Array<[string, Pipeline | undefined]>) {
    if (!p) continue
    const matched = newQuery(toMongo(p.match))
      .find(data[p.collection] ?? [])
      .all() as Doc[]
    const stages = p.stages.map((s) => {
      const [k, v] = Object.entries(s)[0]
      return { [`$${k}`]: k === 'match' ? toMongo(v as Match) : v }
    })
    out[name] = newAggregator(stages).run(matched) as Doc[]
  }
  return readsOf(plan, out as unknown as Record<string, CellRow[]>)
}

const cst = (s: string) => new Date(`${s}+08:00`)
const H = 3_600_000
const D = 24 * H

function wish(
  id: string,
  communityId: string,
  at: Partial<Record<'created' | 'published' | 'claimed' | 'fulfilled' | 'confirmed', string>>,
  status: string,
  rating?: number
): Doc {
  const d = (k: keyof typeof at) => (at[k] ? cst(at[k] as string) : null)
  const times = [d('created'), d('published'), d('claimed'), d('fulfilled'), d('confirmed')].filter(Boolean) as Date[]
  return {
    _id: id,
    communityId,
    status,
    category: 'goods',
    createdAt: d('created'),
    publishedAt: d('published'),
    claimedAt: d('claimed'),
    fulfilledAt: d('fulfilled'),
    confirmedAt: d('confirmed'),
    updatedAt: times[times.length - 1],
    metrics: {
      claimMs: d('claimed') && d('published') ? d('claimed')!.getTime() - d('published')!.getTime() : null,
      fulfilMs: d('fulfilled') && d('claimed') ? d('fulfilled')!.getTime() - d('claimed')!.getTime() : null
    },
    confirmation: rating ? { rating } : null
  }
}

const DATA: Record<string, Doc[]> = {
  wishes: [
    // Published one minute before March starts in CST (February); claimed in March.
    wish('a', 'c1', { created: '2026-02-27T10:00', published: '2026-02-28T23:59', claimed: '2026-03-01T23:59' }, 'claimed'),
    // Published at CST midnight: March.
    wish(
      'b',
      'c1',
      {
        created: '2026-02-28T20:00',
        published: '2026-03-01T00:00',
        claimed: '2026-03-04T00:00',
        fulfilled: '2026-03-06T00:00',
        confirmed: '2026-03-07T00:00'
      },
      'confirmed',
      4
    ),
    // Submitted only: null dates count nowhere but "posted".
    wish('c', 'c1', { created: '2026-03-10T09:00' }, 'submitted'),
    wish('d', 'c1', { created: '2026-03-11T09:00', published: '2026-03-12T09:00', claimed: '2026-03-15T09:00' }, 'claimed'),
    // Another community.
    wish(
      'e',
      'c2',
      { created: '2026-03-02T09:00', published: '2026-03-02T10:00', claimed: '2026-03-02T14:00', fulfilled: '2026-03-09T14:00' },
      'fulfilled'
    )
  ],
  pointsLedger: [
    { _id: 'l1', communityId: 'c1', kind: 'credit', amount: 10, at: cst('2026-03-01T00:00') },
    { _id: 'l2', communityId: 'c1', kind: 'credit', amount: 99, at: cst('2026-02-28T23:59') },
    { _id: 'l3', communityId: 'c1', kind: 'redemption', amount: -8, at: cst('2026-03-31T23:59') },
    { _id: 'l4', communityId: 'c1', kind: 'refund', amount: 3, at: cst('2026-04-01T00:00') },
    { _id: 'l5', communityId: 'c2', kind: 'adjust', amount: -2, at: cst('2026-03-15T12:00') }
  ],
  enrollments: [
    { _id: 'e1', communityId: 'c1', openid: 'v1', status: 'completed', hours: 2, activityStart: cst('2026-03-03T09:00') },
    { _id: 'e2', communityId: 'c2', openid: 'v1', status: 'completed', hours: 1.5, activityStart: cst('2026-03-04T09:00') },
    { _id: 'e3', communityId: 'c2', openid: 'v2', status: 'completed', hours: 0, activityStart: cst('2026-03-05T09:00') },
    { _id: 'e4', communityId: 'c1', openid: 'v3', status: 'checkedIn', hours: 0, activityStart: cst('2026-03-06T09:00') }
  ],
  partyMembers: [
    // Pending with approvedAt null: registered, never approved (a null date must not pass "before the end").
    { _id: 'p1', communityId: 'c1', status: 'pending', createdAt: cst('2026-03-02T09:00'), approvedAt: null },
    { _id: 'p2', communityId: 'c1', status: 'approved', createdAt: cst('2026-01-02T09:00'), approvedAt: cst('2026-01-05T09:00') }
  ]
}
// Every figure reads rollups, as the functions keep them; both communities are of street s1.
DATA.rollups = rebuildRollups(DATA, { streetOf: () => 's1' }) as unknown as Doc[]

describe('the aggregation plan (mingo, hand-made documents)', () => {
  const plan = figurePlan({ communityIds: ['c1', 'c2'], period: '2026-03', now: cst('2026-11-22T10:00'), streetId: 's1' })
  const results = runAll(DATA, plan)

  it('counts each wish event in its CST month, and null dates nowhere', () => {
    const parts = foldParts(plan, results, new Map())
    const c1 = figuresOf('c1', '一', parts.get('c1')!)
    // Posted in March: c, d (a and b were submitted in February). Published: b (Mar 1 00:00), d; a on Feb 28 23:59
    // is February. Claimed: a, b, d. 办结: b of the two published → 0.5.
    expect(c1.wishes).toMatchObject({
      posted: 2,
      published: 2,
      claimed: 3,
      fulfilled: 1,
      confirmed: 1,
      completed: 1,
      completionRate: 0.5,
      averageRating: 4,
      ratings: 1
    })
    expect(figuresOf('c2', '二', parts.get('c2')!).wishes).toMatchObject({
      posted: 1,
      published: 1,
      claimed: 1,
      fulfilled: 1,
      confirmed: 0,
      completed: 0,
      completionRate: 0
    })
  })

  it('sums points per CST month: the first minute of April and the last of February stay out', () => {
    const parts = foldParts(plan, results, new Map())
    expect(parts.get('c1')!.volunteer.points).toEqual({ issued: 10, redeemed: 8, adjustments: 0, adjusted: 0 })
    expect(parts.get('c2')!.volunteer.points).toEqual({ issued: -2, redeemed: 0, adjustments: 1, adjusted: -2 })
  })

  it('counts distinct volunteers with hours, per community and once over the street', () => {
    const parts = foldParts(plan, results, new Map())
    expect(parts.get('c1')!.volunteer.service).toEqual({ active: 1, hours: 2 })
    expect(parts.get('c2')!.volunteer.service).toEqual({ active: 1, hours: 1.5 })
    expect(overallService(results)).toEqual({ active: 1, hours: 3.5 })
  })

  it('keeps a pending registration out of "approved" although its approval date is null', () => {
    const parts = foldParts(plan, results, new Map())
    expect(parts.get('c1')!.party).toMatchObject({ registered: 2, approved: 1, renewed: 0 })
  })

  it('reads medians of odd and even counts from the histograms', () => {
    // c1 claims in March: a 1 day, b 3 days, d 3 days → the bucket from 3 days, holding 3 days twice.
    expect(mediansOf(results, 'c1').claimMs).toBe(3 * D)
    // Fulfilments in March: b 2 days, e 7 days (c2) → the two middle values.
    expect(mediansOf(results).fulfilMs).toBe((2 * D + 7 * D) / 2)
    expect(mediansOf(results, 'c2').claimMs).toBe(4 * H)
    expect(mediansOf({}, 'c1')).toEqual({ claimMs: null, fulfilMs: null })
  })

  it('adds communities up into the street total, recomputing the rate from the sums', () => {
    const parts = foldParts(plan, results, new Map())
    const total = streetTotal('s1', '街道合计', [...parts.values()], {
      medians: { claimMs: 3 * D, fulfilMs: null },
      service: overallService(results),
      coverage: []
    })
    expect(total.wishes).toMatchObject({
      posted: 3,
      published: 3,
      completed: 1,
      completionRate: 0.3333,
      medianDaysToClaim: 3,
      medianDaysToFulfil: null
    })
    expect(total.volunteers).toMatchObject({ active: 1, hours: 3.5, pointsIssued: 8, pointsRedeemed: 8 })
  })

  it('counts each month of a community dashboard’s trend as its own index range', () => {
    const detail = figurePlan({ communityIds: ['c1'], period: '2026-03', now: cst('2026-11-22T10:00'), detail: true })
    expect(detail.slices.map((m) => [m.key, m.inPeriod])).toEqual([
      ['2025-10', false],
      ['2025-11', false],
      ['2025-12', false],
      ['2026-01', false],
      ['2026-02', false],
      ['2026-03', true]
    ])
    const r = runAll(DATA, detail)
    // a published in February (23:59 on the 28th), b and d in March; b confirmed in March; l2 99 points in February.
    expect(trendOf(monthPartsOf(detail, r, 'c1')).slice(4)).toEqual([
      { month: '2026-02', published: 1, confirmed: 0, hours: 0, pointsIssued: 99 },
      { month: '2026-03', published: 2, confirmed: 1, hours: 2, pointsIssued: 10 }
    ])
    // A year still running draws only the months that have begun, but counts all of them.
    const running = figurePlan({ communityIds: ['c1'], period: '2026', now: cst('2026-03-15T10:00'), detail: true })
    expect(running.slices.filter((m) => m.drawn).map((m) => m.key)).toEqual(['2026-01', '2026-02', '2026-03'])
    expect(running.slices.filter((m) => m.inPeriod)).toHaveLength(12)
    expect(monthPartsOf(running, runAll(DATA, running), 'c1').map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03'])
    // The period figures come from March only.
    expect(foldParts(detail, r, new Map()).get('c1')!.volunteer.points).toEqual({
      issued: 10,
      redeemed: 8,
      adjustments: 0,
      adjusted: 0
    })
  })
})
