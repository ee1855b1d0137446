// Unit registration (单位报到), its resources (资源清单), its members, and co-building projects (项目清单).
import type { Unit } from '../../../../types/schemas/party'
import { halfYear } from '../../../_shared/domain/period'
import { hasGrant, isStaffOf, personOf, requireStaffOf, type Caller } from '../../../_shared/infra/auth'
import { denied, notFound, precondition } from '../../../_shared/infra/errors'
import { keepNotices, reviewNotice, sendNotices } from '../../../_shared/infra/notify'
import type { Handler } from '../../../_shared/infra/router'
import type { ProjectDoc, UnitDoc } from '../docs'
import { applyEvent } from '../domain/machine'
import { UNIT_MACHINE, newUnitRegistration, staffActor, unitAdminGrant, unitIdsOf, withGrant, withoutGrant } from '../domain/registration'
import {
  approvedUnits,
  changeGrants,
  createOnce,
  findProject,
  gridsOf,
  idFor,
  inTransaction,
  loadCommunity,
  loadUnit,
  namesFor,
  projectsPage,
  put,
  unitMembersPage,
  unitRegistrationsPage,
  unitsByIds,
  unitsOfAdmin,
  update
} from '../repo'
import { projectView, unitMemberView, unitView } from '../views'

/** The unit's admin (granted on approval, or the applicant of a registration under review). */
export const administers = (caller: Caller, unit: Pick<UnitDoc, '_id' | 'adminId'>) =>
  (!caller.system && unit.adminId === caller.openid) || hasGrant(caller, 'unitAdmin', { unitId: unit._id })

/** The unit's admin (with the grant) or the staff of its community may see its members and reports. */
export function requireUnitViewer(caller: Caller, unit: UnitDoc): void {
  if (!hasGrant(caller, 'unitAdmin', { unitId: unit._id }) && !isStaffOf(caller, unit.communityId)) {
    throw denied('只有本单位管理员或社区工作人员可以查看')
  }
}

async function view(unit: UnitDoc, caller: Caller): Promise<Unit> {
  const fullAccess = administers(caller, unit) || isStaffOf(caller, unit.communityId)
  return unitView(unit, await namesFor([unit.communityId]), fullAccess)
}

export const registerUnit: Handler<'party', 'registerUnit'> = async (input, { caller, now, fingerprint }) => {
  const openid = personOf(caller)
  await loadCommunity(input.communityId)
  const fields = {
    communityId: input.communityId,
    name: input.name,
    org: input.org,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
    resources: input.resources
  }
  if (input.unitId) {
    const existing = await loadUnit(input.unitId)
    if (existing.adminId !== openid) throw denied('只能重新提交本人提交的单位报到')
    const unit = await inTransaction(async (tx) => {
      const unit = await loadUnit(input.unitId as string, tx)
      const next = applyEvent(UNIT_MACHINE, unit, 'resubmit', { id: openid, role: 'applicant' }, now)
      await update('partyUnits', unit._id, { ...fields, ...next, updatedAt: now }, tx)
      return { ...unit, ...fields, ...next }
    })
    return view(unit, caller)
  }
  const id = idFor('u', openid, input.requestId)
  const unit = await inTransaction((tx) => createOnce('partyUnits', newUnitRegistration(id, openid, input, now), tx, fingerprint))
  return view(unit, caller)
}

export const reviewUnit: Handler<'party', 'review'> = async (input, { caller, now }) => {
  const found = await loadUnit(input.id)
  requireStaffOf(caller, found.communityId)
  const actor = staffActor(personOf(caller))
  const { unit, notice } = await inTransaction(async (tx) => {
    const unit = await loadUnit(input.id, tx)
    const approve = input.decision === 'approve'
    const next = applyEvent(UNIT_MACHINE, unit, approve ? 'approve' : 'reject', actor, now, input.reason ?? null)
    await update('partyUnits', unit._id, { ...next, updatedAt: now, ...(approve ? { approvedAt: now } : {}) }, tx)
    if (approve) await changeGrants(tx, unit.adminId, (roles) => withGrant(roles, unitAdminGrant(unit._id)), now)
    else if (unit.status === 'approved') await changeGrants(tx, unit.adminId, (roles) => withoutGrant(roles, unitAdminGrant(unit._id)), now)
    const notice = reviewNotice(
      unit.adminId,
      'unitReviewed',
      `unit:${unit._id}:${now.getTime()}`,
      approve,
      { page: 'packages/party/unit/index', params: {} },
      `单位报到：${unit.name}`
    )
    await keepNotices(tx, [notice], now)
    return { unit: { ...unit, ...next, ...(approve ? { approvedAt: now } : {}) }, notice }
  })
  await sendNotices([notice])
  return view(unit, caller)
}

export const updateResources: Handler<'party', 'updateResources'> = async (input, { caller, now }) => {
  const found = await loadUnit(input.unitId)
  if (!administers(caller, found)) throw denied('只有本单位管理员可以修改资源清单')
  const unit = await inTransaction(async (tx) => {
    const unit = await loadUnit(input.unitId, tx)
    const next = applyEvent(
      UNIT_MACHINE,
      unit,
      'updateResources',
      { id: caller.openid, role: 'unitAdmin' },
      now,
      `${input.resources.length}项资源`
    )
    await update('partyUnits', unit._id, { ...next, resources: input.resources, updatedAt: now }, tx)
    return { ...unit, ...next, resources: input.resources }
  })
  return view(unit, caller)
}

/** The units the caller administers or applied for, newest first. */
export const myUnits: Handler<'party', 'myUnit'> = async (_input, { caller }) => {
  const units = await unitsOfAdmin(personOf(caller), unitIdsOf(caller))
  const names = await namesFor(units.map((u) => u.communityId))
  return units.map((u) => unitView(u, names, true))
}

/** The grids (网格) of a community, for assigning members. */
export const listGrids: Handler<'party', 'listGrids'> = async (input) =>
  (await gridsOf(input.communityId)).map((g) => ({ id: g._id, name: g.name }))

/** Approved units of a community, as a member picks their work unit. */
export const listUnits: Handler<'party', 'listUnits'> = async (input) =>
  (await approvedUnits(input.communityId)).map((u) => ({ id: u._id, name: u.name, org: u.org }))

export const listUnitRegistrations: Handler<'party', 'listRegistrations'> = async (input, { caller }) => {
  requireStaffOf(caller, input.communityId)
  const filter = { communityId: input.communityId, ...(input.status ? { status: input.status } : {}) }
  const page = await unitRegistrationsPage(filter, input)
  const names = await namesFor([input.communityId])
  return { items: page.items.map((u) => unitView(u, names, true)), nextCursor: page.nextCursor }
}

export const unitMembers: Handler<'party', 'unitMembers'> = async (input, { caller, now }) => {
  const unit = await loadUnit(input.unitId)
  requireUnitViewer(caller, unit)
  const page = await unitMembersPage(unit._id, input.status, input)
  const names = await namesFor(
    page.items.map((r) => r.communityId),
    page.items.map((r) => r.gridId)
  )
  return { items: page.items.map((r) => unitMemberView(r, halfYear(now), names)), nextCursor: page.nextCursor }
}

// --- projects (项目清单) -------------------------------------------------------------------------

/** Projects are agreed between a unit and its community: either side may record them. */
function requireProjectParty(caller: Caller, unit: UnitDoc) {
  if (!isStaffOf(caller, unit.communityId) && !hasGrant(caller, 'unitAdmin', { unitId: unit._id })) {
    throw denied('只有社区工作人员或本单位管理员可以维护共建项目')
  }
}

const dateOrNull = (v: string | number | undefined) => (v === undefined ? null : new Date(v))

export const upsertProject: Handler<'party', 'upsertProject'> = async (input, { caller, now }) => {
  const unit = await loadUnit(input.unitId)
  requireProjectParty(caller, unit)
  if (unit.status !== 'approved') throw precondition('单位报到通过后才能登记共建项目')
  const startDate = dateOrNull(input.startDate)
  const endDate = dateOrNull(input.endDate)
  if (startDate && endDate && endDate < startDate) throw precondition('结束时间不能早于开始时间')
  const id = input.projectId ?? idFor('pj', unit._id, input.requestId)
  const fields = { title: input.title, content: input.content, status: input.status, startDate, endDate, updatedAt: now }
  const project = await inTransaction(async (tx) => {
    const existing = await findProject(id, tx)
    if (input.projectId && !existing) throw notFound('共建项目不存在')
    if (existing && existing.unitId !== unit._id) throw denied('该共建项目不属于此单位')
    const doc: ProjectDoc = existing
      ? { ...existing, ...fields }
      : { _id: id, unitId: unit._id, communityId: unit.communityId, createdBy: caller.openid, createdAt: now, ...fields }
    await put('partyProjects', doc, tx)
    return doc
  })
  return projectView(project, unit.name)
}

export const listProjects: Handler<'party', 'listProjects'> = async (input) => {
  const filter = input.unitId ? { unitId: input.unitId } : { communityId: input.communityId as string }
  const page = await projectsPage(filter, input)
  const units = await unitsByIds([...new Set(page.items.map((p) => p.unitId))])
  const unitNames = new Map(units.map((u) => [u._id, u.name]))
  return { items: page.items.map((p) => projectView(p, unitNames.get(p.unitId) ?? '')), nextCursor: page.nextCursor }
}
