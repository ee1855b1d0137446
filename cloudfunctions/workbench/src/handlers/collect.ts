// Runs a dashboard's aggregation plan (its few rollup pipelines at once) and hands each figure its rows; the
// life circle's coverage alongside.
import type { CoverageReport } from '../../../../types/schemas/lifeCircle'
import type { CoverageScope } from '../../../_shared/infra/coverage'
import { readsOf, type CellRow, type Plan, type Results } from '../domain/plan'
import { coverageReport, run } from '../repo'

export async function gather(plan: Plan): Promise<Results> {
  const names = Object.keys(plan.pipelines)
  const rows = await Promise.all(names.map((name) => run<CellRow>(plan.pipelines[name])))
  return readsOf(plan, Object.fromEntries(names.map((name, i) => [name, rows[i]])))
}

export const coverageOf = (scope: CoverageScope, now: Date): Promise<CoverageReport> => coverageReport(scope, now)
