// The gateway the h5 app and tools use: functions called with the caller's openid from a header (which
// only the local cloud accepts, bound to 127.0.0.1), timers run on demand, the demo users, and uploads.
import type { Envelope } from '../types'
import { LOCAL_APPID, type FunctionRunner } from './runner'
import { cleanCloudPath, type LocalStorage } from './storage'
import type { Store } from './store'
import { isPlainObject } from './store/values'

type Failure = Extract<Envelope<never>, { ok: false }>

export const failure = (code: Failure['error']['code'], message: string): Failure => ({ ok: false, error: { code, message } })

const OPENID = /^[A-Za-z0-9_-]{1,64}$/

/** The openid of a request header: undefined when absent, null when malformed. */
export function readOpenid(header: string | string[] | undefined): string | undefined | null {
  if (header === undefined || header === '') return undefined
  const value = Array.isArray(header) ? header[0] : header
  return OPENID.test(value) ? value : null
}

export interface DemoUser {
  openid: string
  nickName: unknown
  label: unknown
  order: unknown
  roles: unknown
}

export class Gateway {
  constructor(
    private readonly store: Store,
    private readonly storage: LocalStorage,
    private readonly runner: FunctionRunner
  ) {}

  /** Runs `name` with `{ action, data }` as the caller `openid`; answers what the function returned. */
  async callFunction(name: string, body: unknown, openid: string | undefined): Promise<unknown> {
    // A mini-program call always carries the caller's OPENID; a call without one would run as the
    // trusted system caller (timers, other functions), which no client may be.
    if (!openid) return failure('UNAUTHENTICATED', '请先登录')
    if (!isPlainObject(body)) return failure('INVALID_ARGUMENT', '请求内容必须是 JSON 对象')
    const event: Record<string, unknown> = { action: body.action, data: body.data, userInfo: { appId: LOCAL_APPID, openId: openid } }
    const outcome = await this.runner.invoke(name, event, { openid, source: 'wx_client' })
    if (outcome.ok) return JSON.parse(outcome.json)
    if (outcome.kind === 'NOT_FOUND') return failure('NOT_FOUND', `找不到云函数「${name.slice(0, 40)}」`)
    if (outcome.kind === 'TIMEOUT') return failure('INTERNAL', '服务响应超时，请稍后再试')
    return failure('INTERNAL', '服务开小差了，请稍后再试')
  }

  /** Runs a timer trigger now, with the event the cloud sends. */
  async runTimer(name: string, trigger: string): Promise<unknown> {
    if (!this.runner.triggers(name).some((t) => t.name === trigger)) return failure('NOT_FOUND', `找不到定时任务「${name.slice(0, 40)}/${trigger.slice(0, 40)}」`)
    const event = { Type: 'Timer', TriggerName: trigger, Time: new Date().toISOString(), Message: '' }
    const outcome = await this.runner.invoke(name, event, { source: 'wx_trigger' })
    if (outcome.ok) return JSON.parse(outcome.json)
    return failure('INTERNAL', outcome.kind === 'TIMEOUT' ? '定时任务执行超时' : '定时任务执行失败')
  }

  /** Seeded demo users (documents of `users` with a `demo` field), in their display order. */
  demoUsers(): DemoUser[] {
    if (!this.store.db.has('users')) return []
    return this.store.db
      .find('users', { demo: { $exists: true } })
      .map((u) => {
        const demo = isPlainObject(u.demo) ? u.demo : {}
        return { openid: u._id, nickName: u.nickName, label: demo.label, order: demo.order, roles: u.roles ?? [] }
      })
      .sort((a, b) => Number(a.order ?? 0) - Number(b.order ?? 0))
  }

  /** An h5 upload: stored at users/<openid>/<basename of cloudPath>. */
  upload(openid: string, cloudPath: string, data: Buffer): { fileID: string } {
    const base = cleanCloudPath(cloudPath).split('/').pop() as string
    return { fileID: this.storage.write(`users/${openid}/${base}`, data) }
  }
}
