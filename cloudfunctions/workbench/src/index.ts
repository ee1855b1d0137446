// workbench: the staff side of all four pillars — queues, dashboards for a community and for a street, CSV
// exports. The route table: the router validates and checks roles, handlers/scope.ts checks community and
// street, domain/ defines the figures, the CSV columns and the masking.
import { contract } from '../../../types'
import { createFunction } from '../../_shared/infra/router'
import { dashboard, streetDashboard } from './handlers/dashboard'
import { exportCsv } from './handlers/exports'
import { queues } from './handlers/queues'

export const main = createFunction('workbench', contract.workbench, {
  queues: { allow: ['staff', 'streetAdmin', 'merchant'], handler: queues },
  dashboard: { allow: ['staff', 'streetAdmin'], handler: dashboard },
  streetDashboard: { allow: ['streetAdmin'], handler: streetDashboard },
  exportCsv: { allow: ['staff', 'streetAdmin'], handler: exportCsv }
})
