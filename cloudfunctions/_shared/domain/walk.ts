// The walking rule of the 15-minute life circle: the ONE place that turns a distance into walking minutes
// and a tier into a radius. Every screen (nearby, detail) and every statistic (coverage, dashboards) uses it,
// so a resident and a street office always see the same answer.
//
// GB 50180-2018 gives the radii: 5 minutes ≈ 300 m, 10 minutes ≈ 500 m, 15 minutes ≈ 1 000 m. The street
// network is longer than the straight line (detour factor), and people walk at about 80 m a minute. With
// the defaults every point within a tier's radius is within that tier's minutes on foot.
import { CIRCLE_TIERS, FACILITY_CATEGORIES, type CircleTier, type FacilityCategory } from '../../../types/enums'

export interface WalkConfig {
  /** Straight-line radius of each tier, in meters. */
  radii: Record<CircleTier, number>
  /** Street-network distance ÷ straight-line distance. */
  detourFactor: number
  /** Walking speed in meters per minute. */
  speedMetersPerMinute: number
}

export const DEFAULT_WALK_CONFIG: WalkConfig = Object.freeze({
  radii: Object.freeze({ 5: 300, 10: 500, 15: 1000 }) as Record<CircleTier, number>,
  detourFactor: 1.2,
  speedMetersPerMinute: 80
})

export { EARTH_RADIUS_M, greatCircleMeters, type LatLng } from './geo'

export interface WalkRule {
  readonly config: WalkConfig
  /** The radius of a tier, in meters. */
  radiusOf(tier: CircleTier): number
  /** The radius within which a category counts as reachable (its own tier). */
  categoryRadius(category: FacilityCategory): number
  /** Whole walking minutes for a straight-line distance (at least 1). */
  walkMinutes(distanceMeters: number): number
  /** Whether a facility at this distance is within the tier. */
  within(distanceMeters: number, tier: CircleTier): boolean
  /** The smallest tier that reaches this distance, or null when it is beyond 15 minutes. */
  tierOf(distanceMeters: number): CircleTier | null
}

const CATEGORY_TIER = new Map<FacilityCategory, CircleTier>(FACILITY_CATEGORIES.map((c) => [c.id, c.tier]))

export function categoryTier(category: FacilityCategory): CircleTier {
  const tier = CATEGORY_TIER.get(category)
  if (!tier) throw new Error(`unknown facility category ${category}`)
  return tier
}

function validate(config: WalkConfig): void {
  const radii = CIRCLE_TIERS.map((t) => config.radii[t])
  if (radii.some((r) => !(r > 0)) || radii.some((r, i) => i > 0 && r < radii[i - 1])) {
    throw new Error('walk radii must be positive and grow with the tier')
  }
  if (!(config.detourFactor >= 1)) throw new Error('detour factor must be at least 1')
  if (!(config.speedMetersPerMinute > 0)) throw new Error('walking speed must be positive')
}

/** A walking rule; pass overrides to try other radii, detour factors or speeds. */
export function makeWalkRule(overrides: Partial<WalkConfig> = {}): WalkRule {
  const config: WalkConfig = {
    ...DEFAULT_WALK_CONFIG,
    ...overrides,
    radii: { ...DEFAULT_WALK_CONFIG.radii, ...overrides.radii }
  }
  validate(config)
  const radiusOf = (tier: CircleTier) => config.radii[tier]
  return {
    config,
    radiusOf,
    categoryRadius: (category) => radiusOf(categoryTier(category)),
    // The epsilon keeps float noise from turning 1 000 m × 1.2 ÷ 80 = 15 minutes into 16.
    walkMinutes: (d) => Math.max(1, Math.ceil((d * config.detourFactor) / config.speedMetersPerMinute - 1e-9)),
    within: (d, tier) => d <= radiusOf(tier),
    tierOf: (d) => CIRCLE_TIERS.find((t) => d <= radiusOf(t)) ?? null
  }
}

/** The rule every screen and statistic uses. */
export const WALK = makeWalkRule()
