// Reads and writes of the party pillar's documents: the only module of this function that touches the
// database. Handlers run their transactions through `inTransaction` and hand its `tx` to the functions here.
import { assessmentRules, type AssessmentEntryDoc, type SourceSum } from '../../_shared/domain/assessment'
import { $, _ } from '../../_shared/infra/cloud'
import { coll, createOnce, getDoc, loadDoc, pageOf, type PageInput, type Tx } from '../../_shared/infra/db'
import { putTracked, updateTracked } from '../../_shared/infra/rollups'
import type { CollectionName } from '../../../config/database'

import type { CommunityDoc, GridDoc, UserDoc } from '../../_shared/docs'
import { communityNames } from '../../_shared/infra/communities'
import { invalid } from '../../_shared/infra/errors'
import type { RegistrationStatus, RoleGrant } from '../../../types'
import type { Names } from '../../_shared/domain/assessmentReport'
import type { MemberRegistrationDoc, MembershipDoc, NeedDoc, ProjectDoc, RatingDoc, UnitDoc } from './docs'

export type { PageInput }

/** A document id derived from its author and request id, so a retried request finds the same document. */
export { opaqueId as idFor } from '../../_shared/infra/ids'

/** Updates plain fields inside `tx`, keeping the dashboards' rollups of the party's collections (_shared/domain/communityRollups.ts). */
export const update = (name: CollectionName, id: string, patch: object, tx: Tx) => updateTracked(tx, name, id, patch)

/** Writes a whole document under its _id inside `tx`, keeping the rollups. */
export const put = (name: CollectionName, doc: { _id: string }, tx: Tx) => putTracked(tx, name, doc)

/** Creates a document unless a retry of the same request already did; answers the stored one. */
export { createOnce }

export { inTransaction, type Tx } from '../../_shared/infra/db'

// --- loads ---------------------------------------------------------------------------------------

export const loadRegistration = (id: string, tx?: Tx) => loadDoc<MemberRegistrationDoc>('partyMembers', id, '报到记录不存在', tx)
export const loadUnit = (id: string, tx?: Tx) => loadDoc<UnitDoc>('partyUnits', id, '单位不存在', tx)
export const loadNeed = (id: string, tx?: Tx) => loadDoc<NeedDoc>('partyNeeds', id, '需求不存在或已被删除', tx)
export const loadMembership = (openid: string, tx?: Tx) => getDoc<MembershipDoc>('partyMemberships', openid, tx)
export const findRegistration = (id: string, tx?: Tx) => getDoc<MemberRegistrationDoc>('partyMembers', id, tx)
export const findProject = (id: string, tx?: Tx) => getDoc<ProjectDoc>('partyProjects', id, tx)
export const findRating = (id: string, tx?: Tx) => getDoc<RatingDoc>('assessmentRatings', id, tx)
export const findCommunity = (id: string) => getDoc<CommunityDoc>('communities', id)
export const findGrid = (id: string) => getDoc<GridDoc>('grids', id)

export async function loadCommunity(id: string): Promise<CommunityDoc> {
  const community = await getDoc<CommunityDoc>('communities', id)
  if (!community) throw invalid('所选社区不存在')
  return community
}

export const rulesOf = (community: CommunityDoc | null) => assessmentRules(community?.settings)

/** Community and grid names for a page of answers, one query per kind. */
export async function namesFor(
  communityIds: Array<string | null | undefined>,
  gridIds: Array<string | null | undefined> = []
): Promise<Names> {
  const unique = [...new Set(gridIds.filter((x): x is string => Boolean(x)))]
  const [communities, grids] = await Promise.all([
    communityNames(communityIds),
    unique.length
      ? coll('grids')
          .where({ _id: _.in(unique) })
          .limit(unique.length)
          .get()
      : { data: [] }
  ])
  const gridNames = new Map((grids.data as GridDoc[]).map((g) => [g._id, g.name]))
  return { community: (id) => communities.get(id) ?? '', grid: (id) => (id ? (gridNames.get(id) ?? null) : null) }
}

// --- role grants ---------------------------------------------------------------------------------

/** Rewrites a person's grants inside a transaction (the users document is read there, so nothing is lost). */
export async function changeGrants(tx: Tx, openid: string, change: (roles: RoleGrant[]) => RoleGrant[], now: Date): Promise<void> {
  const user = await getDoc<UserDoc>('users', openid, tx)
  if (!user) return
  const roles = change(user.roles ?? [])
  if (roles.length !== (user.roles ?? []).length)
    await coll('users', tx)
      .doc(openid)
      .update({ data: { roles, updatedAt: now } })
}

// --- assessment entries ----------------------------------------------------------------------------

/** Assessment entries have one writer, shared with the wish and volunteer functions. */
export { credit } from '../../_shared/infra/assessment'

/** Points, hours and counts of a period per person and source, summed by the database. */
export async function sumsByPerson(openids: string[], period: string): Promise<Map<string, SourceSum[]>> {
  const out = new Map<string, SourceSum[]>(openids.map((o) => [o, []]))
  if (!openids.length) return out
  const { list } = await coll('assessmentEntries')
    .aggregate()
    .match({ openid: _.in(openids), period })
    .group({ _id: { openid: '$openid', source: '$source' }, points: $.sum('$points'), hours: $.sum('$hours'), count: $.sum(1) })
    .limit(openids.length * 10)
    .end()
  for (const g of list as Array<{ _id: { openid: string; source: SourceSum['source'] }; points: number; hours: number; count: number }>) {
    out.get(g._id.openid)?.push({ source: g._id.source, points: g.points ?? 0, hours: g.hours ?? 0, count: g.count ?? 0 })
  }
  return out
}

// --- lists ------------------------------------------------------------------------------------------

const newestFirst = (query: ReturnType<typeof coll>, field = 'createdAt') => query.orderBy(field, 'desc').orderBy('_id', 'asc')

interface CommunityFilter {
  communityId: string
  status?: RegistrationStatus
}

/** Ids of needs the person holds as a member (claimed, not yet completed). */
export async function openMemberNeedIds(openid: string): Promise<string[]> {
  const { data } = await coll('partyNeeds')
    .where({ claimerId: openid, status: 'claimed', 'claimant.kind': 'member' })
    .field({ _id: true })
    .limit(100)
    .get()
  return (data as { _id: string }[]).map((d) => d._id)
}

export const registrationsPage = (filter: CommunityFilter, page: PageInput) =>
  pageOf<MemberRegistrationDoc>(newestFirst(coll('partyMembers').where(filter)), page)

/** A unit's members in `status`, or its pending and approved ones. */
export const unitMembersPage = (unitId: string, status: RegistrationStatus | undefined, page: PageInput) =>
  pageOf<MemberRegistrationDoc>(newestFirst(coll('partyMembers').where({ unitId, status: status ?? _.in(['pending', 'approved']) })), page)

/** Approved members of a unit or a community, in order of approval. */
/** Members approved before `before` (the end of the report's year), in approval order. */
export const approvedMembersPage = (scope: { kind: 'unit' | 'community'; id: string }, page: PageInput, before: Date) =>
  pageOf<MemberRegistrationDoc>(
    coll('partyMembers')
      .where({
        ...(scope.kind === 'unit' ? { unitId: scope.id } : { communityId: scope.id }),
        status: 'approved',
        approvedAt: _.lt(before)
      })
      .orderBy('approvedAt', 'asc')
      .orderBy('_id', 'asc'),
    page
  )

export const unitRegistrationsPage = (filter: CommunityFilter, page: PageInput) =>
  pageOf<UnitDoc>(newestFirst(coll('partyUnits').where(filter)), page)

/** The units a person administers (`granted`) or applied for, newest first. */
export async function unitsOfAdmin(openid: string, granted: string[]): Promise<UnitDoc[]> {
  const query = granted.length ? _.or([{ adminId: openid }, { _id: _.in(granted) }]) : { adminId: openid }
  const { data } = await coll('partyUnits').where(query).orderBy('createdAt', 'desc').limit(50).get()
  return data as UnitDoc[]
}

export async function approvedUnits(communityId: string): Promise<UnitDoc[]> {
  const { data } = await coll('partyUnits').where({ communityId, status: 'approved' }).orderBy('name', 'asc').limit(200).get()
  return data as UnitDoc[]
}

/** Which of `ids` are units approved in `communityId`. */
export async function approvedUnitIds(ids: string[], communityId: string): Promise<string[]> {
  if (!ids.length) return []
  const { data } = await coll('partyUnits')
    .where({ _id: _.in(ids), communityId, status: 'approved' })
    .limit(ids.length)
    .get()
  return (data as UnitDoc[]).map((u) => u._id)
}

export async function unitsByIds(ids: string[]): Promise<UnitDoc[]> {
  if (!ids.length) return []
  return (
    await coll('partyUnits')
      .where({ _id: _.in(ids) })
      .limit(ids.length)
      .get()
  ).data as UnitDoc[]
}

export async function gridsOf(communityId: string): Promise<GridDoc[]> {
  const { data } = await coll('grids').where({ communityId }).orderBy('_id', 'asc').limit(100).get()
  return data as GridDoc[]
}

export interface NeedFilter {
  status?: NeedDoc['status']
  communityId?: string | null
  /** Only needs held by this person or one of their units. */
  holder?: { openid: string; unitIds: string[] }
}

export function needsPage(filter: NeedFilter, page: PageInput) {
  const fields = { ...(filter.status ? { status: filter.status } : {}), ...(filter.communityId ? { communityId: filter.communityId } : {}) }
  let where: object = fields
  if (filter.holder) {
    const { openid, unitIds } = filter.holder
    const holder = unitIds.length ? _.or([{ claimerId: openid }, { claimerUnitId: _.in(unitIds) }]) : { claimerId: openid }
    where = _.and([holder, fields])
  }
  return pageOf<NeedDoc>(newestFirst(coll('partyNeeds').where(where)), page)
}

export const projectsPage = (filter: { unitId: string } | { communityId: string }, page: PageInput) =>
  pageOf<ProjectDoc>(newestFirst(coll('partyProjects').where(filter), 'updatedAt'), page)

export async function ratingsByIds(ids: string[]): Promise<RatingDoc[]> {
  if (!ids.length) return []
  return (
    await coll('assessmentRatings')
      .where({ _id: _.in(ids) })
      .limit(ids.length)
      .get()
  ).data as RatingDoc[]
}

/** A person's assessment entries of a period, newest first. */
export const entriesPage = (openid: string, period: string, page: PageInput) =>
  pageOf<AssessmentEntryDoc>(coll('assessmentEntries').where({ openid, period }).orderBy('at', 'desc').orderBy('_id', 'asc'), page)
