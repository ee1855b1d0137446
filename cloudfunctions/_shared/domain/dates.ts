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
