// What every dashboard figure means, in one place: the $group stages that make the database count them, and
// the pure functions that turn the grouped rows ("parts") into the figures the app shows. A community's
// dashboard and every row of the street comparison are made the same way; the street total adds the parts
// up and recomputes rates from summed numerators and denominators (medians and distinct people come from
// street-wide aggregations, since they do not add up). Pure.
import { WISH_CATEGORIES, WISH_CATEGORY_LABELS, type WishCategory } from '../../../../types/enums'
import type { CoverageCounts } from '../../../../types/schemas/lifeCircle'
import type {
  CategoryBar,
  CommunityFigures,
  CoverageBar,
  CoverageSummary,
  PartyFigures,
  TrendPoint,
  VolunteerFigures,
  WishFigures
} from '../../../../types/workbench'
import { histogramMedian, type HistogramBucket } from '../../../_shared/domain/rollups'
import { ratio } from '../../../_shared/domain/stats'

const DAY_MS = 86_400_000
const round1 = (x: number) => Math.round(x * 10) / 10
const round2 = (x: number) => Math.round(x * 100) / 100

// --- wishes ---------------------------------------------------------------------------------------------
//
// Every figure is an event in the period: submitted (createdAt), published, claimed, fulfilled, confirmed.
// 办结 counts the wishes published in the period that are confirmed now. Each event is counted from the
// rollup cells of the period's months (_shared/domain/rollups.ts; a wish's cells move with its status), the
// shards added up; months of the trend are separate month lists.

export interface PublishedRow {
  _id: { c: string; cat?: string; s?: string }
  n: number
}
export interface ConfirmedRow {
  _id: { c: string; r?: number | null }
  n: number
}
export interface CountRow {
  _id: string
  n: number
}

export interface WishCounts {
  posted: number
  published: number
  completed: number
  claimed: number
  claimDurations: number
  fulfilled: number
  fulfilDurations: number
  confirmed: number
  ratingSum: number
  ratingCount: number
}

export const emptyWishCounts = (): WishCounts => ({
  posted: 0,
  published: 0,
  completed: 0,
  claimed: 0,
  claimDurations: 0,
  fulfilled: 0,
  fulfilDurations: 0,
  confirmed: 0,
  ratingSum: 0,
  ratingCount: 0
})

/** What a month's published and confirmed pipelines say about one community. */
export interface MonthRows {
  published: readonly PublishedRow[]
  confirmed: readonly ConfirmedRow[]
}

export const publishedIn = (rows: readonly PublishedRow[]) => rows.reduce((n, r) => n + r.n, 0)
export const completedIn = (rows: readonly PublishedRow[]) => rows.reduce((n, r) => n + (r._id.s === 'confirmed' ? r.n : 0), 0)
export const confirmedIn = (rows: readonly ConfirmedRow[]) => rows.reduce((n, r) => n + r.n, 0)

/** Ratings are 1–5 stars; a confirmation without one does not count. */
export function ratingsIn(rows: readonly ConfirmedRow[]): { sum: number; count: number } {
  let sum = 0
  let count = 0
  for (const r of rows) {
    const stars = Number(r._id.r)
    if (stars > 0) {
      sum += stars * r.n
      count += r.n
    }
  }
  return { sum, count }
}

export interface HistogramRow {
  _id: { c: string; b: number }
  n: number
  sum: number
}

/**
 * The median of the durations counted in histogram rows (of one community, or of several added up): within
 * a bucket's width of the true median (DURATION_BUCKETS says how wide).
 */
export function medianOfHistogram(rows: readonly HistogramRow[]): number | null {
  const buckets = new Map<number, HistogramBucket>()
  for (const r of rows) {
    const b = buckets.get(Number(r._id.b)) ?? { n: 0, sum: 0 }
    buckets.set(Number(r._id.b), { n: b.n + r.n, sum: b.sum + (r.sum ?? 0) })
  }
  return histogramMedian(buckets)
}

export interface Medians {
  claimMs: number | null
  fulfilMs: number | null
}

const days = (ms: number | null) => (ms === null ? null : round1(ms / DAY_MS))

export function wishFigures(w: WishCounts, medians: Medians): WishFigures {
  return {
    posted: w.posted,
    published: w.published,
    claimed: w.claimed,
    fulfilled: w.fulfilled,
    confirmed: w.confirmed,
    completed: w.completed,
    completionRate: ratio(w.completed, w.published),
    medianDaysToClaim: days(medians.claimMs),
    medianDaysToFulfil: days(medians.fulfilMs),
    averageRating: w.ratingCount ? round2(w.ratingSum / w.ratingCount) : null,
    ratings: w.ratingCount
  }
}

/** Published in the period per category, and how many of those are confirmed now. */
export function wishCategoryBars(published: readonly PublishedRow[], categories: readonly WishCategory[] = WISH_CATEGORIES): CategoryBar[] {
  return categories.map((c) => {
    const rows = published.filter((r) => r._id.cat === c)
    return { category: c, label: WISH_CATEGORY_LABELS[c], published: publishedIn(rows), completed: completedIn(rows) }
  })
}

// --- volunteers and points --------------------------------------------------------------------------------

export interface LedgerRow {
  _id: { c: string; k: string }
  amount: number
  count?: number
}

const ISSUED_KINDS = new Set(['credit', 'adjust'])
const SPENT_KINDS = new Set(['redemption', 'refund'])

export interface PointsPart {
  issued: number
  redeemed: number
  /** Staff adjustments posted (applied at once or approved) and their net points. */
  adjustments: number
  adjusted: number
}

/** Points issued (credits and staff adjustments, net) and redeemed (redemptions minus refunds); adjustments apart too. */
export function pointsPart(rows: readonly LedgerRow[]): PointsPart {
  let issued = 0
  let spent = 0
  let adjustments = 0
  let adjusted = 0
  for (const r of rows) {
    if (ISSUED_KINDS.has(r._id.k)) issued += r.amount
    else if (SPENT_KINDS.has(r._id.k)) spent += r.amount
    if (r._id.k === 'adjust') {
      adjustments += r.count ?? 0
      adjusted += r.amount
    }
  }
  return { issued, redeemed: spent === 0 ? 0 : -spent, adjustments, adjusted }
}

export interface ServicePart {
  active: number
  hours: number
}

export interface VolunteerPart {
  registered: number
  service: ServicePart
  points: PointsPart
  goodsRedeemed: number
}

export const volunteerFigures = (p: VolunteerPart): VolunteerFigures => ({
  registered: p.registered,
  active: p.service.active,
  hours: round1(p.service.hours),
  pointsIssued: p.points.issued,
  pointsRedeemed: p.points.redeemed,
  adjustments: p.points.adjustments,
  pointsAdjusted: p.points.adjusted,
  goodsRedeemed: p.goodsRedeemed
})

// --- party ---------------------------------------------------------------------------------------------------

export interface PartyPart {
  registered: number
  approved: number
  renewed: number
  active: number
  hours: number
  points: number
  units: number
  needsCompleted: number
}

export const partyFigures = (p: PartyPart): PartyFigures => ({
  registered: p.registered,
  approved: p.approved,
  renewed: p.renewed,
  active: p.active,
  hours: round1(p.hours),
  averagePoints: p.approved ? round1(p.points / p.approved) : null,
  units: p.units,
  needsCompleted: p.needsCompleted
})

// --- coverage ------------------------------------------------------------------------------------------------

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null)
const mean = (xs: number[]) => (xs.length ? Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 10_000) / 10_000 : null)

/** A community's coverage in four numbers, from the life circle's per-category rows. */
export function coverageSummary(rows: readonly CoverageCounts[]): CoverageSummary {
  const populated = rows.filter((r) => r.compounds > 0)
  return {
    compounds: rows[0]?.compounds ?? 0,
    households: rows[0]?.households ?? 0,
    averageHouseholdShare: mean(populated.filter((r) => r.households > 0).map((r) => share(r.householdsCovered, r.households) as number)),
    averageCompoundShare: mean(populated.map((r) => share(r.compoundsCovered, r.compounds) as number)),
    gaps: rows.reduce((s, r) => s + (r.compounds - r.compoundsCovered), 0)
  }
}

// --- a community's figures, and the street total ----------------------------------------------------------------

export interface CommunityParts {
  wish: WishCounts
  medians: Medians
  volunteer: VolunteerPart
  party: PartyPart
  coverage: readonly CoverageCounts[]
}

export const figuresOf = (communityId: string, communityName: string, p: CommunityParts): CommunityFigures => ({
  communityId,
  communityName,
  wishes: wishFigures(p.wish, p.medians),
  volunteers: volunteerFigures(p.volunteer),
  party: partyFigures(p.party),
  coverage: coverageSummary(p.coverage)
})

function addNumbers<T extends object>(a: T, b: T): T {
  const out = { ...a } as Record<string, unknown>
  for (const [k, v] of Object.entries(b)) {
    const mine = out[k]
    if (typeof v === 'number' && typeof mine === 'number') out[k] = mine + v
    else if (v && typeof v === 'object' && mine && typeof mine === 'object') out[k] = addNumbers(mine as object, v as object)
  }
  return out as T
}

/** What does not add up across communities and comes from street-wide aggregations instead. */
export interface StreetWhole {
  medians: Medians
  service: ServicePart
  /** The life circle's rows for the whole street (a compound counts once). */
  coverage: readonly CoverageCounts[]
}

/** The street total: counts and sums added up, rates recomputed from them, the rest from the street-wide parts. */
export function streetTotal(streetId: string, streetName: string, parts: readonly CommunityParts[], whole: StreetWhole): CommunityFigures {
  const wish = parts.reduce((s, p) => addNumbers(s, p.wish), emptyWishCounts())
  const zeroVolunteer: VolunteerPart = {
    registered: 0,
    service: { active: 0, hours: 0 },
    points: { issued: 0, redeemed: 0, adjustments: 0, adjusted: 0 },
    goodsRedeemed: 0
  }
  const zeroParty: PartyPart = { registered: 0, approved: 0, renewed: 0, active: 0, hours: 0, points: 0, units: 0, needsCompleted: 0 }
  const volunteer = parts.reduce((s, p) => addNumbers(s, p.volunteer), zeroVolunteer)
  const party = parts.reduce((s, p) => addNumbers(s, p.party), zeroParty)
  return figuresOf(streetId, streetName, {
    wish,
    medians: whole.medians,
    volunteer: { ...volunteer, service: whole.service },
    party,
    coverage: whole.coverage
  })
}

// --- the trend line -------------------------------------------------------------------------------------------

export interface MonthPart {
  month: string
  wishes: MonthRows
  hours: number
  ledger: readonly LedgerRow[]
}

export const trendOf = (months: readonly MonthPart[]): TrendPoint[] =>
  months.map((m) => ({
    month: m.month,
    published: publishedIn(m.wishes.published),
    confirmed: confirmedIn(m.wishes.confirmed),
    hours: round1(m.hours),
    pointsIssued: pointsPart(m.ledger).issued
  }))

// --- the coverage bars ------------------------------------------------------------------------------------------

/** The life circle's per-category rows with each category's name and walk tier, in the category list's order. */
export function coverageBars(
  rows: readonly CoverageCounts[],
  categories: ReadonlyArray<{ id: string; name: string; tier: number }>
): CoverageBar[] {
  const byCategory = new Map(rows.map((r) => [r.category as string, r]))
  return categories.flatMap((c) => {
    const r = byCategory.get(c.id)
    return r
      ? [
          {
            category: c.id,
            name: c.name,
            tier: c.tier,
            compounds: r.compounds,
            compoundsCovered: r.compoundsCovered,
            households: r.households,
            householdsCovered: r.householdsCovered,
            compoundShare: r.compoundShare,
            householdShare: r.householdShare
          }
        ]
      : []
  })
}
