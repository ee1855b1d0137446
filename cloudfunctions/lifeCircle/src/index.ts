// lifeCircle: the 15-minute community life circle. A thin router: validation and role checks happen in
// the shared router, scope checks and rules in the modules below.
import { contract } from '../../../types'
import { createFunction } from '../../_shared/infra/router'
import { categoriesResult } from './categories'
import { coverageFor } from './coverage'
import { closeFacility, importFacilities, staffList, upsertFacility } from './manage'
import { nearbyPage } from './nearby'
import { facilityDetail, places } from './read'
import { keywordFilter } from './repo'

const STAFF = ['staff', 'streetAdmin'] as const

export const main = createFunction('lifeCircle', contract.lifeCircle, {
  categories: { allow: ['anyone'], handler: async () => categoriesResult() },

  nearby: { allow: ['anyone'], handler: (input, { now }) => nearbyPage(input, now) },

  search: { allow: ['anyone'], handler: (input, { now }) => nearbyPage({ ...input, filter: keywordFilter(input.keyword) }, now) },

  facility: { allow: ['anyone'], handler: (input, { caller, now }) => facilityDetail(input.id, input.location, caller, now) },

  places: { allow: ['anyone'], handler: (input) => places(input.communityId) },

  listFacilities: { allow: STAFF, handler: (input, { caller }) => staffList(input, caller) },

  upsertFacility: { allow: ['staff'], handler: (input, { caller, now }) => upsertFacility(input, caller, now) },

  closeFacility: { allow: ['staff'], handler: (input, { caller, now }) => closeFacility(input.id, input.reason, caller, now) },

  importFacilities: { allow: ['staff'], handler: (input, { caller, now }) => importFacilities(input, caller, now) },

  coverage: { allow: STAFF, handler: (input, { caller, now }) => coverageFor(input, caller, now) }
})
