// The community whose centre is closest to a point (for "按我的位置选择"). Only the order matters here,
// so a flat-earth distance is enough at the scale of one city.
import type { CommunityOption } from '@contract'

export interface Point {
  lat: number
  lng: number
}

function flatDistance(a: Point, b: Point): number {
  const x = (b.lng - a.lng) * Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180))
  const y = b.lat - a.lat
  return x * x + y * y
}

export function nearestCommunity(options: ReadonlyArray<CommunityOption>, here: Point): CommunityOption | undefined {
  let best: CommunityOption | undefined
  let bestDistance = Infinity
  for (const option of options) {
    const d = flatDistance(here, option.center)
    if (d < bestDistance) {
      best = option
      bestDistance = d
    }
  }
  return best
}
