// report.nearby: public reports near a point for residents (the map and list), nearest first, with their status.
// Private reports never appear, and the cards carry no reporter (views.ts toCard: only the masked name the
// reporter chose to show). One geo-indexed query.
import { FINAL_REPORT_STATUSES, OPEN_REPORT_STATUSES, type ReportStatus } from '../../../../types/schemas/report.labels'
import { distanceTo } from '../../../_shared/domain/geo'
import type { Handler } from '../../../_shared/infra/router'
import { communityNames, publicReportsNear } from '../repo'
import { toCard } from '../views'

const FINISHED: readonly ReportStatus[] = FINAL_REPORT_STATUSES.filter((s) => s !== 'rejected' && s !== 'merged')
const STATUSES: Record<'open' | 'closed' | 'all', readonly ReportStatus[]> = {
  open: OPEN_REPORT_STATUSES,
  closed: FINISHED,
  all: [...OPEN_REPORT_STATUSES, ...FINISHED]
}

export const nearby: Handler<'report', 'nearby'> = async (input, { now }) => {
  const reports = await publicReportsNear(input.location, input.radius, STATUSES[input.status], input.limit, input.categoryId)
  const names = await communityNames(reports.map((r) => r.communityId))
  return {
    items: reports.map((r) => toCard(r, names.get(r.communityId) ?? '', now, distanceTo(input.location, r.location)))
  }
}
