import { CIRCLE_TIERS, FACILITY_CATEGORIES } from '../../../types/enums'
import type { CategoriesResult, CategoryInfo } from '../../../types/schemas/lifeCircle'
import { WALK } from './walk'

export const categoryInfos = (): CategoryInfo[] =>
  FACILITY_CATEGORIES.map((c) => ({ id: c.id, name: c.name, tier: c.tier, icon: c.icon, radius: WALK.radiusOf(c.tier) }))

export const categoriesResult = (): CategoriesResult => ({
  categories: categoryInfos(),
  tiers: CIRCLE_TIERS.map((minutes) => ({ minutes, radius: WALK.radiusOf(minutes) }))
})
