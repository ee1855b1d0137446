// The gateway a browser build of the app and tools use: functions called with the caller's openid from a
// header (which only the local cloud accepts, bound to 127.0.0.1), timers run on demand, uploads, and the
// routes a project injects (e.g. a demo login listing). It knows nothing of the project: how a failure is
// answered is injected too (`answerFailure`); by default it is `{ errCode, errMsg }`, as wx.cloud reports.
import { LOCAL_APPID, type FunctionRunner } from './runner'
import { cleanCloudPath, type LocalStorage } from './storage'
import type { Store } from './store'
import { isPlainObject } from './store/values'

export type GatewayFailureReason =
  | 'unauthenticated'
  | 'bodyNotObject'
  | 'functionNotFound'
  | 'functionTimeout'
  | 'functionFailed'
  | 'timerNotFound'
  | 'timerTimeout'
  | 'timerFailed'
  | 'badOpenidHeader'
  | 'bodyTooLarge'
  | 'bodyTooDeep'
  | 'crossOrigin'
  | 'malformedJson'
  | 'invalidParam'
  | 'routeNotFound'
  | 'fileNotFound'
  | 'pageNotFound'
  | 'internal'

export interface GatewayFailure {
  reason: GatewayFailureReason
  code: 'UNAUTHENTICATED' | 'PERMISSION_DENIED' | 'INVALID_ARGUMENT' | 'NOT_FOUND' | 'INTERNAL'
  /** English, for developers. */
  message: string
  /** The function (and timer trigger) concerned, when there is one. */
  name?: string
  trigger?: string
}

/** Turns a gateway failure into the JSON body the client receives. */
export type FailureAnswer = (failure: GatewayFailure) => unknown

export const defaultFailureAnswer: FailureAnswer = (f) => ({ errCode: f.code, errMsg: f.message })

const CODES: Record<GatewayFailureReason, GatewayFailure['code']> = {
  unauthenticated: 'UNAUTHENTICATED',
  bodyNotObject: 'INVALID_ARGUMENT',
  functionNotFound: 'NOT_FOUND',
  functionTimeout: 'INTERNAL',
  functionFailed: 'INTERNAL',
  timerNotFound: 'NOT_FOUND',
  timerTimeout: 'INTERNAL',
  timerFailed: 'INTERNAL',
  badOpenidHeader: 'INVALID_ARGUMENT',
  bodyTooLarge: 'INVALID_ARGUMENT',
  bodyTooDeep: 'INVALID_ARGUMENT',
  crossOrigin: 'PERMISSION_DENIED',
  malformedJson: 'INVALID_ARGUMENT',
  invalidParam: 'INVALID_ARGUMENT',
  routeNotFound: 'NOT_FOUND',
  fileNotFound: 'NOT_FOUND',
  pageNotFound: 'NOT_FOUND',
  internal: 'INTERNAL'
}

export const gatewayFailure = (
  reason: GatewayFailureReason,
  message: string,
  subject: Pick<GatewayFailure, 'name' | 'trigger'> = {}
): GatewayFailure => ({
  reason,
  code: CODES[reason],
  message,
  ...subject
})

/** What an injected route receives. */
export interface RouteRequest {
  store: Store
  url: URL
  /** The caller's openid from the x-wx-openid header, if any. */
  openid?: string
}

/** An extra JSON route under /api/, injected by the project (answered with status 200). */
export interface GatewayRoute {
  method: 'GET' | 'POST'
  /** Exact path, e.g. /api/demo/users. */
  path: string
  handle(req: RouteRequest): unknown
}

const OPENID = /^[A-Za-z0-9_-]{1,64}$/

/** The openid of a request header: undefined when absent, null when malformed. */
export function readOpenid(header: string | string[] | undefined): string | undefined | null {
  if (header === undefined || header === '') return undefined
  const value = Array.isArray(header) ? header[0] : header
  return OPENID.test(value) ? value : null
}

export class Gateway {
  constructor(
    private readonly runner: FunctionRunner,
    private readonly storage: LocalStorage,
    readonly answerFailure: FailureAnswer = defaultFailureAnswer
  ) {}

  private fail(reason: GatewayFailureReason, message: string, subject?: Pick<GatewayFailure, 'name' | 'trigger'>): unknown {
    return this.answerFailure(gatewayFailure(reason, message, subject))
  }

  /** Runs `name` with `{ action, data }` as the caller `openid`; answers what the function returned. */
  async callFunction(name: string, body: unknown, openid: string | undefined): Promise<unknown> {
    // A mini-program call always carries the caller's OPENID; a call without one would run as the
    // trusted system caller (timers, other functions), which no client may be.
    if (!openid) return this.fail('unauthenticated', 'a call needs the caller openid (x-wx-openid)')
    if (!isPlainObject(body)) return this.fail('bodyNotObject', 'the request body must be a JSON object')
    const event: Record<string, unknown> = { action: body.action, data: body.data, userInfo: { appId: LOCAL_APPID, openId: openid } }
    const outcome = await this.runner.invoke(name, event, { openid, source: 'wx_client' })
    if (outcome.ok) return JSON.parse(outcome.json)
    const subject = { name: name.slice(0, 40) }
    if (outcome.kind === 'NOT_FOUND') return this.fail('functionNotFound', `function not found: ${subject.name}`, subject)
    if (outcome.kind === 'TIMEOUT') return this.fail('functionTimeout', outcome.message, subject)
    if (outcome.kind === 'INVALID_EVENT') return this.fail('invalidParam', outcome.message, subject)
    return this.fail('functionFailed', `function ${subject.name} failed`, subject)
  }

  /** Runs a timer trigger now, with the event the cloud sends. */
  async runTimer(name: string, trigger: string): Promise<unknown> {
    const subject = { name: name.slice(0, 40), trigger: trigger.slice(0, 40) }
    if (!this.runner.triggers(name).some((t) => t.name === trigger))
      return this.fail('timerNotFound', `timer not found: ${subject.name}/${subject.trigger}`, subject)
    const event = { Type: 'Timer', TriggerName: trigger, Time: new Date().toISOString(), Message: '' }
    const outcome = await this.runner.invoke(name, event, { source: 'wx_trigger' })
    if (outcome.ok) return JSON.parse(outcome.json)
    if (outcome.kind === 'TIMEOUT') return this.fail('timerTimeout', outcome.message, subject)
    return this.fail('timerFailed', `timer ${subject.name}/${subject.trigger} failed`, subject)
  }

  /**
   * wx.cloud.getTempFileURL for a browser build: `{ fileList: [fileID…] }` (at most 50, as the cloud allows)
   * → `{ fileList: [{ fileID, tempFileURL, maxAge, status, errMsg }] }`, status 0 when found.
   */
  tempFileUrls(body: unknown): unknown {
    const list = isPlainObject(body) ? body.fileList : undefined
    if (!Array.isArray(list) || list.length > 50 || list.some((f) => typeof f !== 'string'))
      return this.fail('invalidParam', 'fileList must be an array of at most 50 file ids')
    const answer = this.storage.batchGetDownloadUrl({ file_list: list.map((fileid) => ({ fileid, max_age: 7200 })) }) as {
      data: { download_list: Array<{ fileID: string; tempFileURL: string; code: string; maxAge: number }> }
    }
    return {
      fileList: answer.data.download_list.map((f) => ({
        fileID: f.fileID,
        tempFileURL: f.tempFileURL,
        maxAge: f.maxAge,
        status: f.code === 'SUCCESS' ? 0 : 1,
        errMsg: f.code === 'SUCCESS' ? 'ok' : f.code
      }))
    }
  }

  /** A browser upload: stored at users/<openid>/<basename of cloudPath>. */
  upload(openid: string, cloudPath: string, data: Buffer): { fileID: string } {
    const base = cleanCloudPath(cloudPath).split('/').pop() as string
    return { fileID: this.storage.write(`users/${openid}/${base}`, data) }
  }
}
