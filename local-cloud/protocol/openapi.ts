// wx.openApi: how wx-server-sdk calls `cloud.openapi.<api>(data)`. The request is multipart/form-data with
// `apiName` and `requestData`, a protobuf CommApiData whose openapiData.pairs carry each snake_cased
// parameter as JSON; the answer must be a protobuf CommOpenApiResp { respData, contentType } (any JSON
// answer with content-type 'application/json; charset=utf-8' is taken as a TCB error instead).
// subscribeMessage.send lands in the `outbox` collection.
import { errors } from '../errors'
import { MAX_DEPTH, parseJsonWithin } from '../json'
import type { Store } from '../store'
import { decodeMessage, encodeMessage, fieldBytes, fieldsOf, fieldString } from './protobuf'

export interface MultipartPart {
  name: string
  data: Buffer
}

/** A minimal multipart/form-data reader (the form-data package's output: CRLF, one boundary). */
export function parseMultipart(body: Buffer, contentType: string): MultipartPart[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType)
  if (!boundary) throw errors.invalidParam('multipart body without boundary')
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`)
  const parts: MultipartPart[] = []
  let pos = body.indexOf(delimiter)
  while (pos !== -1) {
    const start = pos + delimiter.length
    if (body.subarray(start, start + 2).toString() === '--') break
    const next = body.indexOf(delimiter, start)
    if (next === -1) break
    const part = body.subarray(start + 2, next - 2)
    const headerEnd = part.indexOf('\r\n\r\n')
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString()
      const name = /name="([^"]*)"/i.exec(headers)?.[1]
      if (name !== undefined) parts.push({ name, data: part.subarray(headerEnd + 4) })
    }
    pos = next
  }
  return parts
}

/** The parameters of an openapi call: CommApiData.openapiData(2).pairs(1) of { key(1), value(2): JSON }. */
export function decodeOpenApiData(requestData: Buffer): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  const root = decodeMessage(requestData)
  for (const openapiData of fieldsOf(root, 2)) {
    for (const pair of fieldsOf(decodeMessage(openapiData as Buffer), 1)) {
      const fields = decodeMessage(pair as Buffer)
      const key = fieldString(fields, 1)
      const value = fieldBytes(fields, 2)
      if (!key) continue
      try {
        params[key] = parseJsonWithin(value.toString('utf8'), MAX_DEPTH.admin)
      } catch {
        params[key] = value // not JSON, or nested too deep: kept as bytes
      }
    }
  }
  return params
}

function respond(body: Buffer, contentType: string): Buffer {
  return encodeMessage([
    [1, body],
    [2, contentType]
  ])
}

const json = (value: unknown) => respond(Buffer.from(JSON.stringify(value)), 'application/json')

// A 1×1 transparent PNG, so wxacode.* answers an image.
const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64')

export function handleOpenApi(store: Store, apiName: string, params: Record<string, unknown>): Buffer {
  switch (apiName) {
    case 'subscribeMessage.send': {
      if (typeof params.touser !== 'string' || typeof params.template_id !== 'string') {
        return json({ errcode: 47003, errmsg: 'argument invalid! touser and template_id are required' })
      }
      const message: Record<string, unknown> = {
        touser: params.touser,
        templateId: params.template_id,
        page: params.page ?? null,
        data: params.data ?? {},
        at: new Date()
      }
      if (params.miniprogram_state !== undefined) message.miniprogramState = params.miniprogram_state
      if (!store.db.has('outbox')) store.db.createCollection('outbox')
      store.db.insert('outbox', [message])
      return json({ errcode: 0, errmsg: 'ok' })
    }
    case 'security.msgSecCheck':
      return json({ errcode: 0, errmsg: 'ok', result: { suggest: 'pass', label: 100 }, detail: [] })
    case 'security.imgSecCheck':
      return json({ errcode: 0, errmsg: 'ok' })
    case 'wxacode.get':
    case 'wxacode.getUnlimited':
    case 'wxacode.createQRCode':
      return respond(TINY_PNG, 'image/png')
    default:
      return json({ errcode: -1, errmsg: `openapi.${apiName} is not available in the local cloud` })
  }
}
