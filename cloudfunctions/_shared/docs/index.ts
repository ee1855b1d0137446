// Stored shapes several functions read: the common ones here (users, communities, streets, grids, compounds),
// a pillar's shapes other functions read in docs/<pillar>.ts; the rest live in their function's src/docs.ts.
import type { NoticeKind, NoticeTarget } from '../../../types/enums'
import type { RoleGrant } from '../../../types/models'

/** The collections config/database.ts declares, for functions that name one. */
export type { CollectionName } from '../../../config/database'

export interface UserDoc {
  _id: string // openid
  nickName: string
  avatar?: string | null
  realName?: string | null
  phone?: string | null
  communityId?: string | null
  compoundId?: string | null
  roles: RoleGrant[]
  elderMode: boolean
  consent?: { version: string; at: Date } | null
  createdAt: Date
  updatedAt: Date
  deletedAt?: Date | null
  /** Set while the account is being deleted (_shared/infra/account.ts); actions that create obligations refuse. */
  deleting?: Date | null
}

export interface GeoPoint {
  type: 'Point'
  coordinates: [number, number] // [lng, lat]
}

export interface StreetDoc {
  _id: string
  name: string
  district: string
  city: string
}

export interface CommunitySettings {
  wishValueCap: number
  claimLimit: number
  claimDays: number
  openWishesToVolunteers: boolean
  handoverPoint: string
  /** A claimer who released `releaseLimit` claims within `releaseWindowDays` may not claim for `releaseCooldownDays`. */
  releaseLimit: number
  releaseWindowDays: number
  releaseCooldownDays: number
  /**
   * Whether an approved member who claims a wish gets the beneficiary's own contact. Never for a child's or a
   * vulnerable resident's wish, never for a volunteer: they deliver through the community.
   */
  directContact: boolean
  assessment: {
    registrationPoints: number
    wishPoints: number
    needPoints: number
    pointsPerHour: number
    yearlyHours: number
    passMark: number
  }
  /** Four eyes on staff points adjustments (defaults in points/src/domain/adjustment.ts). */
  adjustments?: { threshold: number; monthlyCap: number }
}

export interface CommunityDoc {
  _id: string
  name: string
  streetId: string
  center: GeoPoint
  address: string
  phone: string
  settings: CommunitySettings
}

/** A grid (网格): a polygon, or a list of compounds, or both; reports route to the grid their location falls in. */
export interface GridDoc {
  _id: string
  communityId: string
  name: string
  /** Absent on grids written before grid reports (then the community's street). */
  streetId?: string
  /** The outer ring, [lng, lat] pairs (GeoJSON order); absent or null for a grid given only by compounds. */
  polygon?: Array<[number, number]> | null
  /** The compounds the grid covers (a report with a picked compound routes here). */
  compoundIds?: string[]
}

export interface CompoundDoc {
  _id: string
  name: string
  communityId: string
  streetId: string
  location: GeoPoint
  households: number
}

export const DEFAULT_COMMUNITY_SETTINGS: CommunitySettings = {
  wishValueCap: 200,
  claimLimit: 3,
  claimDays: 7,
  openWishesToVolunteers: false,
  handoverPoint: '社区党群服务中心一楼服务台',
  releaseLimit: 2,
  releaseWindowDays: 30,
  releaseCooldownDays: 7,
  directContact: false,
  assessment: { registrationPoints: 10, wishPoints: 5, needPoints: 5, pointsPerHour: 1, yearlyHours: 50, passMark: 60 }
}

export const toPoint = (lat: number, lng: number): GeoPoint => ({ type: 'Point', coordinates: [lng, lat] })
/** Reads a stored point whether the SDK hands back GeoJSON or its own Geo.Point (longitude/latitude). */
export function fromPoint(p: GeoPoint | { longitude: number; latitude: number }): { lat: number; lng: number } {
  if ('coordinates' in p) return { lat: p.coordinates[1], lng: p.coordinates[0] }
  return { lat: p.latitude, lng: p.longitude }
}

/**
 * A notice in the recipient's message centre (消息), written with the event it tells of (_shared/infra/notify.ts).
 * `_id` is opaque: a hash of the event and the recipient, so a retried write is the same document.
 */
export interface NoticeDoc {
  _id: string
  recipient: string // openid
  kind: NoticeKind
  title: string
  body: string
  target: NoticeTarget
  createdAt: Date
  readAt: Date | null
}
