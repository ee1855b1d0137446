// Runs a dashboard's aggregation plan: every pipeline at once, the medians as soon as the counts say how
// many values there are, and the life circle's coverage alongside.
import type { CoverageReport } from '../../../../types/schemas/lifeCircle'
import type { CoverageScope } from '../../../_shared/infra/coverage'
import { medianOf, type Duration, type Medians } from '../domain/figures'
import type { Range } from '../domain/periods'
import { medianQuery, type Plan, type Results, type Row } from '../domain/plan'
import { coverageReport, readSorted, run } from '../repo'

async function median(ids: readonly string[], range: Range, duration: Duration, n: number): Promise<number | null> {
  const query = medianQuery(ids, range, duration, n)
  return query ? medianOf(await readSorted(query)) : null
}

async function mediansOf(ids: readonly string[], range: Range, n: { claim: number; fulfil: number }): Promise<Medians> {
  const [claimMs, fulfilMs] = await Promise.all([median(ids, range, 'claimMs', n.claim), median(ids, range, 'fulfilMs', n.fulfil)])
  return { claimMs, fulfilMs }
}

const countOf = (rows: readonly Row[], id?: string) =>
  rows.filter((r) => id === undefined || r._id === id).reduce((s, r) => s + (Number(r.n) || 0), 0)

export interface Gathered {
  results: Results
  /** Per community. */
  medians: Map<string, Medians>
  /** Over all the plan's communities (a street's total). */
  overallMedians: Medians | null
}

export async function gather(plan: Plan, { overall = false } = {}): Promise<Gathered> {
  const names = Object.keys(plan.pipelines)
  const running = new Map(names.map((name) => [name, run(plan.pipelines[name])]))
  const medians = Promise.all([running.get('claimedTimed')!, running.get('fulfilledTimed')!]).then(async ([claimed, fulfilled]) => {
    const n = (id?: string) => ({ claim: countOf(claimed, id), fulfil: countOf(fulfilled, id) })
    const [each, whole] = await Promise.all([
      Promise.all(plan.communityIds.map((id) => mediansOf([id], plan.range, n(id)))),
      overall ? mediansOf(plan.communityIds, plan.range, n()) : null
    ])
    return { each: new Map(plan.communityIds.map((id, i) => [id, each[i]])), whole }
  })
  const rows = await Promise.all(names.map((name) => running.get(name)!))
  const { each, whole } = await medians
  return { results: Object.fromEntries(names.map((name, i) => [name, rows[i]])), medians: each, overallMedians: whole }
}

export const coverageOf = (scope: CoverageScope, now: Date): Promise<CoverageReport> => coverageReport(scope, now)
