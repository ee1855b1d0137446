// Reads and writes of the party pillar's documents: the only module of this function, with the
// handlers' queries, that touches the database.
import type { CollectionName } from '../../../config/database'
import { assessmentRules, type AssessmentEntryDoc } from '../../_shared/assessment'
import type { Caller } from '../../_shared/auth'
import { $, _ } from '../../_shared/cloud'
import { coll, cursor, getDoc, putDoc, updateDoc, type Tx } from '../../_shared/db'
import type { CommunityDoc, GridDoc, UserDoc } from '../../_shared/docs'
import { invalid, notFound } from '../../_shared/errors'
import type { RoleGrant } from '../../../types'
import type { SourceSum } from './domain/assessment'
import type { Names } from './domain/views'
import type { MemberRegistrationDoc, MembershipDoc, NeedDoc, UnitDoc } from './docs'

/** A document id derived from its author and request id, so a retried request finds the same document. */
export { requestDocId as idFor } from '../../_shared/ids'

/** wx-server-sdk takes `{ data }` for set/update, in and out of transactions. */
export const update = updateDoc

/** Writes a whole document under its _id. */
export const put = putDoc

// --- loads ---------------------------------------------------------------------------------------

async function load<T>(name: CollectionName, id: string, missing: string, tx?: Tx): Promise<T & { _id: string }> {
  const doc = await getDoc<T>(name, id, tx)
  if (!doc) throw notFound(missing)
  return doc
}

export const loadRegistration = (id: string, tx?: Tx) => load<MemberRegistrationDoc>('partyMembers', id, '报到记录不存在', tx)
export const loadUnit = (id: string, tx?: Tx) => load<UnitDoc>('partyUnits', id, '单位不存在', tx)
export const loadNeed = (id: string, tx?: Tx) => load<NeedDoc>('partyNeeds', id, '需求不存在或已被删除', tx)
export const loadMembership = (openid: string, tx?: Tx) => getDoc<MembershipDoc>('partyMemberships', openid, tx)

export async function loadCommunity(id: string): Promise<CommunityDoc> {
  const community = await getDoc<CommunityDoc>('communities', id)
  if (!community) throw invalid('所选社区不存在')
  return community
}

export const rulesOf = (community: CommunityDoc | null) => assessmentRules(community?.settings)

/** Community and grid names for a page of answers, one query per kind. */
export async function namesFor(communityIds: Array<string | null | undefined>, gridIds: Array<string | null | undefined> = []): Promise<Names> {
  const ids = (list: Array<string | null | undefined>) => [...new Set(list.filter((x): x is string => Boolean(x)))]
  const fetch = async <T extends { _id: string; name: string }>(name: CollectionName, list: string[]) =>
    list.length ? ((await coll(name).where({ _id: _.in(list) }).limit(list.length).get()).data as T[]) : []
  const [communities, grids] = await Promise.all([fetch<CommunityDoc>('communities', ids(communityIds)), fetch<GridDoc>('grids', ids(gridIds))])
  const communityNames = new Map(communities.map((c) => [c._id, c.name]))
  const gridNames = new Map(grids.map((g) => [g._id, g.name]))
  return { community: (id) => communityNames.get(id) ?? '', grid: (id) => (id ? gridNames.get(id) ?? null : null) }
}

// --- role grants ---------------------------------------------------------------------------------

/** Rewrites a person's grants inside a transaction (the users document is read there, so nothing is lost). */
export async function changeGrants(tx: Tx, openid: string, change: (roles: RoleGrant[]) => RoleGrant[], now: Date): Promise<void> {
  const user = await getDoc<UserDoc>('users', openid, tx)
  if (!user) return
  const roles = change(user.roles ?? [])
  if (roles.length !== (user.roles ?? []).length) await coll('users', tx).doc(openid).update({ data: { roles, updatedAt: now } })
}

export const unitIdsOf = (caller: Caller) =>
  caller.grants.filter((g) => g.role === 'unitAdmin' && g.unitId).map((g) => g.unitId as string)

// --- assessment entries ----------------------------------------------------------------------------

/** Writes an entry once: a retried or repeated source finds it there and leaves it as it is. */
export async function creditOnce(tx: Tx, entry: AssessmentEntryDoc): Promise<void> {
  if (await getDoc('assessmentEntries', entry._id, tx)) return
  await put('assessmentEntries', entry, tx)
}

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

// --- paging ----------------------------------------------------------------------------------------

export interface PageInput {
  limit?: number
  cursor?: string
}

/** One page of a query, newest first unless the query says otherwise. */
export async function pageOf<T>(query: ReturnType<typeof coll>, input: PageInput, defaultLimit = 20): Promise<{ items: T[]; nextCursor: string | null }> {
  const limit = input.limit ?? defaultLimit
  const offset = cursor.decode(input.cursor)
  const { data } = await query.skip(offset).limit(limit).get()
  return { items: data as T[], nextCursor: cursor.next(offset, data.length, limit) }
}
