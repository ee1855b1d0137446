// The staff workbench's shared vocabulary: queue kinds, export kinds, the dashboard's figures and the street
// comparison's columns with their sort. No zod here, so the app can use it without bundling the schemas.
import type { CoverageCounts } from './schemas/lifeCircle'

/** What waits for a staff member (in their community) or a merchant (at their shop). */
export const QUEUE_KINDS = ['wishReview', 'overdueClaims', 'registrations', 'merchants', 'needs', 'hours', 'approvals', 'pickups'] as const
export type QueueKind = (typeof QUEUE_KINDS)[number]

export const QUEUE_LABELS: Record<QueueKind, { title: string; unit: string }> = {
  wishReview: { title: '待审核心愿', unit: '个' },
  overdueClaims: { title: '认领超期未实现', unit: '个' },
  registrations: { title: '待审核报到', unit: '份' },
  merchants: { title: '待审核商家', unit: '家' },
  needs: { title: '待确认需求', unit: '个' },
  hours: { title: '待更正服务时长', unit: '条' },
  approvals: { title: '待审批积分与时长调整', unit: '项' },
  pickups: { title: '待核销兑换', unit: '单' }
}

export interface QueueItem {
  id: string
  /** What the item is, in a few words (a wish title, an applicant and their unit, goods × quantity). */
  title: string
  /** Since when it waits (ISO). */
  since: string
}

export interface Queue {
  kind: QueueKind
  count: number
  /** Up to three of the items, the one waiting longest first. */
  oldest: QueueItem[]
}

export interface QueuesResult {
  /** The community whose queues these are (staff), or null (a merchant or a street admin only). */
  communityId: string | null
  communityName: string | null
  /** The shops whose pickups are counted (merchants). */
  merchantIds: string[]
  /** Non-empty queues first, the one whose oldest item waits longest first; empty ones after. */
  queues: Queue[]
  asOf: string
}

/** The CSV reports. */
export const EXPORT_KINDS = ['registrations', 'assessment', 'volunteerRecords', 'redemptions', 'wishes', 'coverageGaps'] as const
export type ExportKind = (typeof EXPORT_KINDS)[number]
export const EXPORT_LABELS: Record<ExportKind, string> = {
  registrations: '双报到名单',
  assessment: '党员考评报表',
  volunteerRecords: '志愿服务记录',
  redemptions: '积分兑换记录',
  wishes: '微心愿台账',
  coverageGaps: '设施覆盖缺口'
}

export interface CsvExport {
  kind: ExportKind
  filename: string
  /** UTF-8 text starting with a BOM (\ufeff), so Excel opens the Chinese correctly. */
  csv: string
  rows: number
  /** True when personal data in it is masked for the exporting role. */
  masked: boolean
}

// --- figures -------------------------------------------------------------------------------------------

export interface WishFigures {
  /** Submitted in the period. */
  posted: number
  /** Published (reached the wall) in the period. */
  published: number
  claimed: number
  fulfilled: number
  confirmed: number
  /** Of the wishes published in the period, those confirmed by now (办结). */
  completed: number
  /** 办结率 = completed ÷ published, 0..1; null when nothing was published. */
  completionRate: number | null
  /** Over wishes claimed in the period: publication to claim, in days. */
  medianDaysToClaim: number | null
  /** Over wishes fulfilled in the period: claim to fulfilment, in days. */
  medianDaysToFulfil: number | null
  /** Over wishes confirmed in the period (1–5 stars). */
  averageRating: number | null
  ratings: number
}

export interface VolunteerFigures {
  /** Volunteers of the community registered by the end of the period. */
  registered: number
  /** People who completed service (hours > 0) in the community's activities in the period. */
  active: number
  hours: number
  /** Credits and staff adjustments posted in the community in the period. */
  pointsIssued: number
  /** Redemptions minus refunds in the community in the period. */
  pointsRedeemed: number
  /** Staff points adjustments posted in the period (applied at once or approved by a second staff member). */
  adjustments: number
  /** Their net points (part of pointsIssued). */
  pointsAdjusted: number
  /** Items handed over (picked up) in the period. */
  goodsRedeemed: number
}

export interface PartyFigures {
  /** Member registrations pending or approved, submitted by the end of the period. */
  registered: number
  approved: number
  /** Approved members who renewed in the period's half-year (for a year: the half a rating looks at). */
  renewed: number
  /** Members with a wish, need or service hours credited in the period. */
  active: number
  hours: number
  /** Assessment points credited in the period ÷ approved members. */
  averagePoints: number | null
  /** Unit party organisations approved by the end of the period. */
  units: number
  /** Needs confirmed as completed in the period. */
  needsCompleted: number
}

export interface CoverageSummary {
  compounds: number
  households: number
  /** Mean over the facility categories of the share of households covered, 0..1. */
  averageHouseholdShare: number | null
  averageCompoundShare: number | null
  /** Compound × category pairs lacking the category within its walk tier. */
  gaps: number
}

export interface CommunityFigures {
  communityId: string
  communityName: string
  wishes: WishFigures
  volunteers: VolunteerFigures
  party: PartyFigures
  coverage: CoverageSummary
}

/** A category's coverage counts (as lifeCircle computes them) with its name and walk tier. */
export interface CoverageBar extends Omit<CoverageCounts, 'category'> {
  category: string
  name: string
  tier: number
}

export interface CategoryBar {
  category: string
  label: string
  published: number
  completed: number
}

export interface TrendPoint {
  /** "2026-03" */
  month: string
  published: number
  confirmed: number
  hours: number
  pointsIssued: number
}

export interface PeriodScope {
  period: string
  /** [from, to) as ISO instants (China Standard Time calendar). */
  from: string
  to: string
}

export interface Dashboard {
  scope: PeriodScope & { communityId: string; communityName: string; streetId: string }
  figures: CommunityFigures
  coverage: CoverageBar[]
  wishCategories: CategoryBar[]
  trend: TrendPoint[]
  generatedAt: string
}

export interface StreetDashboard {
  scope: PeriodScope & { streetId: string; streetName: string }
  rows: CommunityFigures[]
  /** The whole street: sums, rates from summed parts, medians and distinct people over the whole street. */
  total: CommunityFigures
  generatedAt: string
}

// --- the street comparison's columns -------------------------------------------------------------------

export type FigureFormat = 'count' | 'rate' | 'hours' | 'score' | 'days'

export const STREET_COLUMNS = [
  { key: 'wishesPublished', label: '发布心愿', format: 'count', value: (r: CommunityFigures) => r.wishes.published },
  { key: 'completionRate', label: '办结率', format: 'rate', value: (r: CommunityFigures) => r.wishes.completionRate },
  { key: 'averageRating', label: '满意度', format: 'score', value: (r: CommunityFigures) => r.wishes.averageRating },
  { key: 'medianDaysToClaim', label: '认领用时', format: 'days', value: (r: CommunityFigures) => r.wishes.medianDaysToClaim },
  { key: 'activeVolunteers', label: '活跃志愿者', format: 'count', value: (r: CommunityFigures) => r.volunteers.active },
  { key: 'volunteerHours', label: '志愿时长', format: 'hours', value: (r: CommunityFigures) => r.volunteers.hours },
  { key: 'pointsIssued', label: '发放积分', format: 'count', value: (r: CommunityFigures) => r.volunteers.pointsIssued },
  { key: 'membersApproved', label: '报到党员', format: 'count', value: (r: CommunityFigures) => r.party.approved },
  { key: 'membersActive', label: '活跃党员', format: 'count', value: (r: CommunityFigures) => r.party.active },
  { key: 'coverage', label: '设施覆盖率', format: 'rate', value: (r: CommunityFigures) => r.coverage.averageHouseholdShare }
] as const satisfies ReadonlyArray<{ key: string; label: string; format: FigureFormat; value: (r: CommunityFigures) => number | null }>

export type StreetSortKey = 'communityName' | (typeof STREET_COLUMNS)[number]['key']
export type SortOrder = 'asc' | 'desc'

const valueOf = (key: StreetSortKey, row: CommunityFigures): number | string | null =>
  key === 'communityName' ? row.communityName : (STREET_COLUMNS.find((c) => c.key === key)?.value(row) ?? null)

/**
 * The street table's rows ordered by one column. Communities without a value (null: nothing to measure)
 * go last in either order; ties keep the community id order, so the table never jumps between taps.
 */
export function sortStreetRows(rows: readonly CommunityFigures[], key: StreetSortKey, order: SortOrder): CommunityFigures[] {
  const sign = order === 'asc' ? 1 : -1
  return [...rows].sort((a, b) => {
    const va = valueOf(key, a)
    const vb = valueOf(key, b)
    if (va === null || vb === null) return va === vb ? a.communityId.localeCompare(b.communityId) : va === null ? 1 : -1
    const diff = typeof va === 'string' ? va.localeCompare(vb as string, 'zh-Hans-CN') : va - (vb as number)
    return diff !== 0 ? sign * diff : a.communityId.localeCompare(b.communityId)
  })
}
