// The aggregation plan of a dashboard: for a set of communities and a period, which collection each figure
// is counted in, with what $match (served by an index) and which $group stages (figures.ts). Each $group
// keys on plain fields; the months of a trend are separate index ranges rather than per-document date
// arithmetic. Wish and points figures come from rollups (_shared/domain/rollups.ts: counters per community
// and month kept with each event), so they do not grow with history. The repository runs the pipelines; foldParts turns their rows into each community's parts.
// Pure, so the whole plan can be checked against a hand-made data set without a database.
import type { CollectionName } from '../../../_shared/docs'
import type { CoverageCounts } from '../../../../types/schemas/lifeCircle'
import { periodRange } from '../../../_shared/domain/period'
import type { RollupFigure } from '../../../_shared/domain/rollups'
import {
  assessmentPerCommunity,
  confirmedIn,
  completedIn,
  DURATION_EVENT,
  hoursPerCommunity,
  ledgerRollupGroup,
  perCommunityRollup,
  publishedRollupGroup,
  confirmedRollupGroup,
  medianRead,
  memberGroup,
  pointsPart,
  publishedIn,
  ratingsIn,
  serviceOverall,
  servicePerCommunity,
  type CommunityParts,
  type ConfirmedRow,
  type Duration,
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
  lt?: number | Date
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
  /** A street: figures over all the communities at once that do not add up (distinct volunteers). */
  overall?: boolean
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
  pipelines: Record<string, Pipeline>
}

/** The pipelines counted per slice. */
type Sliced = 'published' | 'confirmed' | 'ledger' | 'hours'
const sliceName = (what: Sliced, slice: Slice) => `${what}@${slice.key}`

const within = (r: Range): Cond => ({ gte: r.start, lt: r.end })
const countPer = (field = 'communityId') => ({ group: { _id: `$${field}`, n: { $sum: 1 } } })

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
  const communityId: Match[string] = ids.length === 1 ? ids[0] : { in: [...ids] }
  const range = periodRange(input.period)
  const slices = slicesOf(input, range)
  const periodMonths = monthsOf(input.period).map((m) => m.month)
  const rollup = (figure: RollupFigure, months: readonly string[], group: Stage): Pipeline => ({
    collection: 'rollups',
    match: { figure, communityId, month: { in: months } },
    stages: [{ group }]
  })
  const completed = (r: Range): Match => ({ communityId, status: 'completed', hours: { gt: 0 }, activityStart: within(r) })
  const pipelines: Record<string, Pipeline> = {
    posted: rollup('wishPosted', periodMonths, perCommunityRollup),
    claimed: rollup('wishClaimed', periodMonths, perCommunityRollup),
    claimedTimed: rollup('wishClaimTimed', periodMonths, perCommunityRollup),
    fulfilled: rollup('wishFulfilled', periodMonths, perCommunityRollup),
    fulfilledTimed: rollup('wishFulfilTimed', periodMonths, perCommunityRollup),
    volunteers: { collection: 'volunteers', match: { communityId, createdAt: { lt: range.end } }, stages: [countPer()] },
    service: { collection: 'enrollments', match: completed(range), stages: servicePerCommunity },
    goods: {
      collection: 'redemptions',
      match: { communityId, status: 'pickedUp', closedAt: within(range) },
      stages: [{ group: { _id: '$communityId', n: { $sum: '$quantity' } } }]
    },
    members: {
      collection: 'partyMembers',
      match: { communityId },
      stages: [{ group: memberGroup(range, renewalHalf(input.period, input.now)) }]
    },
    assessment: { collection: 'assessmentEntries', match: { communityId, at: within(range) }, stages: assessmentPerCommunity },
    units: { collection: 'partyUnits', match: { communityId, status: 'approved', approvedAt: { lt: range.end } }, stages: [countPer()] },
    needs: {
      collection: 'partyNeeds',
      match: { communityId, status: 'confirmed' },
      stages: [{ unwind: '$history' }, { match: { 'history.event': 'confirm', 'history.at': within(range) } }, countPer()]
    }
  }
  for (const slice of slices) {
    pipelines[sliceName('published', slice)] = rollup('wishPublished', slice.months, publishedRollupGroup)
    pipelines[sliceName('confirmed', slice)] = rollup('wishConfirmed', slice.months, confirmedRollupGroup)
    pipelines[sliceName('ledger', slice)] = rollup('ledger', slice.months, ledgerRollupGroup)
    if (input.detail)
      pipelines[sliceName('hours', slice)] = { collection: 'enrollments', match: completed(slice), stages: hoursPerCommunity }
  }
  if (input.overall) pipelines.serviceOverall = { collection: 'enrollments', match: completed(range), stages: serviceOverall }
  return { communityIds: ids, range, slices, pipelines }
}

/** A sorted read that lands on the middle of the durations (null when no wish carries one). */
export interface SortedRead {
  collection: CollectionName
  match: Match
  /** Ascending, then by _id, so equal values come in a stable order. */
  path: string
  skip: number
  limit: number
}

export function medianQuery(communityIds: readonly string[], range: Range, duration: Duration, n: number): SortedRead | null {
  const read = medianRead(duration, n)
  if (!read) return null
  const communityId: Match[string] = communityIds.length === 1 ? communityIds[0] : { in: [...communityIds] }
  return { collection: 'wishes', match: { communityId, [DURATION_EVENT[duration]]: within(range), [read.path]: { gte: 0 } }, ...read }
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

/** One community's rows of a sliced pipeline, over the slices in the period (or every slice). */
function sliced<T>(plan: Plan, results: Results, what: Sliced, id: string, only: 'period' | 'all' = 'period'): T[] {
  return plan.slices.filter((s) => only === 'all' || s.inPeriod).flatMap((s) => rowsFor<T>(results, sliceName(what, s), id))
}

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

/** Each community's parts from the pipelines' rows, the medians and the life circle's coverage rows. */
export function foldParts(
  plan: Plan,
  results: Results,
  medians: ReadonlyMap<string, Medians>,
  coverage: ReadonlyMap<string, readonly CoverageCounts[]>
): Map<string, CommunityParts> {
  return new Map(
    plan.communityIds.map((id) => {
      const of = (name: string) => rowsFor<Row>(results, name, id)
      const service = of('service')
      const members = of('members')
      const assessment = of('assessment')
      const parts: CommunityParts = {
        wish: wishCountsOf(plan, results, id),
        medians: medians.get(id) ?? { claimMs: null, fulfilMs: null },
        volunteer: {
          registered: num(of('volunteers'), 'n'),
          service: { active: num(service, 'active'), hours: num(service, 'hours') },
          points: pointsPart(sliced<LedgerRow>(plan, results, 'ledger', id)),
          goodsRedeemed: num(of('goods'), 'n')
        },
        party: {
          registered: num(members, 'registered'),
          approved: num(members, 'approved'),
          renewed: num(members, 'renewed'),
          active: num(assessment, 'active'),
          hours: num(assessment, 'hours'),
          points: num(assessment, 'points'),
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
        published: rowsFor<PublishedRow>(results, sliceName('published', s), id),
        confirmed: rowsFor<ConfirmedRow>(results, sliceName('confirmed', s), id)
      },
      hours: num(rowsFor<Row>(results, sliceName('hours', s), id), 'hours'),
      ledger: rowsFor<LedgerRow>(results, sliceName('ledger', s), id)
    }))

/** Distinct volunteers and their hours over all the plan's communities. */
export const overallService = (results: Results): ServicePart => {
  const rows = results.serviceOverall ?? []
  return { active: num(rows, 'active'), hours: num(rows, 'hours') }
}
