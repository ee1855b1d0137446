// Service hours and the points they earn. Hours are check-out minus check-in, clipped to the activity's
// span (travel before or lingering after does not count), rounded down to whole half-hours.
export const HALF_HOUR_MS = 30 * 60_000

export interface Span {
  start: Date
  end: Date
}

export function serviceHours(checkIn: Date, checkOut: Date, span: Span): number {
  const from = Math.max(checkIn.getTime(), span.start.getTime())
  const to = Math.min(checkOut.getTime(), span.end.getTime())
  if (to <= from) return 0
  return Math.floor((to - from) / HALF_HOUR_MS) / 2
}

/** The longest service an activity can record, in hours (its span in half-hours). */
export const spanHours = (span: Span) => serviceHours(span.start, span.end, span)

/** Points for `hours` at `perHour`, whole points, never above the activity's cap. */
export function servicePoints(hours: number, perHour: number, cap: number): number {
  return Math.max(0, Math.min(Math.floor(hours * perHour), cap))
}

/** Hours are stored as whole half-hours so sums never drift. */
export const toHalfHours = (hours: number) => Math.round(hours * 2)
export const fromHalfHours = (halfHours: number) => halfHours / 2
