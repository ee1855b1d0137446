// Notices after a transition (subscription messages and their in-app twins): who hears about it and what they read.
import { NOTICE_REASON_LABELS, WISH_STATUS_LABELS, type NoticeKind, type NoticeReason } from '../../../../types'
import type { Notice } from '../../../_shared/domain/notices'
import type { WishEvent } from './stateMachine'
import type { WishDoc, WishHistoryEntry } from '../docs'

export const detailTarget = (wishId: string) => ({ page: 'packages/wish/detail/index' as const, params: { id: wishId } })

/** 2026-11-22 09:05 in China Standard Time. */
export const cstMinute = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')

const KINDS: Partial<Record<WishEvent, NoticeKind>> = {
  publish: 'wishPublished',
  reject: 'wishRejected',
  claim: 'wishClaimed',
  fulfil: 'wishFulfilled',
  release: 'wishReleased',
  expire: 'wishReleased'
}

/** The fixed reason a transition's notice carries; `entry.why` may be someone's free text and stays in the history. */
export function noticeReason(event: WishEvent, entry: WishHistoryEntry): NoticeReason | null {
  switch (event) {
    case 'publish':
      return 'wishPublished'
    case 'reject':
      return 'wishRejected'
    case 'claim':
      return 'wishClaimed'
    case 'release':
      return entry.role === 'staff' ? 'wishReleasedByStaff' : 'wishReleased'
    case 'expire':
      return 'wishExpired'
    case 'fulfil':
      return 'wishFulfilled'
    default:
      return null
  }
}

/**
 * The notices for one transition. `before` is the wish as it was, so a released claim still knows its
 * claimer. The submitter hears about every step; a released claimer hears that the claim ended.
 */
export function noticesFor(event: WishEvent, before: WishDoc, entry: WishHistoryEntry): Notice[] {
  const kind = KINDS[event]
  const reason = noticeReason(event, entry)
  if (!kind || !reason) return []
  const data = {
    thing1: before.title,
    phrase2: WISH_STATUS_LABELS[entry.to],
    thing3: NOTICE_REASON_LABELS[reason],
    time4: cstMinute(new Date(entry.at))
  }
  const target = detailTarget(before._id)
  // The step this transition adds to the history: one event, whichever retry writes it.
  const eventId = `wish:${before._id}:${(before.history ?? []).length}`
  const people = new Set([before.submitterId, before.beneficiary.ownerId].filter((p): p is string => Boolean(p)))
  if ((event === 'release' || event === 'expire') && before.claimerId) people.add(before.claimerId)
  people.delete(entry.who)
  return [...people].map((touser) => ({ touser, kind, event: eventId, reason, target, data }))
}
