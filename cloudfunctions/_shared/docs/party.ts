// Stored shapes of the party pillar's documents that other functions read too (the workbench's figures and
// exports; the member badge in user and wish). The party function's src/docs.ts re-exports them.
import type { Rating, RegistrationStatus } from '../../../types'
import type { ResourceItem, ServiceIntention } from '../../../types/schemas/party'

/** Who acted, as shown on a timeline: a role, never a name. */
export type ActorRole = 'applicant' | 'member' | 'unitAdmin' | 'staff' | 'system'

/** One recorded change of a registration or need: who, when, from, to and why. */
export interface HistoryEntry {
  event: string
  by: string
  role: ActorRole
  at: Date
  from: string | null
  to: string
  why: string | null
}

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
  /**
   * Counts need claims made as this member; each claim bumps it in its transaction, so a withdrawal that
   * releases the member's open claims conflicts with (and sees) any claim made meanwhile.
   */
  needClaims?: number
}
