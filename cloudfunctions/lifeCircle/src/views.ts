// How a facility document is shown: to a resident in a list or on the detail page.
import type { FacilityDetail, FacilitySummary } from '../../../types/schemas/lifeCircle'
import { fromPoint } from '../../_shared/docs'
import type { FacilityDoc, FacilityListDoc } from './docs'
import { formatHoursText, formatWeek, openStatus } from './domain/hours'
import { WALK, type WalkRule } from '../../_shared/domain/walk'

export function toSummary(doc: FacilityListDoc, now: Date, rule: WalkRule = WALK): FacilitySummary {
  const status = openStatus(doc.hours, now)
  return {
    id: doc._id,
    name: doc.name,
    category: doc.category,
    address: doc.address,
    phone: doc.phone,
    location: fromPoint(doc.location),
    distance: Math.round(doc.distance),
    walkMinutes: rule.walkMinutes(doc.distance),
    open: status.open,
    openLabel: status.label
  }
}

export interface DetailContext {
  now: Date
  /** Meters from the resident, when they shared where they are. */
  distance: number | null
  communityName: string
  photoUrls: string[]
  rule?: WalkRule
}

export function toDetail(doc: FacilityDoc, { now, distance, communityName, photoUrls, rule = WALK }: DetailContext): FacilityDetail {
  const status = doc.status === 'open' ? openStatus(doc.hours, now) : { open: false, label: '已关闭' }
  return {
    id: doc._id,
    name: doc.name,
    category: doc.category,
    address: doc.address,
    phone: doc.phone,
    location: fromPoint(doc.location),
    distance: distance === null ? null : Math.round(distance),
    walkMinutes: distance === null ? null : rule.walkMinutes(distance),
    open: status.open,
    openLabel: status.label,
    communityId: doc.communityId,
    communityName,
    hoursLines: formatWeek(doc.hours.week),
    hoursText: formatHoursText(doc.hours.week),
    holidaysClosed: doc.hours.holidaysClosed,
    services: doc.services ?? [],
    photos: photoUrls,
    photoIds: doc.photos ?? [],
    status: doc.status,
    updatedAt: new Date(doc.updatedAt).toISOString()
  }
}
