// workbench: the staff side of all four pillars — queues, the community and street dashboards, CSV exports.
// Result shapes and the shared vocabulary live in ../workbench.ts (no zod, so the app can import it).
import { z } from 'zod'
import { action } from '../contract'
import { EXPORT_KINDS, type CsvExport, type Dashboard, type QueuesResult, type StreetDashboard } from '../workbench'
import { id, period } from './common'

export * from '../workbench'

export const QueuesInput = z.object({ communityId: id('社区').optional() }).default({})

export const DashboardInput = z.object({ communityId: id('社区'), period })

export const StreetDashboardInput = z.object({ streetId: id('街道'), period })

export const ExportCsvInput = z.object({
  kind: z.enum(EXPORT_KINDS, { errorMap: () => ({ message: '请选择要导出的报表' }) }),
  communityId: id('社区'),
  period
})

export const workbench = {
  queues: action(QueuesInput).returns<QueuesResult>(),
  dashboard: action(DashboardInput).returns<Dashboard>(),
  streetDashboard: action(StreetDashboardInput).returns<StreetDashboard>(),
  exportCsv: action(ExportCsvInput).returns<CsvExport>()
}
