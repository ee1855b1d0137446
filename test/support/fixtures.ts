// Documents the function tests put in the local cloud: GeoJSON points, community settings, and the street
// 青枫街道 (st01) with its communities 青枫社区 (cm01) and 柳岸社区 (cm02). Typed as the stored documents the
// functions read (cloudfunctions/_shared/docs.ts), so a renamed setting breaks the fixtures at compile time.
import type { CommunityDoc, CommunitySettings, GeoPoint, StreetDoc } from '../../cloudfunctions/_shared/docs'
import type { VolunteerDoc } from '../../cloudfunctions/_shared/docs/volunteer'

/** A GeoJSON point as the database stores it (longitude first). */
export const point = (lat: number, lng: number): GeoPoint => ({ type: 'Point', coordinates: [lng, lat] })

const ASSESSMENT: CommunitySettings['assessment'] = {
  registrationPoints: 10,
  wishPoints: 5,
  needPoints: 5,
  pointsPerHour: 1,
  yearlyHours: 50,
  passMark: 60
}
const SETTINGS: CommunitySettings = {
  wishValueCap: 200,
  claimLimit: 3,
  claimDays: 7,
  openWishesToVolunteers: false,
  handoverPoint: '服务台',
  releaseLimit: 2,
  releaseWindowDays: 30,
  releaseCooldownDays: 7,
  directContact: true,
  assessment: ASSESSMENT
}

/** A community's settings: the usual test values, changed by `over` (assessment rules one by one). */
export function communitySettings({
  assessment,
  ...over
}: Partial<Omit<CommunitySettings, 'assessment'>> & { assessment?: Partial<CommunitySettings['assessment']> } = {}): CommunitySettings {
  return { ...SETTINGS, ...over, assessment: { ...ASSESSMENT, ...assessment } }
}

export const STREET = { _id: 'st01', name: '青枫街道', district: '镜湖区', city: '江城市' } satisfies StreetDoc

/** 青枫社区 (cm01) and 柳岸社区 (cm02) of street st01, with their settings. */
export function twoCommunities(settings: CommunitySettings, cm02Settings: CommunitySettings = settings) {
  return [
    {
      _id: 'cm01',
      name: '青枫社区',
      streetId: 'st01',
      center: point(31.335, 118.375),
      address: '青枫路1号',
      phone: '0553-2123456',
      settings
    },
    {
      _id: 'cm02',
      name: '柳岸社区',
      streetId: 'st01',
      center: point(31.34, 118.385),
      address: '柳岸街2号',
      phone: '0553-2654321',
      settings: cm02Settings
    }
  ] satisfies CommunityDoc[]
}

let requestSerial = 0
/** A fresh request id, as a client makes one per form or tap. */
export const nextRequestId = (prefix = 'req') => `${prefix}-${String(++requestSerial).padStart(8, '0')}`

const VOLUNTEER_SINCE = new Date('2026-01-01T00:00:00Z')

/** A stored volunteer of `communityId`, approved by staff (vetting), changed by `over`. */
export function volunteerDoc(
  openid: string,
  communityId: string,
  over: Partial<VolunteerDoc> = {}
): VolunteerDoc & Record<string, unknown> {
  const at = over.createdAt ?? VOLUNTEER_SINCE
  const doc: VolunteerDoc = {
    _id: openid,
    volunteerNo: `ZY26${String(900000 + (++requestSerial % 100000)).padStart(6, '0')}`,
    realName: '志愿者',
    phone: '13800009999',
    communityId,
    skills: [],
    idCardMasked: null,
    idCardHash: null,
    boardOptIn: false,
    consentAt: at,
    status: 'approved',
    reviews: [{ at, by: 'staff', from: 'pending', to: 'approved', reason: null }],
    halfHours: 0,
    activityCount: 0,
    lastEnrollmentId: null,
    firstServiceAt: null,
    lastServiceAt: null,
    createdAt: at,
    updatedAt: at,
    ...over
  }
  return { ...doc }
}

/**
 * A volunteer registration already approved by staff of the community (vetting: only an approved volunteer
 * claims wishes), for seeds that give a person the volunteer role directly.
 */
export const approvedVolunteer = (openid: string, communityId: string, realName = '志愿者') =>
  volunteerDoc(openid, communityId, { realName })
