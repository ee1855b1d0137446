// The CSV reports: their columns, what each role may see in them, and the file itself (papaparse, UTF-8 with
// a BOM so Excel opens the Chinese, formula-looking cells defused). Personal data follows the pillars' rules:
// a community's staff see what the pillar shows them (full phone numbers of their registrations and of their
// own volunteers); a street admin sees names and phone numbers masked. Pickup codes are never exported. Pure.
import {
  ORDER_STATUS_LABELS,
  REGISTRATION_STATUS_LABELS,
  WISH_CATEGORY_LABELS,
  WISH_STATUS_LABELS,
  type OrderStatus,
  type RegistrationStatus,
  type WishCategory,
  type WishStatus
} from '../../../../types/enums'
import { periodLabel } from '../../../../types/periods'
import { EXPORT_LABELS, type ExportKind } from '../../../../types/workbench'
import { maskName, maskPhone, phoneFor } from '../../../_shared/domain/masking'

import type { Column } from '../../../_shared/domain/csvFile'

export { safeCell, toCsv, type Cell, type Column } from '../../../_shared/domain/csvFile'

/** Who exports: staff of the community (sees what the pillars show staff) or a street admin (masked). */
export interface Viewer {
  /** The community whose staff the exporter is, or null for a street admin. */
  staffOf: string | null
}

export const isMasked = (viewer: Viewer) => viewer.staffOf === null

type When = Date | string | number | null | undefined
const CST_MS = 8 * 3600_000
/** A China Standard Time timestamp "2026-03-05 14:30", or empty. */
export function cstMinute(v: When): string {
  if (v === null || v === undefined) return ''
  const d = v instanceof Date ? v : new Date(v)
  return Number.isNaN(d.getTime()) ? '' : new Date(d.getTime() + CST_MS).toISOString().slice(0, 16).replace('T', ' ')
}
export const cstDay = (v: When) => cstMinute(v).slice(0, 10)

const nameFor = (name: string | null | undefined, viewer: Viewer) => (isMasked(viewer) ? maskName(name) : (name ?? ''))

export const exportFilename = (kind: ExportKind, scopeName: string, period: string) =>
  `${scopeName}-${periodLabel(period)}-${EXPORT_LABELS[kind]}.csv`

// --- 双报到名单 ------------------------------------------------------------------------------------------------

export interface RegistrationLine {
  kind: 'member' | 'unit'
  name: string
  contactName: string
  /** Full or masked, as the party pillar shows it to this viewer. */
  phone: string
  org: string
  branch: string
  status: RegistrationStatus
  createdAt: When
  approvedAt: When
  renewedHalves: string[]
}

export interface MemberLike {
  name: string
  phone: string
  workUnit: string
  branch: string
  status: RegistrationStatus
  createdAt: When
  approvedAt: When
  renewedHalves?: string[]
}

export interface UnitLike {
  name: string
  org: string
  contactName: string
  contactPhone: string
  status: RegistrationStatus
  createdAt: When
  approvedAt: When
}

export function memberLine(m: MemberLike, viewer: Viewer): RegistrationLine {
  return {
    kind: 'member',
    name: nameFor(m.name, viewer),
    contactName: '',
    phone: phoneFor(m.phone, !isMasked(viewer)),
    org: m.workUnit,
    branch: m.branch,
    status: m.status,
    createdAt: m.createdAt,
    approvedAt: m.approvedAt,
    renewedHalves: m.renewedHalves ?? []
  }
}

export function unitLine(u: UnitLike, viewer: Viewer): RegistrationLine {
  return {
    kind: 'unit',
    name: u.name,
    contactName: nameFor(u.contactName, viewer),
    phone: phoneFor(u.contactPhone, !isMasked(viewer)),
    org: u.org,
    branch: '',
    status: u.status,
    createdAt: u.createdAt,
    approvedAt: u.approvedAt,
    renewedHalves: []
  }
}

export const REGISTRATION_COLUMNS: ReadonlyArray<Column<RegistrationLine>> = [
  ['类型', (r) => (r.kind === 'unit' ? '单位报到' : '个人报到')],
  ['姓名/单位', (r) => r.name],
  ['联系人', (r) => r.contactName],
  ['手机号', (r) => r.phone],
  ['工作单位/党组织', (r) => r.org],
  ['所在党支部', (r) => r.branch],
  ['状态', (r) => REGISTRATION_STATUS_LABELS[r.status] ?? r.status],
  ['提交日期', (r) => cstDay(r.createdAt)],
  ['通过日期', (r) => cstDay(r.approvedAt)],
  ['已续报到半年度', (r) => r.renewedHalves.map(periodLabel).join('、')]
]

// --- 志愿服务记录 -------------------------------------------------------------------------------------------------

export interface ServiceLike {
  openid: string
  activityTitle: string
  activityStart: When
  checkInAt: When
  checkOutAt: When
  hours: number
  points: number
  missingCheckout?: boolean
  corrections?: unknown[]
}

export interface VolunteerLike {
  volunteerNo: string
  realName: string
  phone: string
  communityId: string
}

export interface ServiceLine {
  volunteerNo: string
  name: string
  phone: string
  activity: string
  start: When
  checkIn: When
  checkOut: When
  hours: number
  points: number
  note: string
}

/** A volunteer's full phone number only for staff of the volunteer's own community (the volunteer pillar's rule). */
export function serviceLine(e: ServiceLike, v: VolunteerLike | null, viewer: Viewer): ServiceLine {
  const ownStaff = Boolean(v && viewer.staffOf !== null && v.communityId === viewer.staffOf)
  const corrected = (e.corrections?.length ?? 0) > 0
  return {
    volunteerNo: v?.volunteerNo ?? '',
    name: nameFor(v?.realName ?? null, viewer),
    phone: v ? (ownStaff ? v.phone : (maskPhone(v.phone) ?? '')) : '',
    activity: e.activityTitle,
    start: e.activityStart,
    checkIn: e.checkInAt,
    checkOut: e.checkOutAt,
    hours: e.hours,
    points: e.points,
    note: [e.missingCheckout ? '未签退' : '', corrected ? '时长已更正' : ''].filter(Boolean).join('；')
  }
}

export const SERVICE_COLUMNS: ReadonlyArray<Column<ServiceLine>> = [
  ['志愿者编号', (r) => r.volunteerNo],
  ['姓名', (r) => r.name],
  ['手机号', (r) => r.phone],
  ['服务内容', (r) => r.activity],
  ['服务日期', (r) => cstDay(r.start)],
  ['签到时间', (r) => cstMinute(r.checkIn)],
  ['签退时间', (r) => cstMinute(r.checkOut)],
  ['服务时长(小时)', (r) => r.hours],
  ['获得积分', (r) => r.points],
  ['备注', (r) => r.note]
]

// --- 积分兑换记录 -------------------------------------------------------------------------------------------------

export interface OrderLike {
  _id: string
  openid: string
  goodsName: string
  merchantName: string
  quantity: number
  points: number
  status: OrderStatus
  createdAt: When
  closedAt: When
}

export interface OrderLine {
  id: string
  name: string
  goods: string
  merchant: string
  quantity: number
  points: number
  status: OrderStatus
  createdAt: When
  closedAt: When
}

export const orderLine = (o: OrderLike, realName: string | null, viewer: Viewer): OrderLine => ({
  id: o._id.slice(-12),
  name: nameFor(realName, viewer),
  goods: o.goodsName,
  merchant: o.merchantName,
  quantity: o.quantity,
  points: o.points,
  status: o.status,
  createdAt: o.createdAt,
  closedAt: o.closedAt
})

export const ORDER_COLUMNS: ReadonlyArray<Column<OrderLine>> = [
  ['订单尾号', (r) => r.id],
  ['兑换人', (r) => r.name],
  ['商品', (r) => r.goods],
  ['商家', (r) => r.merchant],
  ['数量', (r) => r.quantity],
  ['积分', (r) => r.points],
  ['状态', (r) => ORDER_STATUS_LABELS[r.status] ?? r.status],
  ['兑换时间', (r) => cstMinute(r.createdAt)],
  ['领取/关闭时间', (r) => cstMinute(r.closedAt)]
]

// --- 微心愿台账 ---------------------------------------------------------------------------------------------------

/** The wish ledger carries only what the public wall shows of the people: the masked beneficiary and claimer. */
export interface WishLike {
  _id: string
  category: WishCategory
  title: string
  status: WishStatus
  value: number
  proxy: boolean
  beneficiary: { display: string; isChild: boolean }
  claimer: { displayName: string } | null
  createdAt: When
  publishedAt: When
  claimedAt: When
  fulfilledAt: When
  confirmedAt: When
  confirmation: { rating: number } | null
}

export const WISH_COLUMNS: ReadonlyArray<Column<WishLike>> = [
  // A row number, not the wish's internal id, which means nothing to a reader.
  ['序号', (_w, i) => i + 1],
  ['类别', (w) => WISH_CATEGORY_LABELS[w.category] ?? w.category],
  ['标题', (w) => w.title],
  ['受助人', (w) => w.beneficiary.display],
  ['儿童心愿', (w) => (w.beneficiary.isChild ? '是' : '否')],
  ['代录', (w) => (w.proxy ? '是' : '否')],
  ['预估价值(元)', (w) => w.value],
  ['状态', (w) => WISH_STATUS_LABELS[w.status] ?? w.status],
  ['认领人', (w) => w.claimer?.displayName ?? ''],
  ['提交时间', (w) => cstMinute(w.createdAt)],
  ['发布时间', (w) => cstMinute(w.publishedAt)],
  ['认领时间', (w) => cstMinute(w.claimedAt)],
  ['实现时间', (w) => cstMinute(w.fulfilledAt)],
  ['确认时间', (w) => cstMinute(w.confirmedAt)],
  ['评分', (w) => w.confirmation?.rating ?? '']
]

// --- 设施覆盖缺口 ---------------------------------------------------------------------------------------------------

export interface GapLine {
  category: string
  tier: number
  compound: string
  households: number
}

export const GAP_COLUMNS: ReadonlyArray<Column<GapLine>> = [
  ['缺少的设施类别', (g) => g.category],
  ['步行圈(分钟)', (g) => g.tier],
  ['小区', (g) => g.compound],
  ['户数', (g) => g.households]
]

/** One line per compound lacking a category, categories in their order, biggest compounds first within each. */
export function gapLines(
  gaps: ReadonlyArray<{ category: string; compoundIds: readonly string[] }>,
  categories: ReadonlyMap<string, { name: string; tier: number }>,
  compounds: ReadonlyMap<string, { name: string; households: number }>
): GapLine[] {
  return gaps.flatMap((g) =>
    g.compoundIds.map((id) => ({
      category: categories.get(g.category)?.name ?? g.category,
      tier: categories.get(g.category)?.tier ?? 0,
      compound: compounds.get(id)?.name ?? id,
      households: compounds.get(id)?.households ?? 0
    }))
  )
}
