// Constants of the points supermarket that the app shows (kinds, periods, labels). No zod here, so pages
// import them without bringing the schemas into their bundle; points.ts re-exports them.
import type { LedgerKind, MerchantStatus } from '../enums'

export const MERCHANT_KINDS = ['shop', 'talent'] as const
export type MerchantKind = (typeof MERCHANT_KINDS)[number]
export const MERCHANT_KIND_LABELS: Record<MerchantKind, string> = { shop: '商户', talent: '达人' }
export const MERCHANT_STATUS_LABELS: Record<MerchantStatus, string> = { pending: '待审核', approved: '已通过', rejected: '未通过' }

export const GOODS_KINDS = ['item', 'service'] as const
export type GoodsKind = (typeof GOODS_KINDS)[number]
export const GOODS_KIND_LABELS: Record<GoodsKind, string> = { item: '实物', service: '服务' }

export const GOODS_STATUSES = ['onSale', 'offShelf'] as const
export type GoodsStatus = (typeof GOODS_STATUSES)[number]

/** The period a per-person limit counts over. */
export const LIMIT_PERIODS = ['month', 'halfYear', 'year'] as const
export type LimitPeriod = (typeof LIMIT_PERIODS)[number]
export const LIMIT_PERIOD_LABELS: Record<LimitPeriod, string> = { month: '每月', halfYear: '每半年', year: '每年' }

export const LEDGER_KIND_LABELS: Record<LedgerKind, string> = { credit: '服务积分', redemption: '兑换', refund: '退还', adjust: '调整' }

export const MAX_QUANTITY = 10
