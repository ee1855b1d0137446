// Notices as pure data: what an event tells whom (`Notice`), and the in-app notice it becomes (`noticeDoc`).
// Sending and keeping them is `_shared/infra/notify.ts`; the demo seed builds its notices with the same rules.
import { NOTICE_KIND_TITLES, NOTICE_REASON_LABELS, type NoticeKind, type NoticeReason, type NoticeTarget } from '../../../types/enums'
import type { NoticeDoc } from '../docs'
import { opaqueId } from '../infra/ids'

export interface Notice {
  touser: string
  kind: NoticeKind
  /**
   * The event the notice tells of, unique to it (`wish:<id>:<history step>`, `order:<id>`): with the
   * recipient it makes the in-app notice's id, so writing it again is writing the same document.
   */
  event: string
  /** The fixed sentence of the in-app body (and the subscription message's reason field where it has one). */
  reason: NoticeReason
  /** The page the notice opens, in the app and from the subscription message. */
  target: NoticeTarget
  /** The subscription message's fields. */
  data: Record<string, string>
}

/**
 * The notice of a reviewed application (a shop, a unit, a member's registration). Its reason is fixed: the
 * reviewer's own words stay in the app, never in the message. `subject` names what was reviewed.
 */
export function reviewNotice(
  touser: string,
  kind: Extract<NoticeKind, 'merchantReviewed' | 'unitReviewed' | 'memberReviewed' | 'riderReviewed'>,
  event: string,
  approved: boolean,
  target: NoticeTarget,
  subject: string
): Notice {
  const reason: NoticeReason = approved ? 'registrationApproved' : 'registrationRejected'
  return {
    touser,
    kind,
    event,
    reason,
    target,
    data: { thing1: subject, phrase2: approved ? '已通过' : '未通过', thing3: NOTICE_REASON_LABELS[reason] }
  }
}

/** `packages/wish/detail/index?id=…`: the target as a mini-program page path. */
export const pagePath = ({ page, params }: NoticeTarget) => {
  const query = Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&')
  return query ? `${page}?${query}` : page
}

/** The in-app notice: title and body are fixed text of the kind and reason, never anyone's free text. */
export const noticeDoc = (n: Notice, now: Date): NoticeDoc => ({
  _id: opaqueId('n', n.event, n.touser),
  recipient: n.touser,
  kind: n.kind,
  title: NOTICE_KIND_TITLES[n.kind],
  body: NOTICE_REASON_LABELS[n.reason],
  target: n.target,
  createdAt: now,
  readAt: null
})
