// The wiring of 邻里通 into the local cloud, the one place that knows both: the product's database
// declaration (plus the demo's own collection), its built functions, the demo login route, and gateway
// failures answered in the app's envelope with the sentences the h5 app shows.
import { join, resolve } from 'node:path'
import { database } from '../config/database'
import type { FailureAnswer, GatewayFailureReason, LocalCloudOptions } from '../local-cloud'
import type { Envelope } from '../types'
import { DEMO_USERS, demoUsersRoute } from './users'

export const REPO_ROOT = resolve(__dirname, '..')

type Failure = Extract<Envelope<never>, { ok: false }>

const MESSAGES: Record<GatewayFailureReason, (f: { name?: string; trigger?: string }) => string> = {
  unauthenticated: () => '请先登录',
  bodyNotObject: () => '请求内容必须是 JSON 对象',
  functionNotFound: (f) => `找不到云函数「${f.name}」`,
  functionTimeout: () => '服务响应超时，请稍后再试',
  functionFailed: () => '服务开小差了，请稍后再试',
  timerNotFound: (f) => `找不到定时任务「${f.name}/${f.trigger}」`,
  timerTimeout: () => '定时任务执行超时',
  timerFailed: () => '定时任务执行失败',
  badOpenidHeader: () => '请求头 x-wx-openid 格式不正确',
  bodyTooLarge: () => '请求内容过大',
  bodyTooDeep: () => '请求内容嵌套过深',
  crossOrigin: () => '不接受来自其他网站的请求',
  malformedJson: () => '请求内容不是合法的 JSON',
  invalidParam: () => '请求参数不正确',
  routeNotFound: () => '接口不存在',
  fileNotFound: () => '文件不存在',
  pageNotFound: () => '页面不存在',
  internal: () => '服务开小差了，请稍后再试'
}

/** Gateway failures as the app's envelope, in the sentences a resident reads. */
export const envelopeFailure: FailureAnswer = (f): Failure => ({ ok: false, error: { code: f.code, message: MESSAGES[f.reason](f) } })

/** 邻里通 as the local cloud runs it; add dataDir, port, seed, staticDir as needed. */
export const productCloud = {
  database: { collections: { ...database.collections, [DEMO_USERS]: { indexes: [] } } },
  functionsDir: join(REPO_ROOT, 'cloudfunctions'),
  routes: [demoUsersRoute],
  answerFailure: envelopeFailure
} satisfies Partial<LocalCloudOptions>
