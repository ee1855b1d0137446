// lifeCircle: the 15-minute community life circle. The route table: validation and role checks happen in
// the shared router, scope checks and rules in the handlers.
import { contract } from '../../../types'
import { createFunction } from '../../_shared/infra/router'
import { closeFacility, importFacilities, staffList, upsertFacility } from './handlers/manage'
import { nearby, search } from './handlers/nearby'
import { categories, coverage, facilityDetail, places } from './handlers/read'

const STAFF = ['staff', 'streetAdmin'] as const

export const main = createFunction('lifeCircle', contract.lifeCircle, {
  categories: { allow: ['anyone'], handler: categories },
  nearby: { allow: ['anyone'], handler: nearby },
  search: { allow: ['anyone'], handler: search },
  facility: { allow: ['anyone'], handler: facilityDetail },
  places: { allow: ['anyone'], handler: places },
  listFacilities: { allow: STAFF, handler: staffList },
  upsertFacility: { allow: ['staff'], handler: upsertFacility },
  closeFacility: { allow: ['staff'], handler: closeFacility },
  importFacilities: { allow: ['staff'], handler: importFacilities },
  coverage: { allow: STAFF, handler: coverage }
})
