// The stored facility document (collection `facilities`); the demo seed writes the same shape.
import type { FacilityCategory, FacilityStatus } from '../../../types/enums'
import type { GeoPoint } from '../../_shared/docs'
import type { WeeklyHours } from './domain/hours'

export interface FacilityDoc {
  _id: string
  name: string
  category: FacilityCategory
  communityId: string
  streetId: string
  location: GeoPoint
  address: string
  /** A public business number. */
  phone: string
  hours: WeeklyHours
  services: string[]
  /** cloud:// file ids. */
  photos: string[]
  status: FacilityStatus
  /** Name and rounded position: see domain/facility.ts. */
  dedupeKey: string
  createdAt: Date
  updatedAt: Date
  /** Openid of the staff member who last changed it (absent on seeded documents). */
  updatedBy?: string
  closedAt?: Date | null
  closeReason?: string | null
}

/** What a list needs of a facility (the geo query projects the rest away). */
export type FacilityListDoc = Pick<FacilityDoc, '_id' | 'name' | 'category' | 'location' | 'address' | 'phone' | 'hours'> & {
  /** Meters, as the database's geoNear computed it. */
  distance: number
}
