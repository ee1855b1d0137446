// Who may claim a wish, and how many open claims a person may hold.
import type { RoleGrant } from '../../../../types'
import type { CommunitySettings } from '../../../_shared/docs'
import { precondition } from '../../../_shared/infra/errors'
import { maskName } from '../../../_shared/domain/masking'
import type { ClaimerSnapshot, WishClaimerDoc } from '../docs'

/**
 * The capacity in which a person may claim wishes of a community: an approved party member (the party
 * pillar grants { role: 'member', communityId } on approval), or a volunteer where the community opens
 * wishes to volunteers. Null when they may not claim.
 */
export function claimCapacity(
  grants: readonly RoleGrant[],
  communityId: string,
  settings: Pick<CommunitySettings, 'openWishesToVolunteers'>
): 'member' | 'volunteer' | null {
  if (grants.some((g) => g.role === 'member' && g.communityId === communityId)) return 'member'
  if (settings.openWishesToVolunteers && grants.some((g) => g.role === 'volunteer' && g.communityId === communityId)) return 'volunteer'
  return null
}

export const claimRefusal = (settings: Pick<CommunitySettings, 'openWishesToVolunteers'>) =>
  settings.openWishesToVolunteers ? '只有本社区报到的在职党员和志愿者可以认领心愿' : '只有在本社区报到并通过审核的在职党员可以认领心愿'

/** Throws FAILED_PRECONDITION when the person already holds `limit` open claims. */
export function requireClaimSlot(counter: Pick<WishClaimerDoc, 'open'> | null, limit: number): void {
  const open = counter?.open ?? 0
  if (open >= limit) throw precondition(`您已有${open}个心愿正在认领中，最多可同时认领${limit}个，请先完成或放弃后再认领`)
}

/** The counter after a claim opens (+1) or closes (−1: released, expired, fulfilled); never below zero. */
export function countedClaims(counter: WishClaimerDoc | null, openid: string, delta: 1 | -1, at: Date): WishClaimerDoc {
  const open = Math.max(0, (counter?.open ?? 0) + delta)
  const total = (counter?.total ?? 0) + (delta > 0 ? 1 : 0)
  return { _id: openid, open, total, updatedAt: at }
}

/** 亮身份: what the public sees of the claimer. */
export function claimerSnapshot(
  kind: 'member' | 'volunteer',
  realName: string | null | undefined,
  nickName: string | null | undefined,
  membership: { status?: string; branch?: string; pledge?: string } | null
): ClaimerSnapshot {
  const approved = kind === 'member' && membership?.status === 'approved'
  return {
    kind,
    displayName: maskName(realName || nickName || ''),
    branch: approved ? (membership?.branch ?? null) : null,
    pledge: approved ? (membership?.pledge ?? null) : null
  }
}
