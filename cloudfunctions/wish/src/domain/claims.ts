// Who may claim a wish, and how many open claims a person may hold.
import type { RoleGrant } from '../../../../types'
import type { CommunitySettings } from '../../../_shared/docs'
import type { VolunteerStatus } from '../../../../types/schemas/volunteer.labels'
import { denied, precondition } from '../../../_shared/infra/errors'
import { maskName } from '../../../_shared/domain/masking'
import type { ClaimerSnapshot, ClaimSuspension, WishClaimerDoc } from '../docs'
import { cstDay } from './submission'

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

/** A volunteer claims only once staff of their community approved the registration (no status: not yet). */
export function requireApprovedVolunteer(status: VolunteerStatus | null | undefined): void {
  if (status !== 'approved') throw denied('您的志愿者注册尚未通过社区审核，审核通过后才能认领心愿')
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
  return { ...counter, _id: openid, open, total, updatedAt: at }
}

export type ReleaseRules = Pick<CommunitySettings, 'releaseLimit' | 'releaseWindowDays' | 'releaseCooldownDays'>

const DAY_MS = 86_400_000
const ms = (d: Date | string) => new Date(d).getTime()

/** The person's releases still inside the window, oldest first. */
const recentReleases = (releases: readonly (Date | string)[] | undefined, rules: ReleaseRules, now: Date) =>
  (releases ?? [])
    .map(ms)
    .filter((t) => t > now.getTime() - rules.releaseWindowDays * DAY_MS && t <= now.getTime())
    .sort((a, b) => a - b)

/** Records the person's own release (staff releases and expiries are not theirs); older ones drop out of the window. */
export function withRelease(counter: WishClaimerDoc, rules: ReleaseRules, at: Date): WishClaimerDoc {
  return { ...counter, releases: [...recentReleases(counter.releases, rules, at), at.getTime()].map((t) => new Date(t)) }
}

/** The end of the cooling-off: `releaseLimit` releases within the window bar claims until the last one + the cooling-off. */
export function coolingOffUntil(counter: Pick<WishClaimerDoc, 'releases'> | null, rules: ReleaseRules, now: Date): Date | null {
  const recent = recentReleases(counter?.releases, rules, now)
  if (rules.releaseLimit <= 0 || recent.length < rules.releaseLimit) return null
  const until = recent[recent.length - 1] + rules.releaseCooldownDays * DAY_MS
  return until > now.getTime() ? new Date(until) : null
}

export const suspensionIn = (counter: Pick<WishClaimerDoc, 'suspensions'> | null, communityId: string): ClaimSuspension | null =>
  counter?.suspensions?.find((s) => s.communityId === communityId) ?? null

/** Refuses a claim while staff have suspended the person in this community or their cooling-off runs. */
export function requireMayClaim(counter: WishClaimerDoc | null, communityId: string, rules: ReleaseRules, now: Date): void {
  if (suspensionIn(counter, communityId)) throw precondition('您在本社区的心愿认领已被暂停，如有疑问请联系社区')
  const until = coolingOffUntil(counter, rules, now)
  if (until) {
    throw precondition(`您${rules.releaseWindowDays}天内已放弃${rules.releaseLimit}次认领，${cstDay(until)}之后可再认领`)
  }
}

/** The record after staff suspend the person in a community, or lift it; each step is logged. */
export function withSuspension(counter: WishClaimerDoc, step: ClaimSuspension & { suspended: boolean }): WishClaimerDoc {
  const { suspended, ...suspension } = step
  const others = (counter.suspensions ?? []).filter((s) => s.communityId !== step.communityId)
  return {
    ...counter,
    suspensions: suspended ? [...others, suspension] : others,
    suspensionLog: [...(counter.suspensionLog ?? []), step],
    updatedAt: step.at
  }
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
