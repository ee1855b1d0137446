// Small statistics shared by the wish statistics and the workbench's figures. Pure.

/** The 0-based positions whose values make the median of n sorted values. */
export function medianPositions(n: number): number[] {
  if (n <= 0) return []
  return n % 2 ? [(n - 1) / 2] : [n / 2 - 1, n / 2]
}

/** part / whole to four decimals, or null when there is no whole. */
export const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null)
