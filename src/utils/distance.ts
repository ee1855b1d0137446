// How a distance reads on screen, the same on every page: meters below 1 km, then kilometers with one
// decimal.

/** 350 → 350米, 1530 → 1.5公里. `step` rounds short distances coarser (the wish wall uses 10 m). */
export function formatDistance(meters: number, step = 1): string {
  if (meters >= 1000) return `${(Math.round(meters / 100) / 10).toFixed(1)}公里`
  return `${Math.max(1, Math.round(meters / step) * step)}米`
}
