// What each person may see of a wish. The wall and the public detail carry only public fields; the
// beneficiary's name, phone and address, a guardian, and a child's photos reach the owner and the
// community's staff, and the claimer gets only what delivery needs.
import { WISH_STATUS_LABELS, type WishStatus } from '../../../types'
import {
  CHILD_APPELLATIONS,
  type Appellation,
  type ClaimerBadge,
  type MyWish,
  type StaffWish,
  type WishCard,
  type WishDelivery,
  type WishDetail,
  type WishPrivate,
  type WishTimelineEntry,
  type WishViewer
} from '../../../types/schemas/wish'
import { iso, isoOrNull } from '../../_shared/domain/dates'
import { maskName } from '../../_shared/domain/masking'
import type { CommunityDoc, CommunitySettings } from '../../_shared/docs'
import type { ActorRole, WishDoc } from './docs'

/** 张 + 奶奶 → 张奶奶; without an appellation (or a grown-up one for a child) → 张**. */
export function publicDisplayName(name: string, appellation: Appellation | undefined, isChild: boolean): string {
  const surname = [...name.trim()][0] ?? ''
  if (!appellation || !surname) return maskName(name)
  if (isChild && !(CHILD_APPELLATIONS as readonly string[]).includes(appellation)) return maskName(name)
  return surname + appellation
}

const PUBLIC: ReadonlySet<WishStatus> = new Set(['published', 'claimed', 'fulfilled', 'confirmed'])
export const isPublicStatus = (s: WishStatus) => PUBLIC.has(s)

export interface ViewerFacts {
  openid: string | null
  /** The caller is staff of the wish's community. */
  staff: boolean
}

export const isOwner = (wish: WishDoc, openid: string | null) =>
  Boolean(openid) && (wish.submitterId === openid || wish.beneficiary.ownerId === openid)
/** The current claimer, while the claim is live (claimed or fulfilled, not yet confirmed). */
export const isActiveClaimer = (wish: WishDoc, openid: string | null) =>
  Boolean(openid) && wish.claimerId === openid && (wish.status === 'claimed' || wish.status === 'fulfilled')

export function viewerOf(wish: WishDoc, v: ViewerFacts): WishViewer {
  if (v.staff) return 'staff'
  if (isActiveClaimer(wish, v.openid)) return 'claimer'
  if (isOwner(wish, v.openid)) return 'owner'
  return 'public'
}

/** Whether this viewer may open the wish at all (unpublished wishes are the owner's and staff's). */
export const canSee = (wish: WishDoc, viewer: WishViewer) => viewer !== 'public' || isPublicStatus(wish.status)

export function toCard(wish: WishDoc, communityName: string, distance: number | null = null): WishCard {
  return {
    id: wish._id,
    category: wish.category,
    title: wish.title,
    story: wish.story,
    communityId: wish.communityId,
    communityName,
    beneficiaryDisplay: wish.beneficiary.display,
    photos: wish.beneficiary.isChild ? [] : [...wish.photos],
    value: wish.value,
    desiredDate: wish.desiredDate ?? null,
    status: wish.status,
    submittedAt: iso(wish.createdAt),
    publishedAt: isoOrNull(wish.publishedAt),
    claimedAt: isoOrNull(wish.claimedAt),
    fulfilledAt: isoOrNull(wish.fulfilledAt),
    confirmedAt: isoOrNull(wish.confirmedAt),
    distance: distance === null ? null : Math.round(distance)
  }
}

export function privatePart(wish: WishDoc): WishPrivate {
  const b = wish.beneficiary
  return {
    beneficiaryName: b.name,
    phone: b.phone ?? null,
    address: b.address ?? null,
    isChild: b.isChild,
    proxy: wish.proxy,
    guardian: wish.guardian
      ? { name: wish.guardian.name, relation: wish.guardian.relation, phone: wish.guardian.phone, consentAt: iso(wish.guardian.consentAt) }
      : null,
    privatePhotos: [...(wish.privatePhotos ?? [])],
    rejectReason: wish.rejectReason ?? null
  }
}

export interface Handover {
  handoverPoint: string
  phone: string
  /** The community's own address: where delivery goes when it has no hand-over point. */
  address: string
}

/** Who a delivery answer is for: staff of the community, or the claimer in the capacity they claimed. */
export type DeliveryAudience = 'staff' | 'member' | 'volunteer'

/**
 * Whether this person gets the beneficiary's own contact: staff always; an approved member only where the
 * community allows direct contact and the wish is neither a child's nor a vulnerable resident's; a
 * volunteer never. Everyone else delivers through the community.
 */
export function mayContactDirectly(wish: WishDoc, audience: DeliveryAudience, directContact: boolean): boolean {
  if (audience === 'staff') return true
  return audience === 'member' && directContact && !wish.beneficiary.isChild && !wish.beneficiary.vulnerable
}

/** What the claimer needs to deliver: the contact (a child's guardian, for staff), or the community's contact. */
export function deliveryFor(wish: WishDoc, community: Handover, direct: boolean): WishDelivery {
  if (wish.delivery === 'handover' || !direct) {
    return {
      mode: 'handover',
      name: null,
      phone: null,
      address: null,
      handoverPoint: community.handoverPoint || community.address,
      communityPhone: community.phone || null
    }
  }
  const g = wish.beneficiary.isChild ? wish.guardian : null
  return {
    mode: 'contact',
    name: g ? `${g.name}（${g.relation}）` : wish.beneficiary.name,
    phone: g ? g.phone : wish.beneficiary.phone,
    address: wish.beneficiary.address,
    handoverPoint: null,
    communityPhone: community.phone || null
  }
}

/** Whether an answer carries a beneficiary's (or guardian's) phone or address: each such answer is logged. */
export const carriesContact = (answer: { private?: WishPrivate | null; delivery?: WishDelivery | null }) =>
  Boolean(
    answer.private?.phone ||
    answer.private?.address ||
    answer.private?.guardian ||
    (answer.delivery?.mode === 'contact' && (answer.delivery.phone || answer.delivery.address))
  )

const ACTOR_LABELS: Record<ActorRole, string> = {
  resident: '居民',
  staff: '社区工作者',
  member: '在职党员',
  volunteer: '志愿者',
  system: '系统'
}

export function stepLabel(from: WishStatus | null, to: WishStatus, role: ActorRole): string {
  if (from === null) return role === 'staff' ? '社区代录心愿' : '提交心愿'
  if (to === 'published')
    return from === 'submitted' ? '审核通过，公开征集' : role === 'system' ? '认领超时，重新征集' : '认领人放弃，重新征集'
  const labels: Partial<Record<WishStatus, string>> = {
    rejected: '审核未通过',
    claimed: '心愿被认领',
    fulfilled: '心愿已实现',
    confirmed: '确认完成',
    withdrawn: '发布人撤回'
  }
  return labels[to] ?? WISH_STATUS_LABELS[to]
}

export function timeline(wish: WishDoc, withReasons: boolean): WishTimelineEntry[] {
  return (wish.history ?? []).map((h) => ({
    at: iso(h.at),
    from: h.from,
    to: h.to,
    label: stepLabel(h.from, h.to, h.role),
    actor: ACTOR_LABELS[h.role] ?? '居民',
    ...(withReasons ? { why: h.why } : {})
  }))
}

export const badgeOf = (wish: WishDoc): ClaimerBadge | null =>
  wish.claimer && wish.claimerId
    ? { kind: wish.claimer.kind, displayName: wish.claimer.displayName, branch: wish.claimer.branch, pledge: wish.claimer.pledge }
    : null

export interface DetailFacts extends ViewerFacts {
  communityName: string
  handover: Handover
  /** The caller may claim wishes of this community (approved member, or volunteer where opened). */
  eligibleToClaim: boolean
  /** The community's claim period: a claimer has this many days to help. */
  claimDays: number
  /** The community lets approved members who claim contact the beneficiary directly. */
  directContact: boolean
}

export function permissions(wish: WishDoc, viewer: WishViewer, f: DetailFacts): WishDetail['can'] {
  const s = wish.status
  const claimer = isActiveClaimer(wish, f.openid)
  const submitter = Boolean(f.openid) && wish.submitterId === f.openid
  return {
    claim: s === 'published' && f.eligibleToClaim,
    release: s === 'claimed' && claimer,
    fulfil: s === 'claimed' && claimer,
    confirm: s === 'fulfilled' && (wish.proxy ? f.staff : isOwner(wish, f.openid)),
    withdraw: (s === 'submitted' || s === 'published') && (submitter || (wish.proxy && f.staff)),
    review: s === 'submitted' && viewer === 'staff'
  }
}

/** The detail answer for one viewer. Callers must check `canSee` first. */
export function toDetail(wish: WishDoc, f: DetailFacts): WishDetail {
  const viewer = viewerOf(wish, f)
  const involved = viewer !== 'public'
  const publicFulfilment = wish.fulfilment && !wish.beneficiary.isChild
  return {
    ...toCard(wish, f.communityName),
    claimer: badgeOf(wish),
    timeline: timeline(wish, involved),
    fulfilment:
      wish.fulfilment && (involved || publicFulfilment)
        ? { note: wish.fulfilment.note, photos: [...wish.fulfilment.photos], at: iso(wish.fulfilment.at) }
        : null,
    confirmation:
      wish.confirmation && involved
        ? { rating: wish.confirmation.rating, thanks: wish.confirmation.thanks, at: iso(wish.confirmation.at) }
        : null,
    claimDeadline: involved ? isoOrNull(wish.claimDeadline) : null,
    claimDays: f.claimDays,
    viewer,
    can: permissions(wish, viewer, f),
    private: viewer === 'staff' || viewer === 'owner' ? privatePart(wish) : null,
    delivery:
      viewer === 'staff' || viewer === 'claimer'
        ? deliveryFor(
            wish,
            f.handover,
            mayContactDirectly(wish, viewer === 'staff' ? 'staff' : (wish.claimer?.kind ?? 'volunteer'), f.directContact)
          )
        : null
  }
}

export function toMyWish(wish: WishDoc, communityName: string, openid: string): MyWish {
  const todo =
    wish.status === 'claimed' && wish.claimerId === openid
      ? 'fulfil'
      : wish.status === 'fulfilled' && !wish.proxy && isOwner(wish, openid)
        ? 'confirm'
        : null
  return {
    ...toCard(wish, communityName),
    claimDeadline: wish.claimerId === openid ? isoOrNull(wish.claimDeadline) : null,
    rejectReason: isOwner(wish, openid) ? (wish.rejectReason ?? null) : null,
    todo
  }
}

export const toStaffWish = (wish: WishDoc, communityName: string): StaffWish => ({
  ...toCard(wish, communityName),
  claimDeadline: isoOrNull(wish.claimDeadline),
  private: privatePart(wish),
  claimer: badgeOf(wish)
})

// --- photos --------------------------------------------------------------------------------------------
// Answers carry displayable photo URLs (WeChat's temporary links), never the stored cloud:// ids, so the
// app can show them on every platform.

type WithPhotos = Pick<WishCard, 'photos'> & Partial<Pick<WishDetail, 'fulfilment' | 'private'>>

function photoLists(item: WithPhotos): string[][] {
  return [item.photos, item.fulfilment?.photos, item.private?.privatePhotos].filter((l): l is string[] => Array.isArray(l))
}

/** Every photo id the items carry. */
export const photoIdsOf = (items: WithPhotos[]) => items.flatMap((i) => photoLists(i).flat())

/** Replaces every photo id in the items with its URL (in place); a photo without a URL is left out. */
export function withPhotoUrls<T extends WithPhotos>(items: T[], urls: Map<string, string>): T[] {
  for (const item of items) {
    for (const list of photoLists(item)) {
      const resolved = list.map((id) => urls.get(id)).filter((u): u is string => Boolean(u))
      list.splice(0, list.length, ...resolved)
    }
  }
  return items
}

/** Where a claimer hands over through the community, with the community's (public) phone. */
export const handoverOf = (community: CommunityDoc & { settings: CommunitySettings }): Handover => ({
  handoverPoint: community.settings.handoverPoint,
  phone: community.phone,
  address: community.address
})
