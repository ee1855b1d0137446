// Who invoked a function, decided from what the platform sets (getWXContext's OPENID and SOURCE), never
// from the event alone: the event of a client call is whatever the client sent, so a client can dress it
// up as a timer's `{ Type: 'Timer', TriggerName, Time }`.
import { invalid, unauthenticated } from './errors'

/** The parts of getWXContext() that say who called. */
export interface WxContext {
  OPENID?: string
  /** The platform's call chain: 'wx_client' for the mini-program, 'wx_trigger' for a timer trigger, … */
  SOURCE?: string
}

export type Invocation = { kind: 'client'; openid: string; action: string; data: unknown } | { kind: 'timer'; action: string }

/** The SOURCE the platform gives a function run by one of its timer triggers. */
export const TIMER_SOURCE = 'wx_trigger'

type EventFields = { action?: unknown; data?: unknown; Type?: unknown; TriggerName?: unknown }

const fieldsOf = (event: unknown): EventFields => (event && typeof event === 'object' ? (event as EventFields) : {})

const looksLikeTimer = (e: EventFields) => e.Type !== undefined || e.TriggerName !== undefined

/**
 * A call without an OPENID runs as the system only when the platform fired one of the function's own
 * timer triggers (`timers`: trigger name → action). Anything else without an OPENID — a Web-SDK,
 * anonymous, HTTP or function-to-function call — is UNAUTHENTICATED, and a signed-in caller's event that
 * carries a timer's fields is refused.
 */
export function readInvocation(event: unknown, wx: WxContext, timers: Readonly<Record<string, string>>): Invocation {
  const e = fieldsOf(event)
  if (!wx.OPENID) {
    const trigger = typeof e.TriggerName === 'string' ? e.TriggerName : ''
    const fired = wx.SOURCE === TIMER_SOURCE && String(e.Type).toLowerCase() === 'timer'
    if (!fired || !Object.prototype.hasOwnProperty.call(timers, trigger)) throw unauthenticated()
    return { kind: 'timer', action: timers[trigger] }
  }
  if (looksLikeTimer(e)) throw invalid('定时任务只能由平台触发')
  if (typeof e.action !== 'string') throw invalid('缺少操作名称')
  return { kind: 'client', openid: wx.OPENID, action: e.action, data: e.data ?? {} }
}
