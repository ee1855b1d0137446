// points: balance and ledger, merchants, goods, redemption orders and pickup, staff adjustments, the board.
import { z } from 'zod'
import { action } from '../contract'
import type { LedgerKind, MerchantStatus, OrderStatus } from '../enums'
import { dateTime, fileId, id, int, mobile, optionalText, page, requestId, text, type Page } from './common'
import {
  GOODS_KINDS,
  LIMIT_PERIODS,
  MAX_QUANTITY,
  MERCHANT_KINDS,
  type GoodsKind,
  type LimitPeriod,
  type MerchantKind
} from './points.labels'

export * from './points.labels'

const orderStatus = z.enum(['pending', 'pickedUp', 'cancelled', 'expired'], { errorMap: () => ({ message: '订单状态不正确' }) })
const merchantStatus = z.enum(['pending', 'approved', 'rejected'], { errorMap: () => ({ message: '审核状态不正确' }) })

export const ApplyMerchantInput = z.object({
  name: text('商家名称', { min: 2, max: 30 }),
  kind: z.enum(MERCHANT_KINDS, { errorMap: () => ({ message: '请选择商家类型' }) }),
  communityId: id('社区'),
  contactName: text('联系人', { min: 2, max: 20 }),
  contactPhone: mobile('联系电话'),
  address: text('地址', { min: 2, max: 60 }),
  description: text('简介', { min: 2, max: 300 })
})

export const ReviewMerchantInput = z
  .object({
    merchantId: id('商家'),
    approve: z.boolean({ required_error: '请选择审核结果', invalid_type_error: '审核结果格式不正确' }),
    reason: optionalText('原因', 100)
  })
  .refine((i) => i.approve || (i.reason && i.reason.length >= 2), { message: '请填写未通过的原因', path: ['reason'] })

export const UpsertGoodsInput = z
  .object({
    /** Omitted to list a new item; then `requestId` makes a repeated tap list it once. */
    goodsId: id('商品').optional(),
    requestId: requestId.optional(),
    merchantId: id('商家'),
    name: text('名称', { min: 2, max: 30 }),
    kind: z.enum(GOODS_KINDS, { errorMap: () => ({ message: '请选择实物或服务' }) }),
    description: text('说明', { min: 0, max: 500 }).default(''),
    photo: fileId.optional(),
    price: int('所需积分', 1, 100_000),
    stock: int('库存', 0, 100_000),
    /** The stock the edit form was loaded with: the save then moves stock by the difference, so items redeemed meanwhile are not put back. */
    stockBefore: int('原库存', 0, 100_000).optional(),
    limitCount: int('每人限兑数量', 1, 100),
    limitPeriod: z.enum(LIMIT_PERIODS, { errorMap: () => ({ message: '请选择限兑周期' }) }),
    pickupPlace: text('领取地点', { min: 2, max: 60 }),
    pickupDays: int('领取有效期', 1, 90),
    validUntil: dateTime('上架截止时间').optional(),
    onSale: z.boolean({ invalid_type_error: '上架状态格式不正确' }).default(true)
  })
  .refine((g) => !!g.goodsId || !!g.requestId, { message: '缺少请求编号', path: ['requestId'] })

export const ListGoodsInput = z
  .object({
    communityId: id('社区').optional(),
    merchantId: id('商家').optional(),
    kind: z.enum(GOODS_KINDS, { errorMap: () => ({ message: '请选择实物或服务' }) }).optional(),
    ...page
  })
  .default({})

export const RedeemInput = z.object({
  goodsId: id('商品'),
  quantity: int('数量', 1, MAX_QUANTITY).default(1),
  requestId
})

const orderId = z
  .string({ required_error: '缺少订单', invalid_type_error: '订单格式不正确' })
  .min(1, '缺少订单')
  .max(120, '订单格式不正确')
  .regex(/^[A-Za-z0-9_-]+$/, '订单格式不正确')

/** A 6-digit pickup code typed in, or the text of the pickup QR code. */
export const PickupInput = z.object({
  code: z
    .string({ required_error: '请扫描或输入取货码', invalid_type_error: '取货码格式不正确' })
    .trim()
    .min(6, '取货码格式不正确')
    .max(200, '取货码格式不正确'),
  merchantId: id('商家').optional()
})

export const AdjustInput = z.object({
  volunteerNo: z
    .string({ required_error: '请填写志愿者编号', invalid_type_error: '志愿者编号格式不正确' })
    .trim()
    .toUpperCase()
    .pipe(z.string().regex(/^ZY\d{8}$/, '志愿者编号格式不正确')),
  amount: int('调整积分', -10_000, 10_000).refine((n) => n !== 0, '调整积分不能为0'),
  reason: text('调整原因', { min: 2, max: 100 }),
  requestId
})

/** Who a volunteer number is, for the adjustment's confirmation (staff of the volunteer's community). */
export const AdjusteeInput = z.object({ volunteerNo: AdjustInput.shape.volunteerNo })

export interface Adjustee {
  volunteerNo: string
  /** Masked, e.g. 王**. */
  name: string
}

export const ReviewAdjustmentInput = z.object({
  adjustmentId: id('调整申请'),
  approve: z.boolean({ required_error: '请选择同意或驳回', invalid_type_error: '请选择同意或驳回' }),
  reason: text('审批意见', { min: 0, max: 100 }).default('')
})

export const ADJUSTMENT_STATUSES = ['pending', 'applied', 'approved', 'rejected'] as const
export type AdjustmentStatus = (typeof ADJUSTMENT_STATUSES)[number]

export const ListAdjustmentsInput = z.object({
  communityId: id('社区'),
  status: z.enum(ADJUSTMENT_STATUSES, { errorMap: () => ({ message: '状态不正确' }) }).optional(),
  ...page
})

export const BoardInput = z.object({ communityId: id('社区').optional(), limit: int('数量', 1, 50).default(20) }).default({})

// ---- results ------------------------------------------------------------------------------------------

export interface Balance {
  balance: number
  /** Ever earned (service credits and staff adjustments). */
  earned: number
  /** Net spent on redemptions (after refunds). */
  spent: number
}

export interface LedgerItem {
  id: string
  kind: LedgerKind
  amount: number
  balanceAfter: number
  reason: string
  at: string
}

/**
 * A staff adjustment: `applied` at once, or `pending` until a second staff member approves (then `approved`,
 * with its ledger entry) or rejects it (four eyes: own account, above the threshold, own hours).
 */
export interface AdjustmentView {
  id: string
  communityId: string
  volunteerNo: string
  volunteerName: string
  amount: number
  reason: string
  status: AdjustmentStatus
  requestedAt: string
  /** Whether the caller is the one who asked (then they cannot decide it). */
  mine: boolean
  decidedAt: string | null
  decisionReason: string | null
  /** The ledger entry, once applied or approved. */
  entry: LedgerItem | null
}

export interface MerchantView {
  id: string
  name: string
  kind: MerchantKind
  communityId: string
  communityName: string
  status: MerchantStatus
  contactName: string
  /** Masked unless the caller is its owner or staff of its community. */
  contactPhone: string
  address: string
  description: string
  reason: string | null
  appliedAt: string
  reviewedAt: string | null
  mine: boolean
}

export interface GoodsView {
  id: string
  merchantId: string
  merchantName: string
  communityId: string
  name: string
  kind: GoodsKind
  description: string
  photo: string | null
  price: number
  stock: number
  redeemed: number
  limitCount: number
  limitPeriod: LimitPeriod
  pickupPlace: string
  pickupDays: number
  validUntil: string | null
  onSale: boolean
  /** On sale, in stock and not past its date. */
  available: boolean
}

export interface GoodsDetail extends GoodsView {
  /** How many the caller redeemed in the current limit period. */
  myUsed: number
  canManage: boolean
}

export interface OrderView {
  id: string
  goodsId: string
  goodsName: string
  merchantId: string
  merchantName: string
  quantity: number
  points: number
  status: OrderStatus
  pickupPlace: string
  /** The 6 digits, to the buyer only while the order waits for pickup. */
  pickupCode: string | null
  /** The text the pickup QR code carries, to the buyer only. */
  qrPayload: string | null
  /** Masked buyer name, to the merchant and staff only. */
  buyer: string | null
  createdAt: string
  expiresAt: string
  closedAt: string | null
}

export interface BoardRow {
  rank: number
  /** Only for volunteers who opted in. */
  name: string | null
  points: number
  me: boolean
}

export interface Board {
  communityId: string
  communityName: string
  items: BoardRow[]
  me: { rank: number | null; points: number; optIn: boolean } | null
}

export const points = {
  balance: action(z.object({}).default({})).returns<Balance>(),
  ledger: action(z.object(page).default({})).returns<Page<LedgerItem>>(),
  applyMerchant: action(ApplyMerchantInput).returns<MerchantView>(),
  reviewMerchant: action(ReviewMerchantInput).returns<MerchantView>(),
  myMerchant: action(z.object({}).default({})).returns<MerchantView | null>(),
  listMerchants: action(z.object({ status: merchantStatus.optional(), communityId: id('社区').optional(), ...page }).default({})).returns<
    Page<MerchantView>
  >(),
  upsertGoods: action(UpsertGoodsInput).returns<GoodsView>(),
  listGoods: action(ListGoodsInput).returns<Page<GoodsView>>(),
  goods: action(z.object({ goodsId: id('商品') })).returns<GoodsDetail>(),
  redeem: action(RedeemInput).returns<OrderView>(),
  cancelRedemption: action(z.object({ orderId })).returns<OrderView>(),
  verifyPickup: action(PickupInput).returns<OrderView>(),
  myRedemptions: action(z.object({ status: orderStatus.optional(), ...page }).default({})).returns<Page<OrderView>>(),
  merchantOrders: action(z.object({ merchantId: id('商家'), status: orderStatus.optional(), ...page })).returns<Page<OrderView>>(),
  expireRedemptions: action(z.object({}).default({})).returns<{ expired: number }>(),
  recoverRedemptions: action(z.object({}).default({})).returns<{ released: number; settled: number; cleaned: number }>(),
  adjust: action(AdjustInput).returns<AdjustmentView>(),
  adjustee: action(AdjusteeInput).returns<Adjustee>(),
  reviewAdjustment: action(ReviewAdjustmentInput).returns<AdjustmentView>(),
  adjustments: action(ListAdjustmentsInput).returns<Page<AdjustmentView>>(),
  board: action(BoardInput).returns<Board>()
}
