// Location evidence of a check-in or check-out and the implausible patterns staff are shown. The venue
// code proves the scanner saw the staff's screen within a minute, and the location is whatever the phone
// reports, so neither alone proves presence: these flags point staff at the check-ins to look at. Pure.
import type { AttendanceFlag } from '../../../../types/schemas/volunteer.labels'
import type { LocationEvidenceDoc as Evidence } from '../../../_shared/docs/volunteer'
import { asDate } from '../../../_shared/domain/dates'
import { greatCircleMeters, type LatLng } from '../../../_shared/domain/geo'

export type { Evidence }

export interface Attended {
  checkInEvidence?: Evidence | null
  checkOutEvidence?: Evidence | null
}

/** Check-in and check-out farther apart than this, or than half the check-in radius if that is larger. */
export const FAR_APART_METERS = 100
/** A check-out sooner than this after the check-in. */
export const MIN_PLAUSIBLE_STAY_MS = 30 * 60_000

const micro = (deg: number) => Math.round(deg * 1e6)

/** A reading identical to the venue's coordinates (to 6 decimals) or at distance 0: copied, not measured. */
export const isExactVenue = (venue: LatLng, e: Evidence) =>
  e.distance === 0 || (micro(e.lat) === micro(venue.lat) && micro(e.lng) === micro(venue.lng))

const readings = (a: Attended) => [a.checkInEvidence, a.checkOutEvidence].filter((e): e is Evidence => Boolean(e))

export const deviceIdsOf = (a: Attended) => [...new Set(readings(a).flatMap((e) => (e.deviceId ? [e.deviceId] : [])))]

/** Device ids that checked in or out for more than one enrollment of the activity. */
export function sharedDeviceIds(enrollments: Attended[]): Set<string> {
  const seen = new Set<string>()
  const shared = new Set<string>()
  for (const id of enrollments.flatMap(deviceIdsOf)) (seen.has(id) ? shared : seen).add(id)
  return shared
}

export interface FlagContext {
  venue: LatLng
  radius: number
  sharedDevices: Set<string>
}

export function attendanceFlags(a: Attended, { venue, radius, sharedDevices }: FlagContext): AttendanceFlag[] {
  const flags: AttendanceFlag[] = []
  const [checkIn, checkOut] = [a.checkInEvidence, a.checkOutEvidence]
  if (readings(a).some((e) => isExactVenue(venue, e))) flags.push('exactVenue')
  if (deviceIdsOf(a).some((id) => sharedDevices.has(id))) flags.push('sharedDevice')
  if (checkIn && checkOut) {
    if (greatCircleMeters(checkIn, checkOut) > Math.max(FAR_APART_METERS, radius / 2)) flags.push('farApart')
    if (asDate(checkOut.at).getTime() - asDate(checkIn.at).getTime() < MIN_PLAUSIBLE_STAY_MS) flags.push('tooShort')
  }
  return flags
}
