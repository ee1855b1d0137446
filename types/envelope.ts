// The answer of every function action: { ok: true, data } or { ok: false, error }.

export const ERROR_CODES = [
  'INVALID_ARGUMENT',
  'UNAUTHENTICATED',
  'PERMISSION_DENIED',
  'NOT_FOUND',
  'CONFLICT',
  'FAILED_PRECONDITION',
  'RESOURCE_EXHAUSTED',
  'INTERNAL'
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/** Default sentences a resident can read, used when a handler gives no more specific message. */
export const DEFAULT_ERROR_MESSAGES: Record<ErrorCode, string> = {
  INVALID_ARGUMENT: '填写的内容有误，请检查后再试',
  UNAUTHENTICATED: '请先登录',
  PERMISSION_DENIED: '您没有权限进行此操作',
  NOT_FOUND: '内容不存在或已被删除',
  CONFLICT: '状态已变化，请刷新后再试',
  FAILED_PRECONDITION: '当前条件不满足，无法完成操作',
  RESOURCE_EXHAUSTED: '已达到上限',
  INTERNAL: '服务开小差了，请稍后再试'
}

export interface FieldError {
  path: string
  message: string
}

export interface ErrorBody {
  code: ErrorCode
  message: string
  details?: { fields?: FieldError[]; [key: string]: unknown }
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorBody }

export function isEnvelope(value: unknown): value is Envelope<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean'
}
