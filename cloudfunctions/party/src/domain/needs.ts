// The needs list (需求清单): staff post, an approved member or unit claims exclusively, completes with a
// note, staff confirm (or send back). Pure functions over the need document.
import type { NeedStatus } from '../../../../types'
import type { PostNeedInput } from '../../../../types/schemas/party'
import type { z } from 'zod'
import { conflict } from '../../../_shared/infra/errors'
import type { NeedClaimantDoc, NeedDoc } from '../docs'
import { applyEvent, canApply, type Actor, type MachineSpec } from './machine'

export const NEED_EVENTS = ['post', 'claim', 'release', 'complete', 'confirm', 'sendBack', 'cancel'] as const
export type NeedEvent = (typeof NEED_EVENTS)[number]

export const NEED_MACHINE: MachineSpec<NeedStatus, NeedEvent> = {
  post: { from: [null], to: 'open', label: '发布需求', refused: '需求已发布' },
  claim: { from: ['open'], to: 'claimed', label: '认领', refused: '该需求当前不可认领' },
  release: { from: ['claimed'], to: 'open', label: '放弃认领', refused: '该需求当前不能放弃' },
  complete: { from: ['claimed'], to: 'completed', label: '提交完成', refused: '该需求当前不能提交完成' },
  confirm: { from: ['completed'], to: 'confirmed', label: '确认完成', refused: '该需求当前不能确认' },
  sendBack: { from: ['completed'], to: 'claimed', label: '退回', refused: '该需求当前不能退回' },
  cancel: { from: ['open', 'claimed'], to: 'cancelled', label: '取消需求', refused: '该需求已完成或已取消，不能取消' }
}

type PostInput = z.output<typeof PostNeedInput>

export function newNeed(id: string, input: PostInput, staff: Actor, now: Date): NeedDoc {
  const { status, history } = applyEvent(NEED_MACHINE, { status: null, history: [] }, 'post', staff, now)
  return {
    _id: id,
    communityId: input.communityId,
    category: input.category,
    title: input.title,
    description: input.description,
    place: input.place || null,
    deadline: input.deadline === undefined ? null : new Date(input.deadline),
    status,
    postedBy: staff.id,
    claimerId: null,
    claimerUnitId: null,
    claimant: null,
    completion: null,
    history,
    createdAt: now,
    updatedAt: now
  }
}

/** Claiming: exclusive. Someone else's claim arriving first reads "刚刚被认领". */
export function claim(need: NeedDoc, claimant: NeedClaimantDoc, actor: Actor, now: Date): Partial<NeedDoc> {
  if (need.status === 'claimed' || need.status === 'completed' || need.status === 'confirmed') throw conflict('该需求刚刚被认领')
  if (need.deadline && new Date(need.deadline).getTime() <= now.getTime()) throw conflict('该需求已过截止时间')
  const next = applyEvent(NEED_MACHINE, need, 'claim', actor, now)
  return { ...next, claimant, claimerId: claimant.by, claimerUnitId: claimant.kind === 'unit' ? claimant.id : null, updatedAt: now }
}

/** Only the holder of the claim (the member, or any admin of the claiming unit) acts on it. */
export const holdsClaim = (need: Pick<NeedDoc, 'claimant'>, openid: string, unitIds: readonly string[]) =>
  Boolean(need.claimant && (need.claimant.kind === 'member' ? need.claimant.id === openid : unitIds.includes(need.claimant.id)))

export function release(need: NeedDoc, actor: Actor, now: Date, why: string): Partial<NeedDoc> {
  const next = applyEvent(NEED_MACHINE, need, 'release', actor, now, why)
  return { ...next, claimant: null, claimerId: null, claimerUnitId: null, updatedAt: now }
}

export function complete(need: NeedDoc, actor: Actor, now: Date, note: string, photos: string[]): Partial<NeedDoc> {
  const next = applyEvent(NEED_MACHINE, need, 'complete', actor, now, note)
  return { ...next, completion: { note, photos, at: now }, updatedAt: now }
}

export function confirm(need: NeedDoc, actor: Actor, now: Date, accept: boolean, why: string | null): Partial<NeedDoc> {
  const next = applyEvent(NEED_MACHINE, need, accept ? 'confirm' : 'sendBack', actor, now, why)
  return { ...next, ...(accept ? {} : { completion: null }), updatedAt: now }
}

export function cancel(need: NeedDoc, actor: Actor, now: Date, why: string): Partial<NeedDoc> {
  return { ...applyEvent(NEED_MACHINE, need, 'cancel', actor, now, why), updatedAt: now }
}

/** Which buttons a viewer gets on a need. */
export function needActions(need: NeedDoc, viewer: { holds: boolean; isStaff: boolean; canClaim: boolean }) {
  return {
    claim: viewer.canClaim && canApply(NEED_MACHINE, need.status, 'claim'),
    release: viewer.holds && canApply(NEED_MACHINE, need.status, 'release'),
    complete: viewer.holds && canApply(NEED_MACHINE, need.status, 'complete'),
    confirm: viewer.isStaff && canApply(NEED_MACHINE, need.status, 'confirm'),
    cancel: viewer.isStaff && canApply(NEED_MACHINE, need.status, 'cancel')
  }
}
