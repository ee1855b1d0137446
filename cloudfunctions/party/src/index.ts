// party: dual registration (双报到), needs list, co-building projects and party-member assessment.
// The route table: the router validates and checks roles, handlers check scope, domain/ holds the rules.
import { contract } from '../../../types'
import { createFunction } from '../../_shared/infra/router'
import { assessment, communityReport, csvReport, memberCard, rate, unitReport } from './handlers/assessment'
import { cancelNeed, claimNeed, completeNeed, confirmNeed, listNeeds, needDetail, postNeed, releaseNeed } from './handlers/needs'
import { assignGrid, listMemberRegistrations, myRegistration, registerMember, renew, reviewMember, withdraw } from './handlers/registration'
import {
  listGrids,
  listProjects,
  listUnitRegistrations,
  listUnits,
  myUnits,
  registerUnit,
  reviewUnit,
  unitMembers,
  updateResources,
  upsertProject
} from './handlers/units'

export const main = createFunction('party', contract.party, {
  registerMember: { allow: ['resident'], handler: registerMember },
  registerUnit: { allow: ['resident'], handler: registerUnit },
  updateResources: { allow: ['resident'], handler: updateResources },
  review: { allow: ['staff'], handler: (input, ctx) => (input.kind === 'unit' ? reviewUnit(input, ctx) : reviewMember(input, ctx)) },
  myRegistration: { allow: ['resident'], handler: myRegistration },
  withdraw: { allow: ['resident'], handler: withdraw },
  listRegistrations: {
    allow: ['staff'],
    handler: (input, ctx) => (input.kind === 'unit' ? listUnitRegistrations(input, ctx) : listMemberRegistrations(input, ctx))
  },
  assignGrid: { allow: ['staff'], handler: assignGrid },
  renew: { allow: ['member'], handler: renew },
  myUnit: { allow: ['resident'], handler: myUnits },
  listUnits: { allow: ['resident'], handler: listUnits },
  unitMembers: { allow: ['unitAdmin', 'staff'], handler: unitMembers },
  memberCard: { allow: ['resident'], handler: memberCard },
  postNeed: { allow: ['staff'], handler: postNeed },
  // Residents reach the handler so a pending or rejected member hears why they cannot claim.
  claimNeed: { allow: ['resident'], handler: claimNeed },
  releaseNeed: { allow: ['member', 'unitAdmin'], handler: releaseNeed },
  completeNeed: { allow: ['member', 'unitAdmin'], handler: completeNeed },
  confirmNeed: { allow: ['staff'], handler: confirmNeed },
  cancelNeed: { allow: ['staff'], handler: cancelNeed },
  listNeeds: { allow: ['resident'], handler: listNeeds },
  need: { allow: ['resident'], handler: needDetail },
  listGrids: { allow: ['resident'], handler: listGrids },
  assessment: { allow: ['resident'], handler: assessment },
  unitReport: { allow: ['unitAdmin', 'staff'], handler: unitReport },
  communityReport: { allow: ['staff'], handler: communityReport },
  reportCsv: { allow: ['unitAdmin', 'staff'], handler: csvReport },
  rate: { allow: ['staff'], handler: rate },
  upsertProject: { allow: ['staff', 'unitAdmin'], handler: upsertProject },
  listProjects: { allow: ['resident'], handler: listProjects }
})
