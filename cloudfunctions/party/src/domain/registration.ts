// Dual registration (双报到): the member and unit state machines, one active registration per person,
// the role grants an approval gives, and half-yearly renewal. Pure functions.
import type { RegistrationStatus, RoleGrant } from '../../../../types'
import type { RegisterMemberInput, RegisterUnitInput } from '../../../../types/schemas/party'
import type { z } from 'zod'
import type { Caller } from '../../../_shared/infra/auth'
import { conflict } from '../../../_shared/infra/errors'
import { renewedIn } from '../../../_shared/domain/assessment'
import { halfYear } from '../../../_shared/domain/period'
import type { MemberRegistrationDoc, MembershipDoc, UnitDoc } from '../docs'
import { applyEvent, type Actor, type MachineSpec } from './machine'

type S = RegistrationStatus

export const MEMBER_EVENTS = ['submit', 'approve', 'reject', 'end', 'assignGrid', 'renew'] as const
export type MemberEvent = (typeof MEMBER_EVENTS)[number]

export const MEMBER_MACHINE: MachineSpec<S, MemberEvent> = {
  submit: { from: [null], to: 'pending', label: '提交报到', refused: '报到已提交' },
  approve: { from: ['pending'], to: 'approved', label: '审核通过', refused: '该报到已处理，请刷新后再试' },
  // An approved registration can still be rejected later (revoked), with a reason.
  reject: { from: ['pending', 'approved'], to: 'rejected', label: '驳回', refused: '该报到已处理，请刷新后再试' },
  end: { from: ['pending', 'approved'], to: 'ended', label: '结束报到', refused: '该报到已结束' },
  assignGrid: { from: ['pending', 'approved'], to: null, label: '分配网格', refused: '该报到已结束，不能分配网格' },
  renew: { from: ['approved'], to: null, label: '续报到', refused: '报到通过后才能续报到' }
}

export const UNIT_EVENTS = ['submit', 'resubmit', 'approve', 'reject', 'updateResources'] as const
export type UnitEvent = (typeof UNIT_EVENTS)[number]

export const UNIT_MACHINE: MachineSpec<S, UnitEvent> = {
  submit: { from: [null], to: 'pending', label: '提交单位报到', refused: '单位报到已提交' },
  resubmit: { from: ['rejected'], to: 'pending', label: '重新提交', refused: '只有被驳回的单位报到可以重新提交' },
  approve: { from: ['pending'], to: 'approved', label: '审核通过', refused: '该单位报到已处理，请刷新后再试' },
  reject: { from: ['pending', 'approved'], to: 'rejected', label: '驳回', refused: '该单位报到已处理，请刷新后再试' },
  updateResources: { from: ['pending', 'approved'], to: null, label: '更新资源清单', refused: '被驳回的单位请重新提交报到' }
}

export const ACTIVE_STATUSES: readonly S[] = ['pending', 'approved']
export const isActive = (status: S | null | undefined) => Boolean(status && ACTIVE_STATUSES.includes(status))

type MemberInput = z.output<typeof RegisterMemberInput>
type UnitInput = z.output<typeof RegisterUnitInput>

/** A new pending member registration. `unit` is the approved unit of the same community the member linked. */
export function newMemberRegistration(
  id: string,
  openid: string,
  input: MemberInput,
  unit: Pick<UnitDoc, '_id' | 'name'> | null,
  now: Date
): MemberRegistrationDoc {
  const base = { status: null, history: [] }
  const { status, history } = applyEvent(MEMBER_MACHINE, base, 'submit', { id: openid, role: 'applicant' }, now)
  return {
    _id: id,
    openid,
    communityId: input.communityId,
    name: input.name,
    phone: input.phone,
    unitId: unit?._id ?? null,
    workUnit: unit?.name ?? input.workUnit ?? '',
    branch: input.branch,
    skills: [...new Set(input.skills)],
    intentions: [...new Set(input.intentions)],
    pledge: input.pledge,
    gridId: null,
    status,
    history,
    renewedHalves: [],
    createdAt: now,
    updatedAt: now,
    approvedAt: null,
    endedAt: null
  }
}

/**
 * What registering in `communityId` does to the person's current registration: nothing (none active),
 * supersede it (it ends), or refuse (already approved in that very community).
 */
export function reRegistration(current: Pick<MembershipDoc, 'status' | 'communityId'> | null, communityId: string): 'none' | 'supersede' {
  if (!current || !isActive(current.status)) return 'none'
  if (current.status === 'approved' && current.communityId === communityId) throw conflict('您已在该社区报到，无需重复提交')
  return 'supersede'
}

/** The partyMemberships document mirroring a registration. */
export function membershipOf(reg: MemberRegistrationDoc): MembershipDoc {
  return {
    _id: reg.openid,
    registrationId: reg._id,
    communityId: reg.communityId,
    status: reg.status,
    branch: reg.branch,
    pledge: reg.pledge,
    unitId: reg.unitId,
    gridId: reg.gridId,
    renewedHalves: reg.renewedHalves,
    approvedAt: reg.approvedAt
  }
}

export function newUnitRegistration(id: string, adminId: string, input: UnitInput, now: Date): UnitDoc {
  const { status, history } = applyEvent(UNIT_MACHINE, { status: null, history: [] }, 'submit', { id: adminId, role: 'applicant' }, now)
  return {
    _id: id,
    communityId: input.communityId,
    adminId,
    name: input.name,
    org: input.org,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
    resources: input.resources,
    status,
    history,
    createdAt: now,
    updatedAt: now,
    approvedAt: null
  }
}

// --- role grants -----------------------------------------------------------------------------------

const sameGrant = (a: RoleGrant, b: RoleGrant) =>
  a.role === b.role &&
  a.communityId === b.communityId &&
  a.unitId === b.unitId &&
  a.merchantId === b.merchantId &&
  a.streetId === b.streetId

export const withGrant = (roles: RoleGrant[], grant: RoleGrant): RoleGrant[] =>
  roles.some((g) => sameGrant(g, grant)) ? roles : [...roles, grant]

export const withoutGrant = (roles: RoleGrant[], grant: RoleGrant): RoleGrant[] => roles.filter((g) => !sameGrant(g, grant))

export const memberGrant = (communityId: string): RoleGrant => ({ role: 'member', communityId })
export const unitAdminGrant = (unitId: string): RoleGrant => ({ role: 'unitAdmin', unitId })

// --- renewal (每半年续报到) --------------------------------------------------------------------------

/** The halves after renewing at `now`, or the same list when already renewed this half. */
export function renewHalves(renewedHalves: readonly string[], now: Date): string[] {
  const half = halfYear(now)
  return renewedIn(renewedHalves, half) ? [...renewedHalves] : [...renewedHalves, half].sort()
}

/** A member who is approved renews through `renew`; approval itself counts for the half it happens in. */
export const approvalHalves = (now: Date) => [halfYear(now)]

export const staffActor = (openid: string): Actor => ({ id: openid, role: 'staff' })

/** The units a caller administers (their unitAdmin grants). */
export const unitIdsOf = (caller: Caller) => caller.grants.filter((g) => g.role === 'unitAdmin' && g.unitId).map((g) => g.unitId as string)
