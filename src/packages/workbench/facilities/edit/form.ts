// The facility form's fields as text, and how they become the upsertFacility payload.
import type { FacilityCategory } from '@contract/enums'
import type { LatLng } from '@contract/schemas/common'
import type { FacilityDetail } from '@contract/schemas/lifeCircle'

export interface FacilityForm {
  name: string
  category: FacilityCategory
  /** Chosen on the map or from a compound, never typed. */
  location: LatLng | null
  address: string
  phone: string
  hoursText: string
  holidaysClosed: boolean
  services: string
}

export const EMPTY_FORM: FacilityForm = {
  name: '',
  category: 'convenience',
  location: null,
  address: '',
  phone: '',
  hoursText: '每天 08:00-20:00',
  holidaysClosed: false,
  services: ''
}

export const formOf = (f: FacilityDetail): FacilityForm => ({
  name: f.name,
  category: f.category,
  location: f.location,
  address: f.address,
  phone: f.phone,
  hoursText: f.hoursLines.join('\n'),
  holidaysClosed: f.holidaysClosed,
  services: f.services.join('、')
})

/** The form as the upsert action takes it; without a location (left out) the server answers 请选择位置. */
export const payloadOf = (form: FacilityForm) => ({
  name: form.name,
  category: form.category,
  location: (form.location ?? undefined) as LatLng,
  address: form.address,
  phone: form.phone,
  hoursText: form.hoursText,
  holidaysClosed: form.holidaysClosed,
  services: form.services
    .split(/[、,，;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean)
})
