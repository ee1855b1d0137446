// What the coverage page shows of a report: the rows and gaps of the whole scope or of one community.
import type { CoverageCounts, CoverageReport } from '@contract/schemas/lifeCircle'
import type { FacilityCategory } from '@contract/enums'

export interface GapView {
  category: FacilityCategory
  households: number
  compounds: Array<{ id: string; name: string; communityName: string; households: number }>
}

export function rowsFor(report: CoverageReport, communityId: string | null): CoverageCounts[] {
  if (!communityId) return report.rows
  return report.communities.find((c) => c.id === communityId)?.rows ?? []
}

/** Categories some compounds lack, the most households affected first; each list most households first. */
export function gapsFor(report: CoverageReport, communityId: string | null): GapView[] {
  const names = new Map(report.communities.map((c) => [c.id, c.name]))
  const compounds = new Map(report.compounds.map((c) => [c.id, c]))
  return report.gaps
    .map((gap) => {
      const lacking = gap.compoundIds
        .map((id) => compounds.get(id)!)
        .filter((c) => c && (!communityId || c.communityId === communityId))
        .map((c) => ({ id: c.id, name: c.name, communityName: names.get(c.communityId) ?? '', households: c.households }))
      return { category: gap.category, households: lacking.reduce((s, c) => s + c.households, 0), compounds: lacking }
    })
    .filter((g) => g.compounds.length > 0)
    .sort((a, b) => b.households - a.households)
}

export const totals = (rows: CoverageCounts[]) => ({ compounds: rows[0]?.compounds ?? 0, households: rows[0]?.households ?? 0 })
