// The TCB admin endpoint (/admin): one POST per SDK call with an `action`. Answers are HTTP 200 with
// `{ requestId, data }` (startTransaction: `{ requestId, transactionId }`) or `{ code, message, requestId }`.
import { randomBytes } from 'node:crypto'
import { CloudError, errors, toCloudError } from '../errors'
import { MAX_DEPTH, parseJsonWithin, TooDeep } from '../json'
import type { FunctionRunner } from '../runner'
import type { LocalStorage } from '../storage'
import type { Store } from '../store'
import { isPlainObject } from '../store/values'
import { databaseActions, type Params, type Reply } from './database'
import { decodeOpenApiData, handleOpenApi, parseMultipart } from './openapi'

export interface AdminDeps {
  store: Store
  storage: LocalStorage
  runner: FunctionRunner
  /** Receives one line per database request when request logging is on. */
  log?: (line: string) => void
}

export interface HttpAnswer {
  status: number
  contentType: string
  body: string | Buffer
}

export const newRequestId = () => randomBytes(12).toString('hex')

const jsonAnswer = (value: unknown, status = 200): HttpAnswer => ({
  status,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify(value)
})

export function errorAnswer(e: unknown, requestId = newRequestId()): HttpAnswer {
  const err = toCloudError(e)
  if (err.code === 'SYS_ERR') console.error('[local-cloud] unexpected error:', e)
  return jsonAnswer({ code: err.code, message: err.message, requestId })
}

/** JSON text of the protocol, nested no deeper than MAX_DEPTH.admin. */
function parseJson(text: string, what: string): unknown {
  try {
    return parseJsonWithin(text, MAX_DEPTH.admin)
  } catch (e) {
    if (e instanceof TooDeep) throw errors.tooDeep(what, e.limit)
    throw errors.invalidParam(`${what} is not valid JSON`)
  }
}

function readParams(body: Buffer, contentType: string): Params {
  if (/multipart\/form-data/i.test(contentType)) {
    const params: Params = {}
    for (const part of parseMultipart(body, contentType))
      params[part.name] = part.name === 'requestData' ? part.data : part.data.toString('utf8')
    return params
  }
  const parsed = parseJson(body.toString('utf8'), 'request body')
  if (!isPlainObject(parsed)) throw errors.invalidParam('request body must be a JSON object')
  return parsed
}

async function invokeFunction(deps: AdminDeps, params: Params): Promise<Reply> {
  const name = params.function_name
  if (typeof name !== 'string' || !name) throw errors.invalidParam('function_name is required')
  const event = typeof params.request_data === 'string' && params.request_data !== '' ? parseJson(params.request_data, 'request_data') : {}
  // A call from inside a function runs as the system: no OPENID, as in the cloud.
  const outcome = await deps.runner.invoke(name, event, { source: 'scf' })
  if (outcome.ok) return { data: { response_data: outcome.json } }
  if (outcome.kind === 'NOT_FOUND') throw errors.functionNotFound(name)
  if (outcome.kind === 'INVALID_EVENT') throw errors.invalidParam(outcome.message)
  throw errors.functionFailed(outcome.message)
}

export async function handleAdmin(deps: AdminDeps, body: Buffer, contentType: string): Promise<HttpAnswer> {
  const requestId = newRequestId()
  try {
    const params = readParams(body, contentType)
    const action = params.action
    if (typeof action !== 'string') throw errors.invalidParam('action is required')
    if (action === 'wx.openApi') {
      const data = Buffer.isBuffer(params.requestData) ? params.requestData : Buffer.from(String(params.requestData ?? ''), 'latin1')
      const reply = handleOpenApi(deps.store, String(params.apiName ?? ''), decodeOpenApiData(data))
      return { status: 200, contentType: 'application/octet-stream', body: reply }
    }
    const reply = await logged(deps, action, params, () => dispatch(deps, action, params))
    return jsonAnswer({ requestId, ...reply })
  } catch (e) {
    if (!(e instanceof CloudError) && e instanceof Error && /protobuf|varint|truncated|wire type/.test(e.message)) {
      return errorAnswer(errors.invalidParam(`malformed requestData: ${e.message}`), requestId)
    }
    return errorAnswer(e, requestId)
  }
}

/** Runs a request, logging database ones: `[local-cloud] db <action> <collection> <ms>ms [<error code>]`. */
async function logged(deps: AdminDeps, action: string, params: Params, run: () => Promise<Reply>): Promise<Reply> {
  if (!deps.log || !databaseActions[action]) return run()
  const started = performance.now()
  const line = (outcome: string) => {
    const ms = (performance.now() - started).toFixed(1)
    const collection = typeof params.collectionName === 'string' ? params.collectionName : '-'
    deps.log?.(`[local-cloud] db ${action.replace(/^database\./, '')} ${collection} ${ms}ms${outcome}`)
  }
  try {
    const reply = await run()
    line('')
    return reply
  } catch (e) {
    line(` ${toCloudError(e).code}`)
    throw e
  }
}

async function dispatch(deps: AdminDeps, action: string, params: Params): Promise<Reply> {
  const db = databaseActions[action]
  if (db) return db(deps.store, params, Date.now())
  const storage = deps.storage.actions()[action]
  if (storage) return storage(params)
  if (action === 'functions.invokeFunction') return invokeFunction(deps, params)
  throw errors.unknownAction(action)
}
