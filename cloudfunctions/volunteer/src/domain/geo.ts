// The check-in geofence: a volunteer checks in only within the activity's radius of the venue.
import { greatCircleMeters, type LatLng } from '../../../_shared/domain/geo'

export type { LatLng }
export const distanceMeters = greatCircleMeters

export const withinRadius = (venue: LatLng, at: LatLng, radius: number) => distanceMeters(venue, at) <= radius
