// Notices: a subscription message (订阅消息) to the person's WeChat and its in-app twin in their message
// centre (消息, collection `notices`). An event's handler builds its notices, keeps them inside the event's
// own transaction (`keepNotices`, so a notice exists exactly when the event committed, and a retried
// transaction writes the same documents again, never a second one), then sends them after the commit
// (`sendNotices`). A person may not have subscribed, so a failed send is logged and never fails the
// action. Locally the local cloud writes each send to `outbox`.
import { NOTICE_KIND_TITLES, NOTICE_REASON_LABELS, type NoticeKind, type NoticeReason, type NoticeTarget } from '../../../types/enums'
import type { NoticeDoc } from '../docs'
import { cloud } from './cloud'
import { createOnce, type Tx } from './db'
import { opaqueId } from './ids'

type Template =
  | 'wishPublished'
  | 'wishClaimed'
  | 'wishFulfilled'
  | 'wishReleased'
  | 'wishRejected'
  | 'enrollmentConfirmed'
  | 'pickupReady'
  | 'registrationReviewed'

/** The subscription template of each kind; the WeChat template id comes from the environment in production. */
const TEMPLATES: Record<NoticeKind, Template> = {
  wishPublished: 'wishPublished',
  wishRejected: 'wishRejected',
  wishClaimed: 'wishClaimed',
  wishReleased: 'wishReleased',
  wishFulfilled: 'wishFulfilled',
  enrollmentConfirmed: 'enrollmentConfirmed',
  pickupReady: 'pickupReady',
  merchantReviewed: 'registrationReviewed',
  unitReviewed: 'registrationReviewed',
  memberReviewed: 'registrationReviewed'
}

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
  kind: Extract<NoticeKind, 'merchantReviewed' | 'unitReviewed' | 'memberReviewed'>,
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

/** Writes the in-app notices inside the event's transaction; one already written (a retry) is left as it is. */
export async function keepNotices(tx: Tx, notices: Notice[], now: Date): Promise<void> {
  for (const n of notices) if (n.touser) await createOnce('notices', noticeDoc(n, now), tx)
}

const templateId = (key: Template) => process.env[`TEMPLATE_${key.toUpperCase()}`] || key

/** WeChat limits `thing` values to 20 characters. */
const clip = (s: string) => ([...s].length > 20 ? [...s].slice(0, 19).join('') + '…' : s)

async function send(notice: Notice): Promise<void> {
  if (!notice.touser) return
  const template = TEMPLATES[notice.kind]
  try {
    await cloud.openapi.subscribeMessage.send({
      touser: notice.touser,
      templateId: templateId(template),
      page: pagePath(notice.target),
      data: Object.fromEntries(Object.entries(notice.data).map(([k, v]) => [k, { value: clip(v) }])),
      miniprogramState: process.env.MINIPROGRAM_STATE || 'formal'
    })
  } catch (e) {
    console.warn('[notify] not sent', template, (e as Error)?.message ?? e)
  }
}

/** Sends the subscription messages, after the event's transaction committed. */
export const sendNotices = (notices: Notice[]) => Promise.all(notices.map(send)).then(() => undefined)
