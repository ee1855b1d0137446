// The 双重考评 report: one row per member for a period (registration, hours, wishes, needs, points,
// rating), and the same rows as CSV (UTF-8 with BOM, so Excel on Windows reads the Chinese). Pure.
import { toCsv } from './csvFile'
import { RATING_LABELS, type Rating } from '../../../types'
import { periodLabel } from '../../../types/periods'
import type { AssessmentRulesView, ReportRow } from '../../../types/schemas/party'
import type { MemberRegistrationDoc } from '../docs/party'
import { maxRating, ratingHalf, renewedIn, totalsOf, type SourceSum } from './assessment'
import { isoOrNull } from './dates'
import { phoneFor } from './masking'

/** Names the views need: communities and grids by id. */
export interface Names {
  community: (id: string) => string
  grid: (id: string | null) => string | null
}

export interface RowInput {
  reg: MemberRegistrationDoc
  sums: SourceSum[]
  rating: Rating | null
}

export function reportRow(
  { reg, sums, rating }: RowInput,
  ctx: { period: string; now: Date; rules: AssessmentRulesView; names: Names; fullAccess: boolean }
): ReportRow {
  const totals = totalsOf(sums, ctx.rules)
  const renewedHalves = reg.renewedHalves ?? []
  return {
    registrationId: reg._id,
    name: reg.name,
    phone: phoneFor(reg.phone, ctx.fullAccess),
    communityName: ctx.names.community(reg.communityId),
    workUnit: reg.workUnit,
    branch: reg.branch,
    approvedAt: isoOrNull(reg.approvedAt),
    renewedHalves,
    renewedThisHalf: renewedIn(renewedHalves, ratingHalf(ctx.period, ctx.now)),
    hours: totals.hours,
    wishes: totals.wishes,
    needs: totals.needs,
    points: totals.points,
    passed: totals.passed,
    rating,
    ratingLabel: rating ? RATING_LABELS[rating] : '未评定',
    maxRating: maxRating(renewedHalves, ctx.period, ctx.now)
  }
}

export const CSV_COLUMNS: Array<[string, (r: ReportRow) => string | number]> = [
  ['姓名', (r) => r.name],
  ['手机号', (r) => r.phone],
  ['报到社区', (r) => r.communityName],
  ['工作单位', (r) => r.workUnit],
  ['所在党支部', (r) => r.branch],
  ['报到通过日期', (r) => (r.approvedAt ? dayOf(r.approvedAt) : '')],
  ['已续报到半年度', (r) => r.renewedHalves.map(periodLabel).join('、')],
  ['志愿服务时长(小时)', (r) => r.hours],
  ['认领心愿(个)', (r) => r.wishes],
  ['完成需求(个)', (r) => r.needs],
  ['积分', (r) => r.points],
  ['是否达标', (r) => (r.passed ? '达标' : '未达标')],
  ['评定等次', (r) => r.ratingLabel]
]

/** Dates in the CSV are China Standard Time calendar days. */
function dayOf(isoString: string): string {
  return new Date(new Date(isoString).getTime() + 8 * 3600_000).toISOString().slice(0, 10)
}

export const reportCsv = (rows: ReportRow[]): string => toCsv(CSV_COLUMNS, rows)

export const reportFilename = (scopeName: string, period: string) => `${scopeName}-${period}年度党员双重考评.csv`
