// Notices: a subscription message (订阅消息) to the person's WeChat and its in-app twin in their message
// centre (消息, collection `notices`). An event's handler builds its notices, keeps them inside the event's
// own transaction (`keepNotices`, so a notice exists exactly when the event committed, and a retried
// transaction writes the same documents again, never a second one), then sends them after the commit
// (`sendNotices`). A person may not have subscribed, so a failed send is logged and never fails the
// action. Locally the local cloud writes each send to `outbox`.
import type { NoticeKind } from '../../../types/enums'
import { noticeDoc, pagePath, type Notice } from '../domain/notices'
import { cloud } from './cloud'
import { createOnce, type Tx } from './db'

export { reviewNotice, type Notice } from '../domain/notices'

type Template =
  | 'wishPublished'
  | 'wishClaimed'
  | 'wishFulfilled'
  | 'wishReleased'
  | 'wishRejected'
  | 'enrollmentConfirmed'
  | 'pickupReady'
  | 'registrationReviewed'
  | 'reportAccepted'
  | 'reportResolved'
  | 'reportReview'
  | 'reportOverdue'

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
  memberReviewed: 'registrationReviewed',
  reportAccepted: 'reportAccepted',
  reportResolved: 'reportResolved',
  reportReview: 'reportReview',
  reportOverdue: 'reportOverdue',
  whistleOverdue: 'reportOverdue',
  riderReviewed: 'registrationReviewed'
}

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
