// The facility form's fields as text, and how they become the upsertFacility payload.
import type { FacilityCategory } from '@contract/enums'
import type { FacilityDetail } from '@contract/schemas/lifeCircle'

export interface FacilityForm {
  name: string
  category: FacilityCategory
  lat: string
  lng: string
  address: string
  phone: string
  hoursText: string
  holidaysClosed: boolean
  services: string
}

export const EMPTY_FORM: FacilityForm = {
  name: '',
  category: 'convenience',
  lat: '',
  lng: '',
  address: '',
  phone: '',
  hoursText: '每天 08:00-20:00',
  holidaysClosed: false,
  services: ''
}

export const formOf = (f: FacilityDetail): FacilityForm => ({
  name: f.name,
  category: f.category,
  lat: String(f.location.lat),
  lng: String(f.location.lng),
  address: f.address,
  phone: f.phone,
  hoursText: f.hoursLines.join('\n'),
  holidaysClosed: f.holidaysClosed,
  services: f.services.join('、')
})

/** The form as the upsert action takes it; a coordinate that is not a number is sent as NaN and refused there. */
export const payloadOf = (form: FacilityForm) => ({
  name: form.name,
  category: form.category,
  location: { lat: Number(form.lat.trim() || NaN), lng: Number(form.lng.trim() || NaN) },
  address: form.address,
  phone: form.phone,
  hoursText: form.hoursText,
  holidaysClosed: form.holidaysClosed,
  services: form.services
    .split(/[、,，;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean)
})
