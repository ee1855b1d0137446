// Building blocks for action schemas. Messages are Chinese sentences shown next to form fields.
import { z } from 'zod'
import { foldForCheck, hasLoneSurrogate, normalizeText } from '../text'

/** A document id: plain characters only, so an operator object or a path trick never reaches a query. */
export const id = (label = '编号') =>
  z
    .string({ required_error: `缺少${label}`, invalid_type_error: `${label}格式不正确` })
    .min(1, `缺少${label}`)
    .max(64, `${label}格式不正确`)
    .regex(/^[A-Za-z0-9_-]+$/, `${label}格式不正确`)

/**
 * Text a person typed, in its one normal form (../text.ts: NFKC, zero-width and bidi controls removed),
 * trimmed, with a length range counted in characters (code points); a lone surrogate is refused. Every
 * check after parsing sees this form.
 */
export const text = (label: string, { min = 1, max = 100 }: { min?: number; max?: number } = {}) =>
  z
    .string({ required_error: `请填写${label}`, invalid_type_error: `${label}格式不正确` })
    .refine((s) => !hasLoneSurrogate(s), `${label}包含无效字符`)
    .transform((s) => normalizeText(s).trim())
    .refine((s) => [...s].length >= min, min <= 1 ? `请填写${label}` : `${label}至少${min}个字`)
    .refine((s) => [...s].length <= max, `${label}不能超过${max}个字`)
    // eslint-disable-next-line no-control-regex -- control characters are what this refuses
    .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s), `${label}包含无效字符`)

export const optionalText = (label: string, max = 200) => text(label, { min: 0, max }).optional()

export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/
export const mobile = (label = '手机号') =>
  z
    .string({ required_error: `请填写${label}`, invalid_type_error: `${label}格式不正确` })
    .transform((s) => foldForCheck(s))
    .refine((s) => MAINLAND_MOBILE.test(s), '请填写正确的11位手机号')

/** A point in mainland China (GCJ-02 as WeChat returns it). */
export const CHINA_BOUNDS = { minLat: 3.8, maxLat: 53.6, minLng: 73.5, maxLng: 135.1 }
export const location = z
  .object(
    {
      lat: z
        .number({ required_error: '缺少纬度', invalid_type_error: '纬度格式不正确' })
        .finite('纬度格式不正确')
        .min(-90, '纬度应在-90到90之间，请在地图上重新选点')
        .max(90, '纬度应在-90到90之间，请在地图上重新选点'),
      lng: z
        .number({ required_error: '缺少经度', invalid_type_error: '经度格式不正确' })
        .finite('经度格式不正确')
        .min(-180, '经度应在-180到180之间，请在地图上重新选点')
        .max(180, '经度应在-180到180之间，请在地图上重新选点')
    },
    { required_error: '请选择位置', invalid_type_error: '位置格式不正确' }
  )
  .refine(
    (p) => p.lat >= CHINA_BOUNDS.minLat && p.lat <= CHINA_BOUNDS.maxLat && p.lng >= CHINA_BOUNDS.minLng && p.lng <= CHINA_BOUNDS.maxLng,
    '位置不在服务范围内'
  )
export type LatLng = z.infer<typeof location>

export const int = (label: string, min: number, max: number) =>
  z
    .number({ required_error: `请填写${label}`, invalid_type_error: `${label}必须是数字` })
    .int(`${label}必须是整数`)
    .min(min, `${label}不能小于${min}`)
    .max(max, `${label}不能大于${max}`)

/** Client-chosen id that makes a retried request safe. */
export const requestId = z
  .string({ required_error: '缺少请求编号', invalid_type_error: '请求编号格式不正确' })
  .min(8, '请求编号格式不正确')
  .max(64, '请求编号格式不正确')
  .regex(/^[A-Za-z0-9_-]+$/, '请求编号格式不正确')

/** Paging by opaque cursor (an offset or a key, encoded by the function). */
export const page = {
  limit: z
    .number({ invalid_type_error: '每页数量必须是数字' })
    .int('每页数量必须是整数')
    .min(1, '每页数量不能小于1')
    .max(50, '每页数量不能大于50')
    .optional(),
  cursor: z.string({ invalid_type_error: '分页参数格式不正确' }).max(200, '分页参数格式不正确').optional()
}
export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

/** The largest epoch milliseconds a Date can hold (ECMAScript: ±8.64e15); beyond it `new Date(ms)` is invalid. */
export const MAX_DATE_MS = 8.64e15

/**
 * The calendar years a date or period may fall in. The product has no record before 2000 and plans none
 * past 2099; outside this range dates are typos or probes (year 0000 became 1900 in Date.UTC, 9999 broke
 * the dashboards), answered INVALID_ARGUMENT.
 */
export const SANE_YEARS = { min: 2000, max: 2099 } as const
const SANE_FROM_MS = Date.UTC(SANE_YEARS.min, 0, 1)
const SANE_UNTIL_MS = Date.UTC(SANE_YEARS.max + 1, 0, 1)
export const isSaneYear = (year: number) => year >= SANE_YEARS.min && year <= SANE_YEARS.max
/** Whether epoch milliseconds fall in SANE_YEARS (UTC, a day's margin either side for time zones). */
export const inSaneYears = (ms: number) => ms >= SANE_FROM_MS - 86_400_000 && ms < SANE_UNTIL_MS + 86_400_000

/** An ISO date-time string or epoch milliseconds, in SANE_YEARS. */
export const dateTime = (label = '时间') =>
  z
    .union([z.string().datetime({ offset: true, message: `${label}格式不正确` }), z.number().int().positive().max(MAX_DATE_MS)], {
      errorMap: () => ({ message: `${label}格式不正确` })
    })
    .refine((v) => inSaneYears(new Date(v).getTime()), `${label}超出可选范围（${SANE_YEARS.min}—${SANE_YEARS.max}年）`)

function dayExists(day: string): boolean {
  const [y, m, d] = day.split('-').map(Number)
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCDate() === d
}

/** A calendar day "2026-03-01" that exists, in SANE_YEARS. */
export const calendarDay = (label = '日期') =>
  z
    .string({ invalid_type_error: `${label}格式不正确` })
    .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, `${label}格式不正确`)
    .refine((d) => isSaneYear(Number(d.slice(0, 4))), `${label}超出可选范围（${SANE_YEARS.min}—${SANE_YEARS.max}年）`)
    .refine(dayExists, `${label}格式不正确`)

/** A file uploaded by the caller: `cloud://…` file ids only. */
export const fileId = z
  .string({ invalid_type_error: '图片格式不正确' })
  .max(300, '图片格式不正确')
  .regex(/^cloud:\/\/[^\s]+$/, '图片格式不正确')

/** A period such as 2026, 2026H1, 2026H2, 2026-03, of a year in SANE_YEARS. */
export const period = z
  .string({ required_error: '请选择统计周期' })
  .regex(/^\d{4}(H[12]|-(0[1-9]|1[0-2]))?$/, '统计周期格式不正确')
  .refine((p) => isSaneYear(Number(p.slice(0, 4))), `统计周期超出可选范围（${SANE_YEARS.min}—${SANE_YEARS.max}年）`)

export const empty = z.object({}).optional().default({})

const CHINESE = /[\u4e00-\u9fff]/

/** What a resident reads when a schema gave no Chinese sentence for an issue (zod's defaults are English). */
const ISSUE_MESSAGES: Partial<Record<z.ZodIssueCode, string>> = {
  invalid_type: '填写的内容格式不正确',
  invalid_literal: '填写的内容不正确',
  invalid_enum_value: '所选的选项不正确',
  invalid_union: '填写的内容格式不正确',
  invalid_string: '填写的内容格式不正确',
  invalid_date: '日期格式不正确',
  too_small: '填写的内容太少或数值太小',
  too_big: '填写的内容太多或数值太大',
  not_finite: '数字格式不正确',
  not_multiple_of: '数字格式不正确'
}

/**
 * Parse with this error map (the functions' router does) so no refusal reaches a resident in English: a
 * Chinese message from the schema stays; zod's English defaults (a missing nested field, a bound without a
 * message, a payload that is not an object) become a Chinese sentence. The field path stays in `details`.
 */
export const chineseErrorMap: z.ZodErrorMap = (issue, ctx) => {
  if (CHINESE.test(ctx.defaultError)) return { message: ctx.defaultError }
  if (issue.path.length === 0) return { message: '提交的内容格式不正确' }
  if (issue.code === 'invalid_type' && issue.received === 'undefined') return { message: '缺少必填内容' }
  return { message: ISSUE_MESSAGES[issue.code] ?? '填写的内容有误，请检查后再试' }
}
