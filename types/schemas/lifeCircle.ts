// lifeCircle: the 15-minute community life circle (docs/pillars/life-circle.md) — facilities near a resident,
// their detail, staff maintenance and CSV import, and the coverage analysis for staff.
import { z } from 'zod'
import { action } from '../contract'
import {
  CIRCLE_TIERS,
  FACILITY_CATEGORY_IDS,
  FACILITY_STATUSES,
  type CircleTier,
  type FacilityCategory,
  type FacilityStatus
} from '../enums'
import { fileId, id, location, optionalText, page, requestId, text, type LatLng, type Page } from './common'

export const tier = z.union([z.literal(5), z.literal(10), z.literal(15)], {
  errorMap: () => ({ message: `请选择${CIRCLE_TIERS.join('、')}分钟生活圈` })
})

export const category = z.enum(FACILITY_CATEGORY_IDS, { errorMap: () => ({ message: '设施类别不正确' }) })
const categoryFilter = z.array(category).max(FACILITY_CATEGORY_IDS.length, '设施类别不正确').optional()

export const NearbyInput = z.object({
  location,
  minutes: tier,
  categories: categoryFilter,
  openNow: z.boolean({ invalid_type_error: '“正在营业”格式不正确' }).optional(),
  ...page
})

export const SearchInput = z.object({
  location,
  minutes: tier.default(15),
  keyword: text('搜索词', { max: 20 }),
  categories: categoryFilter,
  openNow: z.boolean().optional(),
  ...page
})

export const FacilityInput = z.object({
  id: id('设施'),
  /** Where the resident stands, for distance and walking minutes on the detail page. */
  location: location.optional()
})

const phone = z
  .string({ invalid_type_error: '电话格式不正确' })
  .trim()
  .max(20, '电话格式不正确')
  .refine((s) => s === '' || /^[0-9+\-() ]{5,20}$/.test(s), '电话格式不正确')

export const UpsertFacilityInput = z
  .object({
    /** Omitted to create a facility; then `requestId` makes a repeated tap create it once. */
    id: id('设施').optional(),
    requestId: requestId.optional(),
    communityId: id('社区'),
    name: text('设施名称', { max: 50 }),
    category,
    location,
    address: optionalText('地址', 100).default(''),
    phone: phone.optional().default(''),
    /** e.g. "周一至周五 08:30-12:00,14:00-17:30；周六 09:00-12:00" or "每天 24小时". */
    hoursText: text('营业时间', { max: 200 }),
    holidaysClosed: z.boolean({ invalid_type_error: '“节假日休息”格式不正确' }).default(false),
    services: z
      .array(text('服务项目', { max: 20 }))
      .max(20, '服务项目最多20项')
      .default([]),
    photos: z.array(fileId).max(9, '最多9张照片').default([])
  })
  .refine((f) => !!f.id || !!f.requestId, { message: '缺少请求编号', path: ['requestId'] })

export const CloseFacilityInput = z.object({
  id: id('设施'),
  reason: optionalText('关闭原因', 100)
})

export const IMPORT_MODES = ['partial', 'allOrNothing'] as const
export const ImportFacilitiesInput = z.object({
  communityId: id('社区'),
  /** The same file sent again with the same request id writes the same documents, never twice. */
  requestId,
  csv: z
    .string({ required_error: '请选择CSV文件', invalid_type_error: 'CSV内容格式不正确' })
    .min(1, 'CSV文件是空的')
    .max(190_000, 'CSV文件过大，请拆分后导入'),
  /** partial: import the good rows; allOrNothing: import nothing when any row is rejected. */
  mode: z.enum(IMPORT_MODES, { errorMap: () => ({ message: '请选择导入方式' }) })
})

export const CoverageInput = z
  .object({ communityId: id('社区').optional(), streetId: id('街道').optional() })
  .refine((s) => !!s.communityId !== !!s.streetId, '请选择一个社区或一个街道')

export const PlacesInput = z.object({ communityId: id('社区').optional() }).default({})

export const ListFacilitiesInput = z.object({
  communityId: id('社区'),
  status: z.enum(FACILITY_STATUSES, { errorMap: () => ({ message: '设施状态不正确' }) }).optional(),
  category: category.optional(),
  ...page
})

// --- results ---------------------------------------------------------------------------------------

export interface CategoryInfo {
  id: FacilityCategory
  name: string
  tier: CircleTier
  icon: string
  /** Meters: the radius of the category's tier. */
  radius: number
}

export interface TierInfo {
  minutes: CircleTier
  radius: number
}

export interface CategoriesResult {
  categories: CategoryInfo[]
  tiers: TierInfo[]
}

export interface FacilitySummary {
  id: string
  name: string
  category: FacilityCategory
  address: string
  phone: string
  location: LatLng
  /** Great-circle meters from the resident, rounded. */
  distance: number
  walkMinutes: number
  open: boolean
  /** 营业中 · 至22:00, 休息中 · 明天08:00开门 … */
  openLabel: string
}

export interface NearbyPage extends Page<FacilitySummary> {
  minutes: CircleTier
  radius: number
}

export interface FacilityDetail extends Omit<FacilitySummary, 'distance' | 'walkMinutes'> {
  distance: number | null
  walkMinutes: number | null
  communityId: string
  communityName: string
  /** One line per group of days: 周一至周五 08:30-12:00,14:00-17:30. */
  hoursLines: string[]
  /** The same, in the form staff edit. */
  hoursText: string
  holidaysClosed: boolean
  services: string[]
  /** Displayable URLs. */
  photos: string[]
  /** The stored cloud:// ids, for staff editing. */
  photoIds: string[]
  status: FacilityStatus
  updatedAt: string
}

export interface RejectedImportRow {
  /** Line in the file (the heading is line 1). */
  line: number
  name: string
  reasons: string[]
}

export interface ImportResult {
  total: number
  imported: number
  rejected: RejectedImportRow[]
  mode: (typeof IMPORT_MODES)[number]
}

export interface CoverageCounts {
  category: FacilityCategory
  compounds: number
  compoundsCovered: number
  households: number
  householdsCovered: number
  /** 0..1, four decimals. */
  compoundShare: number
  householdShare: number
}

export interface CompoundCoverage {
  id: string
  name: string
  communityId: string
  households: number
  location: LatLng
  /** Categories NOT reachable within their tier. */
  missing: FacilityCategory[]
}

export interface CategoryGap {
  category: FacilityCategory
  compounds: number
  households: number
  /** Compounds lacking the category, most households first. */
  compoundIds: string[]
}

export interface CoverageReport {
  scope: { kind: 'community' | 'street'; id: string; name: string }
  categories: CategoryInfo[]
  rows: CoverageCounts[]
  communities: Array<{ id: string; name: string; rows: CoverageCounts[] }>
  compounds: CompoundCoverage[]
  gaps: CategoryGap[]
  facilitiesConsidered: number
  walk: { detourFactor: number; speedMetersPerMinute: number }
  generatedAt: string
}

export interface PlaceCompound {
  id: string
  name: string
  location: LatLng
}

export interface PlaceCommunity {
  id: string
  name: string
  center: LatLng
  /** Present when the community was asked for. */
  compounds?: PlaceCompound[]
}

export interface PlacesResult {
  communities: PlaceCommunity[]
}

export interface StaffFacilityRow {
  id: string
  name: string
  category: FacilityCategory
  address: string
  status: FacilityStatus
  updatedAt: string
}

export const lifeCircle = {
  categories: action(z.object({}).default({})).returns<CategoriesResult>(),
  nearby: action(NearbyInput).returns<NearbyPage>(),
  search: action(SearchInput).returns<NearbyPage>(),
  facility: action(FacilityInput).returns<FacilityDetail>(),
  places: action(PlacesInput).returns<PlacesResult>(),
  listFacilities: action(ListFacilitiesInput).returns<Page<StaffFacilityRow>>(),
  upsertFacility: action(UpsertFacilityInput).returns<FacilityDetail>(),
  closeFacility: action(CloseFacilityInput).returns<{ id: string; status: 'closed' }>(),
  importFacilities: action(ImportFacilitiesInput).returns<ImportResult>(),
  coverage: action(CoverageInput).returns<CoverageReport>()
}
