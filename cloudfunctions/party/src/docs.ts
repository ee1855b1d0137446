// Stored shapes of the party pillar's documents (see config/database.ts for the collections).
import type { NeedStatus } from '../../../types'
import type { NeedCategory, ProjectStatus } from '../../../types/schemas/party'
import type { HistoryEntry } from '../../_shared/docs/party'

export type { ActorRole, HistoryEntry, MemberRegistrationDoc, MembershipDoc, RatingDoc, UnitDoc } from '../../_shared/docs/party'

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
