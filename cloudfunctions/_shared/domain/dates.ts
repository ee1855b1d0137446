// Stored dates as answers give them. Dates come back from the database as Date; hand-made documents may
// hold strings or numbers.
export type StoredDate = Date | string | number

export const asDate = (v: StoredDate) => (v instanceof Date ? v : new Date(v))
export const iso = (v: StoredDate) => asDate(v).toISOString()

/** The ISO string, or null for a missing or unreadable date. */
export function isoOrNull(v: StoredDate | null | undefined): string | null {
  if (v == null) return null
  const d = asDate(v)
  return Number.isNaN(d.getTime()) ? null : d.toISOString()
}

const CHINA_OFFSET_MS = 8 * 3600_000

/** A moment as a resident reads it, in China time: "12月3日 19:00". */
export function chinaDateTime(v: StoredDate): string {
  const d = new Date(asDate(v).getTime() + CHINA_OFFSET_MS)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}
