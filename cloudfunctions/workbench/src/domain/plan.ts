// The aggregation plan of a dashboard: for a set of communities and a period, which rollup counters each
// figure adds up (_shared/domain/rollups.ts and communityRollups.ts: counters per community and month kept
// with each event), with what $match (served by the rollups' index) and which $group stage (figures.ts).
// Nothing is counted from history, so a dashboard reads as many cells whatever the size of the history:
// sums per month for events, every month before the period's end for registrations "as they stand", the
// period's distinct-people counter, and duration histograms for the medians. The repository runs the
// pipelines; foldParts turns their rows into each community's parts.
// Pure, so the whole plan can be checked against a hand-made data set without a database.
import type { CollectionName } from '../../../_shared/docs'
import type { CoverageCounts } from '../../../../types/schemas/lifeCircle'
import { monthOf, periodRange } from '../../../_shared/domain/period'
import type { RollupFigure } from '../../../_shared/domain/rollups'
import {
  confirmedIn,
  completedIn,
  medianOfHistogram,
  pointsPart,
  publishedIn,
  ratingsIn,
  type CommunityParts,
  type ConfirmedRow,
  type HistogramRow,
  type LedgerRow,
  type Medians,
  type MonthPart,
  type PublishedRow,
  type ServicePart,
  type WishCounts
} from './figures'
import { monthsOf, renewalHalf, trendMonths, type MonthRange, type Range } from './periods'

/** A condition on one field; the repository writes it with db.command. */
export interface Cond {
  gte?: number | Date
  gt?: number | Date
  lt?: number | Date | string
  in?: readonly unknown[]
}
export type Match = Record<string, string | number | boolean | Cond>
export type Stage = Record<string, unknown>

export interface Pipeline {
  collection: CollectionName
  match: Match
  stages: Stage[]
}

export interface PlanInput {
  communityIds: readonly string[]
  period: string
  now: Date
  /** A single community's dashboard: the trend months and the wish categories too. */
  detail?: boolean
  /** A street: figures over all the communities at once that do not add up (distinct volunteers) — its id. */
  streetId?: string
}

/** A range counted on its own: a month of the trend, or the whole period. */
export interface Slice extends Range {
  key: string
  /** The calendar months it is made of (rollups are per month). */
  months: readonly string[]
  inPeriod: boolean
  /** Drawn on the trend line: months that have begun (a month to come would draw a fall to zero). */
  drawn: boolean
}

export interface Plan {
  communityIds: readonly string[]
  range: Range
  slices: readonly Slice[]
  /** What each figure reads of the pipelines' rows (readsOf). */
  reads: Record<string, Read>
  pipelines: Record<string, Pipeline>
}

/** Grouped rows a rollup pipeline may answer (a street: communities × categories, statuses and buckets). */
const ROLLUP_ROWS = 10_000

/** The pipelines counted per slice. */
type Sliced = 'published' | 'confirmed' | 'ledger' | 'hours'

/** A row of the plan's pipelines: one counter's cells added up (shards, and months unless `m` is kept). */
export interface CellRow {
  _id: { f: string; c: string; m?: string; cat?: string; s?: string; r?: number | null; b?: number; k?: string; h?: string }
  n: number
  sum: number
}

/** What each figure reads: a rollup figure, which of the plan's pipelines holds it, and its rows' shape. */
export interface Read {
  figure: RollupFigure
  /** `months`: the period's (and trend's) months; `standing`: every month before the period's end. */
  from: 'months' | 'standing'
  shape: (r: CellRow) => Row
  keep?: (r: CellRow) => boolean
}

const count = (r: CellRow): Row => ({ _id: r._id.c, n: r.n })
const sumAs =
  (field: string) =>
  (r: CellRow): Row => ({ _id: r._id.c, [field]: r.sum })
const withMonth = (r: CellRow) => (r._id.m === undefined ? {} : { m: r._id.m })

function slicesOf(input: PlanInput, range: Range): Slice[] {
  if (!input.detail) return [{ key: 'period', ...range, months: monthsOf(input.period).map((m) => m.month), inPeriod: true, drawn: false }]
  const inPeriod = new Set(monthsOf(input.period).map((m) => m.month))
  return trendMonths(input.period).map((m: MonthRange) => ({
    key: m.month,
    months: [m.month],
    start: m.start,
    end: m.end,
    inPeriod: inPeriod.has(m.month),
    drawn: m.start.getTime() <= input.now.getTime()
  }))
}

export function figurePlan(input: PlanInput): Plan {
  const ids = input.communityIds
  const range = periodRange(input.period)
  const slices = slicesOf(input, range)
  const half = renewalHalf(input.period, input.now)
  const reads: Record<string, Read> = {
    posted: { figure: 'wishPosted', from: 'months', shape: count },
    claimed: { figure: 'wishClaimed', from: 'months', shape: count },
    claimedTimed: { figure: 'wishClaimTimed', from: 'months', shape: (r) => ({ _id: { c: r._id.c, b: r._id.b }, n: r.n, sum: r.sum }) },
    fulfilled: { figure: 'wishFulfilled', from: 'months', shape: count },
    fulfilledTimed: { figure: 'wishFulfilTimed', from: 'months', shape: (r) => ({ _id: { c: r._id.c, b: r._id.b }, n: r.n, sum: r.sum }) },
    volunteers: { figure: 'volunteerJoined', from: 'standing', shape: count },
    service: { figure: 'service', from: 'months', shape: sumAs('hours') },
    serviceActive: { figure: 'serviceActive', from: 'months', shape: count },
    goods: { figure: 'pickups', from: 'months', shape: count },
    registered: { figure: 'memberRegistered', from: 'standing', shape: count },
    approved: { figure: 'memberApproved', from: 'standing', shape: count },
    renewed: { figure: 'memberRenewed', from: 'standing', shape: count, keep: (r) => r._id.h === half },
    assessment: { figure: 'assessment', from: 'months', shape: sumAs('points') },
    assessmentHours: { figure: 'assessmentHours', from: 'months', shape: sumAs('hours') },
    partyActive: { figure: 'partyActive', from: 'months', shape: count },
    units: { figure: 'unitApproved', from: 'standing', shape: count },
    needs: { figure: 'needConfirmed', from: 'months', shape: count },
    published: {
      figure: 'wishPublished',
      from: 'months',
      shape: (r) => ({ _id: { c: r._id.c, cat: r._id.cat, s: r._id.s, ...withMonth(r) }, n: r.n })
    },
    confirmed: { figure: 'wishConfirmed', from: 'months', shape: (r) => ({ _id: { c: r._id.c, r: r._id.r, ...withMonth(r) }, n: r.n }) },
    ledger: {
      figure: 'ledger',
      from: 'months',
      shape: (r) => ({ _id: { c: r._id.c, k: r._id.k, ...withMonth(r) }, amount: r.sum, count: r.n })
    },
    ...(input.detail
      ? { hours: { figure: 'service', from: 'months', shape: (r) => ({ _id: { c: r._id.c, ...withMonth(r) }, hours: r.sum }) } }
      : {}),
    // Distinct volunteers over the whole street: its own counter, kept under the street's id.
    ...(input.streetId ? { serviceOverall: { figure: 'streetServiceActive', from: 'months', shape: count } } : {})
  } satisfies Record<string, Read>
  const periodMonths = monthsOf(input.period).map((m) => m.month)
  // The counters of distinct people are kept per period (month, half or year), under the period itself.
  const months = [...new Set([...slices.flatMap((s) => s.months), ...periodMonths, input.period])]
  const figuresFrom = (from: Read['from']) => [...new Set(Object.values(reads).flatMap((r) => (r.from === from ? [r.figure] : [])))]
  const scope = [...ids, ...(input.streetId ? [input.streetId] : [])]
  const cells = (from: Read['from'], month: Cond, id: Record<string, string>): Pipeline => ({
    collection: 'rollups',
    match: { figure: { in: figuresFrom(from) }, communityId: scope.length === 1 ? scope[0] : { in: scope }, month },
    stages: [
      { group: { _id: { f: '$figure', c: '$communityId', ...id }, n: { $sum: '$n' }, sum: { $sum: '$sum' } } },
      { limit: ROLLUP_ROWS }
    ]
  })
  const keys = { cat: '$key.cat', s: '$key.s', r: '$key.r', b: '$key.b', k: '$key.k' }
  return {
    communityIds: ids,
    range,
    slices,
    reads,
    pipelines: {
      // A community's trend needs its months apart; a street adds up the period's months.
      months: cells('months', { in: months }, input.detail ? { ...keys, m: '$month' } : keys),
      standing: cells('standing', { lt: monthOf(range.end) }, { h: '$key.h' })
    }
  }
}

/** Each figure's rows, as the plan's reads shape them from the pipelines' cell rows. */
export function readsOf(plan: Plan, rows: Readonly<Record<string, readonly CellRow[]>>): Results {
  const periodMonths = new Set(plan.slices.filter((s) => s.inPeriod).flatMap((s) => s.months))
  const results: Record<string, Row[]> = {}
  for (const [name, read] of Object.entries(plan.reads)) {
    const sliced = name === 'published' || name === 'confirmed' || name === 'ledger' || name === 'hours'
    results[name] = (rows[read.from] ?? [])
      .filter((r) => r._id.f === read.figure && (read.keep?.(r) ?? true))
      // Figures of the period alone leave the trend's months before it out (sliced figures pick theirs).
      .filter((r) => sliced || r._id.m === undefined || periodMonths.has(r._id.m) || !/^\d{4}-\d{2}$/.test(r._id.m))
      .map(read.shape)
  }
  return results
}

export type Row = Record<string, unknown>
export type Results = Record<string, readonly Row[] | undefined>

const communityOf = (r: Row): string => {
  const id = r._id as string | { c?: string } | null
  return typeof id === 'string' ? id : String(id?.c ?? '')
}
const rowsFor = <T>(results: Results, name: string, id: string) =>
  (results[name] ?? []).filter((r) => communityOf(r) === id) as unknown as T[]
const num = (rows: readonly Row[], key: string) => rows.reduce((s, r) => s + (Number(r[key]) || 0), 0)

/** One community's rows of a sliced pipeline in one slice (rows without a month: the plan's only slice). */
const inSlice = <T>(results: Results, what: Sliced, id: string, slice: Slice): T[] =>
  rowsFor<Row>(results, what, id).filter((r) => {
    const m = (r._id as { m?: string }).m
    return m === undefined || slice.months.includes(m)
  }) as unknown as T[]

/** One community's rows of a sliced pipeline, over the slices in the period. */
const sliced = <T>(plan: Plan, results: Results, what: Sliced, id: string): T[] =>
  plan.slices.filter((s) => s.inPeriod).flatMap((s) => inSlice<T>(results, what, id, s))

/** The wish counts of one community. */
export function wishCountsOf(plan: Plan, results: Results, id: string): WishCounts {
  const published = sliced<PublishedRow>(plan, results, 'published', id)
  const confirmed = sliced<ConfirmedRow>(plan, results, 'confirmed', id)
  const count = (name: string) => num(rowsFor<Row>(results, name, id), 'n')
  const ratings = ratingsIn(confirmed)
  return {
    posted: count('posted'),
    published: publishedIn(published),
    completed: completedIn(published),
    claimed: count('claimed'),
    claimDurations: count('claimedTimed'),
    fulfilled: count('fulfilled'),
    fulfilDurations: count('fulfilledTimed'),
    confirmed: confirmedIn(confirmed),
    ratingSum: ratings.sum,
    ratingCount: ratings.count
  }
}

/** The wishes published in the period by one community, per category and status (for the category bars). */
export const publishedRowsOf = (plan: Plan, results: Results, id: string) => sliced<PublishedRow>(plan, results, 'published', id)

/** The median durations of one community (or of all the plan's communities) from their histograms. */
export function mediansOf(results: Results, id?: string): Medians {
  const rows = (name: string) => (id === undefined ? (results[name] ?? []) : rowsFor<Row>(results, name, id)) as unknown as HistogramRow[]
  return { claimMs: medianOfHistogram(rows('claimedTimed')), fulfilMs: medianOfHistogram(rows('fulfilledTimed')) }
}

/** Each community's parts from the pipelines' rows and the life circle's coverage rows. */
export function foldParts(
  plan: Plan,
  results: Results,
  coverage: ReadonlyMap<string, readonly CoverageCounts[]>
): Map<string, CommunityParts> {
  return new Map(
    plan.communityIds.map((id) => {
      const of = (name: string) => rowsFor<Row>(results, name, id)
      const parts: CommunityParts = {
        wish: wishCountsOf(plan, results, id),
        medians: mediansOf(results, id),
        volunteer: {
          registered: num(of('volunteers'), 'n'),
          service: { active: num(of('serviceActive'), 'n'), hours: num(of('service'), 'hours') },
          points: pointsPart(sliced<LedgerRow>(plan, results, 'ledger', id)),
          goodsRedeemed: num(of('goods'), 'n')
        },
        party: {
          registered: num(of('registered'), 'n'),
          approved: num(of('approved'), 'n'),
          renewed: num(of('renewed'), 'n'),
          active: num(of('partyActive'), 'n'),
          hours: num(of('assessmentHours'), 'hours'),
          points: num(of('assessment'), 'points'),
          units: num(of('units'), 'n'),
          needsCompleted: num(of('needs'), 'n')
        },
        coverage: coverage.get(id) ?? []
      }
      return [id, parts]
    })
  )
}

/** Each month of a community dashboard's trend. */
export const monthPartsOf = (plan: Plan, results: Results, id: string): MonthPart[] =>
  plan.slices
    .filter((s) => s.drawn)
    .map((s) => ({
      month: s.key,
      wishes: {
        published: inSlice<PublishedRow>(results, 'published', id, s),
        confirmed: inSlice<ConfirmedRow>(results, 'confirmed', id, s)
      },
      hours: num(inSlice<Row>(results, 'hours', id, s), 'hours'),
      ledger: inSlice<LedgerRow>(results, 'ledger', id, s)
    }))

/** Distinct volunteers over all the plan's communities (a street's counter) and their hours. */
export const overallService = (results: Results): ServicePart => ({
  active: num(results.serviceOverall ?? [], 'n'),
  hours: num(results.service ?? [], 'hours')
})
