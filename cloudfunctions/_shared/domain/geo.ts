// Great-circle distance, shared by the life circle (walking distances, coverage), the volunteer check-in
// geofence and the wish wall's distances. The radius is the database's (MongoDB's 2dsphere, and the local
// cloud's store), so a distance computed here agrees with the order of the database's geo queries.
import { fromPoint, type GeoPoint } from '../docs'

export const EARTH_RADIUS_M = 6_378_100

export interface LatLng {
  lat: number
  lng: number
}

const toRad = (deg: number) => (deg * Math.PI) / 180

/** Great-circle (haversine) distance between two points, in meters. */
export function greatCircleMeters(a: LatLng, b: LatLng): number {
  const dLat = toRad(b.lat - a.lat)
  const dLng = toRad(b.lng - a.lng)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** Meters from a point to a stored location (GeoJSON or the SDK's Geo.Point). */
export const distanceTo = (from: LatLng, point: GeoPoint | { longitude: number; latitude: number }) =>
  greatCircleMeters(from, fromPoint(point))
