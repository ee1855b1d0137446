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

/** The [start, end) instants of a period written as "2026", "2026H1" or "2026-03". */
export function periodRange(period: string): { start: Date; end: Date } {
  const m = /^(\d{4})(?:H([12])|-(\d{2}))?$/.exec(period)
  if (!m) throw new RangeError(`bad period ${period}`)
  const year = Number(m[1])
  const [fromMonth, months] = m[2] ? [(Number(m[2]) - 1) * 6, 6] : m[3] ? [Number(m[3]) - 1, 1] : [0, 12]
  const start = Date.UTC(year, fromMonth, 1) - CST_OFFSET_MS
  const end = Date.UTC(year, fromMonth + months, 1) - CST_OFFSET_MS
  return { start: new Date(start), end: new Date(end) }
}
