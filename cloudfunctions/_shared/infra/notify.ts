// Subscription messages (订阅消息). A person may not have subscribed, so a failed send is logged and
// never fails the action that triggered it. Locally the local cloud writes each send to `outbox`.
import { NOTICE_REASON_LABELS } from '../../../types/enums'
import { cloud } from './cloud'

export interface Notice {
  touser: string
  /** Template key; the WeChat template id comes from the environment in production. */
  template:
    | 'wishPublished'
    | 'wishClaimed'
    | 'wishFulfilled'
    | 'wishReleased'
    | 'wishRejected'
    | 'enrollmentConfirmed'
    | 'pickupReady'
    | 'registrationReviewed'
  page: string
  data: Record<string, string>
}

/** The fixed reason of a review notice: the reviewer's own words stay in the app, never in the message. */
export const reviewReason = (approved: boolean) => NOTICE_REASON_LABELS[approved ? 'registrationApproved' : 'registrationRejected']

const templateId = (key: Notice['template']) => process.env[`TEMPLATE_${key.toUpperCase()}`] || key

/** WeChat limits `thing` values to 20 characters. */
const clip = (s: string) => ([...s].length > 20 ? [...s].slice(0, 19).join('') + '…' : s)

export async function notify(notice: Notice): Promise<void> {
  if (!notice.touser) return
  try {
    await cloud.openapi.subscribeMessage.send({
      touser: notice.touser,
      templateId: templateId(notice.template),
      page: notice.page,
      data: Object.fromEntries(Object.entries(notice.data).map(([k, v]) => [k, { value: clip(v) }])),
      miniprogramState: process.env.MINIPROGRAM_STATE || 'formal'
    })
  } catch (e) {
    console.warn('[notify] not sent', notice.template, (e as Error)?.message ?? e)
  }
}

export const notifyAll = (notices: Notice[]) => Promise.all(notices.map(notify)).then(() => undefined)
