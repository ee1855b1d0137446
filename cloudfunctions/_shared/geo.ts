// Great-circle distance, shared by the life circle (walking distances, coverage) and the volunteer
// check-in geofence. The radius is the database's (MongoDB's 2dsphere), so a distance computed here agrees
// with one the database's geo queries give.

export const EARTH_RADIUS_M = 6_378_100

export interface LatLng {
  lat: number
  lng: number
}

const toRad = (deg: number) => (deg * Math.PI) / 180

/** Great-circle (haversine) distance between two points, in metres. */
export function greatCircleMeters(a: LatLng, b: LatLng): number {
  const dLat = toRad(b.lat - a.lat)
  const dLng = toRad(b.lng - a.lng)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}
