// Periods as people read them. Zod-free: the app, the functions and their CSV files share it.

/** "2026" → "2026年", "2026H2" → "2026年下半年", "2026-03" → "2026年3月"; anything else as it is. */
export function periodLabel(period: string): string {
  const m = /^(\d{4})(?:H([12])|-(\d{2}))?$/.exec(period)
  if (!m) return period
  if (m[2]) return `${m[1]}年${m[2] === '1' ? '上' : '下'}半年`
  if (m[3]) return `${m[1]}年${Number(m[3])}月`
  return `${m[1]}年`
}
