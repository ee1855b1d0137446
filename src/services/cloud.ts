// The typed cloud client: call(fn, action, data) → the action's result, or a thrown CloudError.
// Weapp goes through wx.cloud; h5 posts to the local cloud's gateway with the demo openid.
// Only types come from the contract, so its zod schemas stay out of the bundle.
import Taro from '@tarojs/taro'
import type { ActionOf, Contract, Envelope, ErrorBody, ErrorCode, FnName, InputOf, OutputOf } from '@contract'
import { DEFAULT_ERROR_MESSAGES, isEnvelope } from '@contract/envelope'
import { isH5 } from './platform'
import { storedOpenid } from './storage'

export const NETWORK_ERROR_MESSAGE = '网络不太好，请稍后再试'
export const UPLOAD_ERROR_MESSAGE = '图片上传失败，请稍后再试'

export class CloudError extends Error {
  readonly code: ErrorCode
  readonly details?: ErrorBody['details']

  constructor({ code, message, details }: ErrorBody) {
    super(message || DEFAULT_ERROR_MESSAGES[code] || DEFAULT_ERROR_MESSAGES.INTERNAL)
    this.name = 'CloudError'
    this.code = code
    this.details = details
  }
}

/** A failure of the phone's connection (the request may not have reached the server), not a refusal. */
export const isNetworkError = (e: unknown): boolean =>
  e instanceof CloudError && e.code === 'INTERNAL' && (e.message === NETWORK_ERROR_MESSAGE || e.message === UPLOAD_ERROR_MESSAGE)

type Def<F extends FnName, A extends ActionOf<F>> = Contract[F][A]
/** The data argument is optional exactly when the action's schema accepts `undefined`. */
export type CallArgs<F extends FnName, A extends ActionOf<F>> =
  undefined extends InputOf<Def<F, A>> ? [data?: InputOf<Def<F, A>>] : [data: InputOf<Def<F, A>>]
export type Result<F extends FnName, A extends ActionOf<F>> = OutputOf<Def<F, A>>

interface Request {
  action: string
  data: unknown
}

async function viaWeapp(fn: string, body: Request): Promise<unknown> {
  const res = await Taro.cloud.callFunction({ name: fn, data: { ...body } })
  return res.result
}

async function viaGateway(fn: string, body: Request): Promise<unknown> {
  const openid = storedOpenid()
  const res = await fetch(`/api/functions/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { 'x-wx-openid': openid } : {}) },
    body: JSON.stringify(body)
  })
  return res.json()
}

/** Turns an envelope into its data, or throws the CloudError it carries. */
export function unwrap<T>(answer: unknown): T {
  if (!isEnvelope(answer)) throw new CloudError({ code: 'INTERNAL', message: DEFAULT_ERROR_MESSAGES.INTERNAL })
  const envelope = answer as Envelope<T>
  if (envelope.ok) return envelope.data
  throw new CloudError(envelope.error)
}

export async function call<F extends FnName, A extends ActionOf<F>>(fn: F, action: A, ...[data]: CallArgs<F, A>): Promise<Result<F, A>> {
  const body: Request = { action, data: data ?? {} }
  let answer: unknown
  try {
    answer = isH5() ? await viaGateway(fn, body) : await viaWeapp(fn, body)
  } catch {
    throw new CloudError({ code: 'INTERNAL', message: NETWORK_ERROR_MESSAGE })
  }
  return unwrap<Result<F, A>>(answer)
}

/** The sentence to show for any failure: the envelope's message, or a generic one. */
export function errorMessage(error: unknown): string {
  if (error instanceof CloudError) return error.message
  return '操作没有完成，请稍后再试'
}

/** The one place that shows a failure to the person, as a Chinese toast. */
export function showError(error: unknown): void {
  void Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 2500 })
}

function uploadPath(localPath: string, owner: string): string {
  const ext = /\.(\w{2,5})(?:$|\?)/.exec(localPath)?.[1]?.toLowerCase() ?? 'jpg'
  const month = new Date().toISOString().slice(0, 7)
  const random = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
  return `users/${owner}/${month}/${random}.${ext}`
}

/**
 * Uploads a picture chosen on the device and answers its `cloud://` file id. It lands under
 * users/<owner>/ (owner = the signed-in person's openid), where functions accept it as the caller's own file.
 */
export async function uploadImage(localPath: string, owner: string): Promise<string> {
  const cloudPath = uploadPath(localPath, owner)
  try {
    if (!isH5()) {
      const res = await Taro.cloud.uploadFile({ cloudPath, filePath: localPath })
      return res.fileID
    }
    const blob = await (await fetch(localPath)).blob()
    const openid = storedOpenid()
    const res = await fetch(`/api/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
      method: 'POST',
      headers: { 'content-type': blob.type || 'application/octet-stream', ...(openid ? { 'x-wx-openid': openid } : {}) },
      body: blob
    })
    const answer = (await res.json()) as { fileID?: string }
    if (!answer.fileID) throw new Error('no fileID')
    return answer.fileID
  } catch {
    throw new CloudError({ code: 'INTERNAL', message: UPLOAD_ERROR_MESSAGE })
  }
}
