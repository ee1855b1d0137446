// The message centre (消息): the caller's own notices, newest first, their unread count, and marking them read.
// Every query is keyed by the caller's openid, so another person's notice is never read nor marked: an id
// that is not the caller's marks nothing, like an id already read (marking is idempotent).
import { personOf } from '../../../_shared/infra/auth'
import type { Handler } from '../../../_shared/infra/router'
import { markNoticesRead, noticesPage, unreadNotices } from '../repo'
import { toNoticeView } from '../views'

export const notices: Handler<'user', 'notices'> = async (input, { caller }) => {
  const page = await noticesPage(personOf(caller), input)
  return { items: page.items.map(toNoticeView), nextCursor: page.nextCursor }
}

export const unreadCount: Handler<'user', 'unreadCount'> = async (_input, { caller }) => ({
  unread: await unreadNotices(personOf(caller))
})

export const markRead: Handler<'user', 'markRead'> = async (input, { caller, now }) => {
  const openid = personOf(caller)
  await markNoticesRead(openid, input.ids ?? null, now)
  return { unread: await unreadNotices(openid) }
}
