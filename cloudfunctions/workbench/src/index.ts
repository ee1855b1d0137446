// workbench: the staff side of all four pillars — queues, dashboards for a community and for a street, CSV
// exports. A thin router: the router validates and checks roles, scope.ts checks community and street,
// domain/ defines the figures, the CSV columns and the masking.
import { contract } from '../../../types'
import { createFunction } from '../../_shared/infra/router'
import { dashboard, streetDashboard } from './dashboard'
import { exportCsv } from './exports'
import { queues } from './queues'

export const main = createFunction('workbench', contract.workbench, {
  queues: { allow: ['staff', 'streetAdmin', 'merchant'], handler: (input, { caller, now }) => queues(input, caller, now) },
  dashboard: { allow: ['staff', 'streetAdmin'], handler: (input, { caller, now }) => dashboard(input, caller, now) },
  streetDashboard: { allow: ['streetAdmin'], handler: (input, { caller, now }) => streetDashboard(input, caller, now) },
  exportCsv: { allow: ['staff', 'streetAdmin'], handler: (input, { caller, now }) => exportCsv(input, caller, now) }
})
