// The stored shape of a wish. Public fields sit at the top level; everything personal lives under
// `beneficiary`, `guardian` and `privatePhotos`, which only the projections in wish/src/views.ts may read.
import type { DeliveryMode } from '../../../types/schemas/wish'
import type { WishCategory, WishStatus } from '../../../types'
import type { GeoPoint } from '.'

export type ActorRole = 'resident' | 'staff' | 'member' | 'volunteer' | 'system'

/** One transition, recorded for ever: who, when, from, to, why. */
export interface WishHistoryEntry {
  at: Date
  /** openid, or 'system' for the timer. */
  who: string
  role: ActorRole
  from: WishStatus | null
  to: WishStatus
  why: string
}

export interface ClaimerSnapshot {
  kind: 'member' | 'volunteer'
  /** Masked name, e.g. 陈**. */
  displayName: string
  branch: string | null
  pledge: string | null
}

export interface WishDoc {
  _id: string
  communityId: string
  streetId: string
  compoundId: string | null
  /** The compound's or the community's location, never the beneficiary's address. */
  location: GeoPoint
  category: WishCategory
  title: string
  story: string
  value: number
  desiredDate: string | null
  /** Shown on the wall; always empty for a child's wish. */
  photos: string[]
  /** Seen only by the claimer and staff (a child's photos). */
  privatePhotos: string[]
  status: WishStatus
  submitterId: string
  /** Posted by staff on behalf of a resident in need (代录). */
  proxy: boolean
  beneficiary: {
    /** The resident who posted for themselves or their family; null for 代录 (erasure follows this). */
    ownerId: string | null
    name: string
    display: string
    phone: string | null
    address: string | null
    isChild: boolean
    /** Flagged vulnerable: delivered through the community like a child's wish (absent on older wishes: false). */
    vulnerable?: boolean
  }
  guardian: { name: string; relation: string; phone: string; consentAt: Date; recordedBy: string } | null
  delivery: DeliveryMode
  createdAt: Date
  updatedAt: Date
  publishedAt: Date | null
  rejectReason: string | null
  claimerId: string | null
  claimer: ClaimerSnapshot | null
  claimedAt: Date | null
  claimDeadline: Date | null
  fulfilledAt: Date | null
  fulfilment: { note: string; photos: string[]; at: Date } | null
  confirmedAt: Date | null
  confirmation: { rating: number; thanks: string; at: Date; by: string } | null
  withdrawnAt: Date | null
  /** Durations recorded at transition time so statistics need no date arithmetic. */
  metrics: { claimMs: number | null; fulfilMs: number | null }
  history: WishHistoryEntry[]
  /** The submit request's payload fingerprint (infra/ids.ts); absent on older and seeded wishes. */
  requestFingerprint?: string
}

/** Staff stopped a person from claiming in one community, until they lift it. */
export interface ClaimSuspension {
  communityId: string
  reason: string
  by: string
  at: Date
}

/** One suspension or lifting, recorded for ever. */
export interface SuspensionEntry extends ClaimSuspension {
  suspended: boolean
}

/**
 * The per-person claim record, updated in the same transaction as the wish: open claims, the person's own
 * releases (for the cooling-off), and staff suspensions. Fields after `updatedAt` are absent on older records.
 */
export interface WishClaimerDoc {
  _id: string
  open: number
  total: number
  updatedAt: Date
  releases?: Date[]
  suspensions?: ClaimSuspension[]
  suspensionLog?: SuspensionEntry[]
}
