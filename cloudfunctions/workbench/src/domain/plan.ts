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
  histogramRollupGroup,
  ledgerRollupGroup,
  medianOfHistogram,
  perCommunityRollup,
  publishedRollupGroup,
  confirmedRollupGroup,
  pointsPart,
  publishedIn,
  ratingsIn,
  sumPerCommunityRollup,
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
  pipelines: Record<string, Pipeline>
}

/** Grouped rows a rollup pipeline may answer (a street's histograms: communities × buckets). */
const ROLLUP_ROWS = 10_000

/** The pipelines counted per slice. */
type Sliced = 'published' | 'confirmed' | 'ledger' | 'hours'

/** A $group also keyed by month, so one pipeline answers every slice (its rows carry _id.m). */
function perMonth(group: Stage): Stage {
  const id = group._id
  return { ...group, _id: typeof id === 'string' ? { c: id, m: '$month' } : { ...(id as object), m: '$month' } }
}

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
  const periodMonths: Cond = { in: monthsOf(input.period).map((m) => m.month) }
  /** Every month before the period's end: what stands by then. */
  const upToEnd: Cond = { lt: monthOf(range.end) }
  const rollup = (figure: RollupFigure, month: Match[string], group: Stage, key: Match = {}): Pipeline => ({
    collection: 'rollups',
    match: { figure, communityId, month, ...key },
    stages: [{ group }, { limit: ROLLUP_ROWS }]
  })
  const half = renewalHalf(input.period, input.now)
  const pipelines: Record<string, Pipeline> = {
    posted: rollup('wishPosted', periodMonths, perCommunityRollup),
    claimed: rollup('wishClaimed', periodMonths, perCommunityRollup),
    claimedTimed: rollup('wishClaimTimed', periodMonths, histogramRollupGroup),
    fulfilled: rollup('wishFulfilled', periodMonths, perCommunityRollup),
    fulfilledTimed: rollup('wishFulfilTimed', periodMonths, histogramRollupGroup),
    volunteers: rollup('volunteerJoined', upToEnd, perCommunityRollup),
    service: rollup('service', periodMonths, sumPerCommunityRollup('hours')),
    serviceActive: rollup('serviceActive', input.period, perCommunityRollup),
    goods: rollup('pickups', periodMonths, perCommunityRollup),
    registered: rollup('memberRegistered', upToEnd, perCommunityRollup),
    approved: rollup('memberApproved', upToEnd, perCommunityRollup),
    renewed: rollup('memberRenewed', upToEnd, perCommunityRollup, { 'key.h': half }),
    assessment: rollup('assessment', periodMonths, sumPerCommunityRollup('points')),
    assessmentHours: rollup('assessmentHours', periodMonths, sumPerCommunityRollup('hours')),
    partyActive: rollup('partyActive', input.period, perCommunityRollup),
    units: rollup('unitApproved', upToEnd, perCommunityRollup),
    needs: rollup('needConfirmed', periodMonths, perCommunityRollup)
  }
  // A community's trend needs its months apart; a street adds up its single slice (the period).
  const sliceMonths: Cond = { in: [...new Set(slices.flatMap((s) => s.months))] }
  const sliceGroup = input.detail ? perMonth : (group: Stage) => group
  pipelines.published = rollup('wishPublished', sliceMonths, sliceGroup(publishedRollupGroup))
  pipelines.confirmed = rollup('wishConfirmed', sliceMonths, sliceGroup(confirmedRollupGroup))
  pipelines.ledger = rollup('ledger', sliceMonths, sliceGroup(ledgerRollupGroup))
  if (input.detail) pipelines.hours = rollup('service', sliceMonths, perMonth(sumPerCommunityRollup('hours')))
  if (input.streetId)
    pipelines.serviceOverall = {
      collection: 'rollups',
      match: { figure: 'streetServiceActive', communityId: input.streetId, month: input.period },
      stages: [{ group: { _id: null, n: { $sum: '$n' } } }]
    }
  return { communityIds: ids, range, slices, pipelines }
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
