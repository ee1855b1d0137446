// The time windows of the dashboards, in China Standard Time: the period asked for, the months of its trend
// line, and the half-year whose renewals count. Pure.
import { halfYear, monthOf, periodRange } from '../../../_shared/domain/period'
import { ratingHalf } from '../../../_shared/domain/assessment'

export interface Range {
  start: Date
  end: Date
}

export interface MonthRange extends Range {
  /** "2026-03" */
  month: string
}

/** The trend of a single month shows it with the five months before it. */
const MONTH_TREND_LENGTH = 6

const monthRange = (year: number, month0: number): MonthRange => {
  const y = year + Math.floor(month0 / 12)
  const m = ((month0 % 12) + 12) % 12
  const month = `${y}-${String(m + 1).padStart(2, '0')}`
  return { month, ...periodRange(month) }
}

/** The calendar months a period is made of ("2026" → 12, "2026H2" → 6, "2026-03" → 1). */
export function monthsOf(period: string): MonthRange[] {
  const { start, end } = periodRange(period)
  const first = monthOf(start)
  const year = Number(first.slice(0, 4))
  const month0 = Number(first.slice(5, 7)) - 1
  const out: MonthRange[] = []
  for (let i = 0; ; i++) {
    const m = monthRange(year, month0 + i)
    if (m.start.getTime() >= end.getTime()) return out
    out.push(m)
  }
}

/** The months of the trend line: the period's months, or for a single month the six months ending with it. */
export function trendMonths(period: string): MonthRange[] {
  const months = monthsOf(period)
  if (months.length > 1) return months
  const year = Number(period.slice(0, 4))
  const month0 = Number(period.slice(5, 7)) - 1
  return Array.from({ length: MONTH_TREND_LENGTH }, (_, i) => monthRange(year, month0 - (MONTH_TREND_LENGTH - 1) + i))
}

/** The smallest range covering all of the given ranges. */
export function spanOf(ranges: readonly Range[]): Range {
  return {
    start: new Date(Math.min(...ranges.map((r) => r.start.getTime()))),
    end: new Date(Math.max(...ranges.map((r) => r.end.getTime())))
  }
}

/**
 * The half-year whose renewals the dashboard counts: a half-year period itself; the half of a month; for a
 * year, the half a rating of that year looks at (party pillar: the current half while the year runs).
 */
export function renewalHalf(period: string, now: Date): string {
  if (/H[12]$/.test(period)) return period
  if (/^\d{4}-\d{2}$/.test(period)) return halfYear(periodRange(period).start)
  return ratingHalf(period, now)
}

/** The assessment year (党员积分 are rated per calendar year) a period falls in. */
export const assessmentYear = (period: string) => period.slice(0, 4)
