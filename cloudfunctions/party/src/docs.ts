// Stored shapes of the party pillar's documents (see config/database.ts for the collections).
import type { NeedStatus, Rating, RegistrationStatus } from '../../../types'
import type { NeedCategory, ProjectStatus, ResourceItem, ServiceIntention } from '../../../types/schemas/party'
import type { HistoryEntry } from './domain/machine'

/** partyMembers: one member registration; _id = "pm-" + a hash of openid and request id. */
export interface MemberRegistrationDoc {
  _id: string
  openid: string
  communityId: string
  name: string
  /** Stored in full only here. */
  phone: string
  unitId: string | null
  workUnit: string
  branch: string
  skills: string[]
  intentions: ServiceIntention[]
  pledge: string
  gridId: string | null
  status: RegistrationStatus
  history: HistoryEntry[]
  /** Half-years renewed in ("2026H2"), kept in step with the membership document. */
  renewedHalves: string[]
  createdAt: Date
  updatedAt: Date
  approvedAt: Date | null
  endedAt: Date | null
}

/** partyMemberships/<openid>: the person's current registration (pending, approved, or how it ended). */
export interface MembershipDoc {
  _id: string
  registrationId: string
  communityId: string
  status: RegistrationStatus
  branch: string
  pledge: string
  unitId: string | null
  gridId: string | null
  renewedHalves: string[]
  approvedAt: Date | null
}

/** partyUnits: a unit party organisation registered with a community; _id = unit id. */
export interface UnitDoc {
  _id: string
  communityId: string
  adminId: string
  name: string
  org: string
  contactName: string
  contactPhone: string
  resources: ResourceItem[]
  status: RegistrationStatus
  history: HistoryEntry[]
  createdAt: Date
  updatedAt: Date
  approvedAt: Date | null
}

export interface NeedClaimantDoc {
  kind: 'member' | 'unit'
  /** The member's openid, or the unit id. */
  id: string
  /** The person who pressed 认领 (the member, or the unit admin). */
  by: string
  name: string
  branch: string | null
  pledge: string | null
}

/** partyNeeds: a community need (需求清单); _id = "nd-" + a hash of the poster and request id. */
export interface NeedDoc {
  _id: string
  communityId: string
  category: NeedCategory
  title: string
  description: string
  place: string | null
  deadline: Date | null
  status: NeedStatus
  postedBy: string
  /** openid of the member or unit admin holding the claim (for "my needs"), or null. */
  claimerId: string | null
  /** The unit holding the claim, or null. */
  claimerUnitId: string | null
  claimant: NeedClaimantDoc | null
  completion: { note: string; photos: string[]; at: Date } | null
  history: HistoryEntry[]
  createdAt: Date
  updatedAt: Date
}

/** assessmentRatings/<openid>_<period> */
export interface RatingDoc {
  _id: string
  openid: string
  registrationId: string
  communityId: string
  unitId: string | null
  period: string
  rating: Rating
  comment: string | null
  by: string
  at: Date
  history: Array<{ by: string; at: Date; from: Rating | null; to: Rating; why: string | null }>
}

/** partyProjects: a co-building project between a unit and a community. */
export interface ProjectDoc {
  _id: string
  unitId: string
  communityId: string
  title: string
  content: string
  status: ProjectStatus
  startDate: Date | null
  endDate: Date | null
  createdBy: string
  createdAt: Date
  updatedAt: Date
}
