// workbench.dashboard and workbench.streetDashboard: the figures of one community, or of every community of a
// street side by side with the street total. The database aggregates; domain/ says what each figure means.
import type { PeriodScope } from '../../../../types/workbench'
import type { Handler } from '../../../_shared/infra/router'
import { periodRange } from '../../../_shared/domain/period'
import { coverageOf, gather } from './collect'
import { coverageBars, figuresOf, streetTotal, trendOf, wishCategoryBars } from '../domain/figures'
import { figurePlan, foldParts, mediansOf, monthPartsOf, overallService, publishedRowsOf } from '../domain/plan'
import { communityScope, streetScope } from './scope'

function periodScope(period: string): PeriodScope {
  const { start, end } = periodRange(period)
  return { period, from: start.toISOString(), to: end.toISOString() }
}

export const dashboard: Handler<'workbench', 'dashboard'> = async (input, { caller, now }) => {
  const { community } = await communityScope(caller, input.communityId)
  const id = community._id
  const plan = figurePlan({ communityIds: [id], period: input.period, now, detail: true })
  const [results, coverage] = await Promise.all([gather(plan), coverageOf({ kind: 'community', id, name: community.name }, now)])
  const parts = foldParts(plan, results, new Map([[id, coverage.rows]])).get(id)!
  return {
    scope: { ...periodScope(input.period), communityId: id, communityName: community.name, streetId: community.streetId },
    figures: figuresOf(id, community.name, parts),
    coverage: coverageBars(coverage.rows, coverage.categories),
    wishCategories: wishCategoryBars(publishedRowsOf(plan, results, id)),
    trend: trendOf(monthPartsOf(plan, results, id)),
    generatedAt: now.toISOString()
  }
}

export const STREET_TOTAL_LABEL = '街道合计'

export const streetDashboard: Handler<'workbench', 'streetDashboard'> = async (input, { caller, now }) => {
  const { street, communities } = await streetScope(caller, input.streetId)
  const plan = figurePlan({ communityIds: communities.map((c) => c._id), period: input.period, now, streetId: street._id })
  const [results, coverage] = await Promise.all([gather(plan), coverageOf({ kind: 'street', id: street._id, name: street.name }, now)])
  const parts = foldParts(plan, results, new Map(coverage.communities.map((c) => [c.id, c.rows])))
  return {
    scope: { ...periodScope(input.period), streetId: street._id, streetName: street.name },
    rows: communities.map((c) => figuresOf(c._id, c.name, parts.get(c._id)!)),
    total: streetTotal(street._id, STREET_TOTAL_LABEL, [...parts.values()], {
      medians: mediansOf(results),
      service: overallService(results),
      coverage: coverage.rows
    }),
    generatedAt: now.toISOString()
  }
}
