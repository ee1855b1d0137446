// What each viewer sees of the party documents. Phone numbers are full only for the person themselves
// and their community's staff; everyone else gets them masked. Names of members are masked on public
// lists (亮身份 shows the branch and pledge, not the full name). Pure functions.
import { NEED_STATUS_LABELS, RATING_LABELS, REGISTRATION_STATUS_LABELS } from '../../../types'
import {
  ASSESSMENT_SOURCE_LABELS,
  type AssessmentEntry,
  type MemberCard,
  type MemberRegistration,
  type RatingView,
  type Need,
  type PartyBadge,
  type Project,
  type TimelineEntry,
  type Unit,
  type UnitMember
} from '../../../types/schemas/party'
import { isoOrNull, type StoredDate } from '../../_shared/domain/dates'
import type { Names } from '../../_shared/domain/assessmentReport'
import { maskName, phoneFor } from '../../_shared/domain/masking'
import { type AssessmentEntryDoc, renewedIn } from '../../_shared/domain/assessment'
import type { MemberRegistrationDoc, NeedDoc, ProjectDoc, RatingDoc, UnitDoc } from './docs'
import { ACTOR_LABELS, lastReason, type HistoryEntry, type MachineSpec } from './domain/machine'
import { NEED_MACHINE, needActions } from './domain/needs'
import { MEMBER_MACHINE, UNIT_MACHINE } from './domain/registration'

const isoOr = (value: StoredDate | null | undefined) => isoOrNull(value) ?? ''

export function timeline<E extends string>(
  history: HistoryEntry[],
  spec: MachineSpec<string, E>,
  statusLabels: Record<string, string>
): TimelineEntry[] {
  return history.map((h) => ({
    at: isoOr(h.at),
    event: h.event,
    label: spec[h.event as E]?.label ?? h.event,
    from: h.from ? (statusLabels[h.from] ?? h.from) : null,
    to: statusLabels[h.to] ?? h.to,
    actor: ACTOR_LABELS[h.role] ?? '系统',
    why: h.why ?? null
  }))
}

const endingReason = (status: string, history: HistoryEntry[]) =>
  status === 'rejected' || status === 'ended' ? lastReason(history, ['reject', 'end']) : null

export function memberRegistrationView(doc: MemberRegistrationDoc, names: Names, fullAccess: boolean): MemberRegistration {
  return {
    kind: 'member',
    id: doc._id,
    communityId: doc.communityId,
    communityName: names.community(doc.communityId),
    name: doc.name,
    phone: phoneFor(doc.phone, fullAccess),
    unitId: doc.unitId,
    workUnit: doc.workUnit,
    branch: doc.branch,
    skills: doc.skills,
    intentions: doc.intentions,
    pledge: doc.pledge,
    gridId: doc.gridId,
    gridName: names.grid(doc.gridId),
    status: doc.status,
    reason: endingReason(doc.status, doc.history),
    renewedHalves: doc.renewedHalves ?? [],
    createdAt: isoOr(doc.createdAt),
    approvedAt: isoOrNull(doc.approvedAt),
    timeline: timeline(doc.history, MEMBER_MACHINE, REGISTRATION_STATUS_LABELS)
  }
}

export function unitView(doc: UnitDoc, names: Names, fullAccess: boolean): Unit {
  return {
    kind: 'unit',
    id: doc._id,
    communityId: doc.communityId,
    communityName: names.community(doc.communityId),
    name: doc.name,
    org: doc.org,
    contactName: fullAccess ? doc.contactName : maskName(doc.contactName),
    contactPhone: phoneFor(doc.contactPhone, fullAccess),
    resources: doc.resources ?? [],
    status: doc.status,
    reason: doc.status === 'rejected' ? lastReason(doc.history, ['reject']) : null,
    createdAt: isoOr(doc.createdAt),
    approvedAt: isoOrNull(doc.approvedAt),
    timeline: timeline(doc.history, UNIT_MACHINE, REGISTRATION_STATUS_LABELS)
  }
}

/** A unit admin's view of one of their members: masked phone (they are neither the member nor staff). */
export function unitMemberView(doc: MemberRegistrationDoc, currentHalf: string, names: Names): UnitMember {
  return {
    registrationId: doc._id,
    name: doc.name,
    phone: phoneFor(doc.phone, false),
    communityName: names.community(doc.communityId),
    branch: doc.branch,
    gridName: names.grid(doc.gridId),
    status: doc.status,
    approvedAt: isoOrNull(doc.approvedAt),
    renewedThisHalf: renewedIn(doc.renewedHalves, currentHalf)
  }
}

export const badgeOf = (name: string, branch: string, pledge: string, fullName: boolean): PartyBadge => ({
  displayName: fullName ? name : maskName(name),
  branch,
  pledge
})

export interface NeedViewer {
  openid: string
  /** Units the viewer administers. */
  unitIds: readonly string[]
  isStaff: boolean
  /** An approved member of the need's community, or admin of an approved unit there. */
  canClaim: boolean
}

export function needView(doc: NeedDoc, names: Names, viewer: NeedViewer): Need {
  const holds = Boolean(
    doc.claimant && (doc.claimant.kind === 'member' ? doc.claimant.id === viewer.openid : viewer.unitIds.includes(doc.claimant.id))
  )
  const involved = holds || viewer.isStaff
  const claimant = doc.claimant
    ? {
        kind: doc.claimant.kind,
        displayName: doc.claimant.kind === 'unit' || involved ? doc.claimant.name : maskName(doc.claimant.name),
        badge:
          doc.claimant.kind === 'member' && doc.claimant.branch
            ? badgeOf(doc.claimant.name, doc.claimant.branch, doc.claimant.pledge ?? '', involved)
            : null
      }
    : null
  return {
    id: doc._id,
    communityId: doc.communityId,
    communityName: names.community(doc.communityId),
    category: doc.category,
    title: doc.title,
    description: doc.description,
    place: doc.place,
    deadline: isoOrNull(doc.deadline),
    status: doc.status,
    claimant,
    claimedByMe: holds,
    completion:
      doc.completion && involved ? { note: doc.completion.note, photos: doc.completion.photos, at: isoOr(doc.completion.at) } : null,
    postedAt: isoOr(doc.createdAt),
    // Public viewers see what happened, not the reasons the people involved gave.
    timeline: timeline(doc.history, NEED_MACHINE, NEED_STATUS_LABELS).map((t) => (involved ? t : { ...t, why: null })),
    can: needActions(doc, { holds, isStaff: viewer.isStaff, canClaim: viewer.canClaim && !holds })
  }
}

export function projectView(doc: ProjectDoc, unitName: string): Project {
  return {
    id: doc._id,
    unitId: doc.unitId,
    unitName,
    communityId: doc.communityId,
    title: doc.title,
    content: doc.content,
    status: doc.status,
    startDate: isoOrNull(doc.startDate),
    endDate: isoOrNull(doc.endDate),
    updatedAt: isoOr(doc.updatedAt)
  }
}

export const ratingView = (doc: RatingDoc): RatingView => ({
  rating: doc.rating,
  label: RATING_LABELS[doc.rating],
  comment: doc.comment,
  at: isoOr(doc.at)
})

export const entryView = (e: AssessmentEntryDoc): AssessmentEntry => ({
  id: e._id,
  source: e.source,
  sourceLabel: ASSESSMENT_SOURCE_LABELS[e.source] ?? e.source,
  points: e.points,
  hours: e.hours ?? 0,
  reason: e.reason,
  at: isoOr(e.at)
})

/** 亮身份、亮承诺: the full name for the member and their community's staff, masked for a unit admin. */
export function memberCardView(
  reg: MemberRegistrationDoc,
  names: Names,
  viewer: { isSelf: boolean; fullName: boolean; half: string }
): MemberCard {
  return {
    memberId: reg._id,
    displayName: viewer.fullName ? reg.name : maskName(reg.name),
    communityName: names.community(reg.communityId),
    workUnit: reg.workUnit,
    branch: reg.branch,
    pledge: reg.pledge,
    gridName: names.grid(reg.gridId),
    approvedAt: isoOrNull(reg.approvedAt),
    renewedThisHalf: renewedIn(reg.renewedHalves, viewer.half),
    isSelf: viewer.isSelf
  }
}
