// A flat projection around a centre, good to a few meters over the few kilometres a life circle spans:
// x east and y north in meters.
import type { LatLng } from '@contract/schemas/common'

const METERS_PER_DEGREE = (6_371_008.8 * Math.PI) / 180

export function toMeters(center: LatLng, p: LatLng): { x: number; y: number } {
  return {
    x: (p.lng - center.lng) * METERS_PER_DEGREE * Math.cos((center.lat * Math.PI) / 180),
    y: (p.lat - center.lat) * METERS_PER_DEGREE
  }
}

/** Back from meters to a point, rounded to 6 decimals (about 0.1 m), as coordinates are stored. */
export function fromMeters(center: LatLng, x: number, y: number): LatLng {
  const round = (n: number) => Math.round(n * 1e6) / 1e6
  return {
    lat: round(center.lat + y / METERS_PER_DEGREE),
    lng: round(center.lng + x / (METERS_PER_DEGREE * Math.cos((center.lat * Math.PI) / 180)))
  }
}

/** Half the width of the map: the largest ring, else what fits every point, with a margin; at least 300 m. */
export function spanFor(center: LatLng, rings: number[], points: LatLng[]): number {
  const far = Math.max(0, ...rings, ...points.map((p) => Math.max(...Object.values(toMeters(center, p)).map(Math.abs))))
  return Math.max(300, far * 1.12)
}

/** A round grid and scale-bar step: about a quarter of the span. */
export function gridStep(span: number): number {
  const steps = [50, 100, 200, 250, 500, 1000, 2000, 5000]
  return steps.find((s) => s >= span / 4) ?? 10_000
}

export const formatMeters = (m: number) => (m >= 1000 ? `${m / 1000}公里` : `${m}米`)

/** The centre of some points (their mean), for maps of a whole community or street. */
export function centreOf(points: LatLng[]): LatLng | null {
  if (!points.length) return null
  return {
    lat: points.reduce((s, p) => s + p.lat, 0) / points.length,
    lng: points.reduce((s, p) => s + p.lng, 0) / points.length
  }
}
