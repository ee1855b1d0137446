// Routing a report to its grid (docs/pillars/grid-reports.md "Routing"): the grid whose polygon contains the
// location; else the grid whose compound list holds the picked compound; else none (the handler then tries the
// nearest compound). Pure.
import type { LatLng } from '../../../_shared/domain/geo'
import type { GridDoc } from '../../../_shared/docs'

/** Ray casting over a ring of [lng, lat] pairs (closed or not); a point on an edge may fall either side. */
export function inPolygon(ring: ReadonlyArray<readonly [number, number]>, p: LatLng): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]
    const [xj, yj] = ring[j]
    if (yi > p.lat !== yj > p.lat && p.lng < ((xj - xi) * (p.lat - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

/** The grid a report at `p` (with the picked compound, if any) belongs to, or null. The first match in the list wins. */
export function routeToGrid(grids: readonly GridDoc[], p: LatLng, compoundId?: string | null): GridDoc | null {
  const byPolygon = grids.find((g) => g.polygon && g.polygon.length >= 3 && inPolygon(g.polygon, p))
  if (byPolygon) return byPolygon
  if (compoundId) return grids.find((g) => g.compoundIds?.includes(compoundId)) ?? null
  return null
}
