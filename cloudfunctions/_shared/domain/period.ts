// Calendar periods in China Standard Time (UTC+8, no daylight saving), used by assessments, quotas and
// dashboards. Pure functions.
const CST_OFFSET_MS = 8 * 3600_000

const cst = (d: Date) => new Date(d.getTime() + CST_OFFSET_MS)

/** "2026" */
export const assessmentPeriod = (d: Date) => String(cst(d).getUTCFullYear())

/** "2026H1" or "2026H2" */
export const halfYear = (d: Date) => `${cst(d).getUTCFullYear()}H${cst(d).getUTCMonth() < 6 ? 1 : 2}`

/** "2026-03" */
export const monthOf = (d: Date) => `${cst(d).getUTCFullYear()}-${String(cst(d).getUTCMonth() + 1).padStart(2, '0')}`

/** Midnight CST of the first day of month `month0` (0-based, may run past 11) of `year`. */
function cstMonthStart(year: number, month0: number): Date {
  const d = new Date(0)
  d.setUTCFullYear(year, month0, 1)
  return new Date(d.getTime() - CST_OFFSET_MS)
}

/**
 * The [start, end) instants of a period written as "2026", "2026H1" or "2026-03". Callers' periods are
 * limited to sane years by the contract (types/schemas/common.ts); derived ones (the months before a
 * trend's first) may fall outside, so any four-digit year is read as itself (Date.UTC alone would read
 * 0000–0099 as 1900–1999).
 */
export function periodRange(period: string): { start: Date; end: Date } {
  const m = /^(\d{4})(?:H([12])|-(\d{2}))?$/.exec(period)
  if (!m) throw new RangeError(`bad period ${period}`)
  const year = Number(m[1])
  const [fromMonth, months] = m[2] ? [(Number(m[2]) - 1) * 6, 6] : m[3] ? [Number(m[3]) - 1, 1] : [0, 12]
  return { start: cstMonthStart(year, fromMonth), end: cstMonthStart(year, fromMonth + months) }
}
