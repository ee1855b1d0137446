// Reads and writes of wishes and their neighbours, and the photo links answers carry: the only module of
// this function that touches the database or storage. Handlers run transactions through `inTransaction`
// and hand its `tx` to the functions here.
import { periodRange } from '../../_shared/domain/period'
import { _, cloud, db } from '../../_shared/infra/cloud'
import { coll, getAll, getDoc, inTransaction, loadDoc, pageOf, putDoc, updateDoc, type PageInput, type Tx } from '../../_shared/infra/db'
import { DEFAULT_COMMUNITY_SETTINGS, type CommunityDoc, type CommunitySettings, type CompoundDoc, type UserDoc } from '../../_shared/docs'
import type { MembershipDoc } from '../../_shared/docs/party'
import type { VolunteerDoc } from '../../_shared/docs/volunteer'
import { notFound } from '../../_shared/infra/errors'
import { opaqueId } from '../../_shared/infra/ids'
import type { WishCategory, WishStatus } from '../../../types'
import type { WishClaimerDoc, WishDoc } from './docs'

export { communityNames } from '../../_shared/infra/communities'
export { credit } from '../../_shared/infra/assessment'
export { inTransaction, type PageInput, type Tx }
export { bumpRollups } from '../../_shared/infra/rollups'

export const WISH_NOT_FOUND = '心愿不存在或已被删除'

/** A wish id derived from who asked and their request id, so a retried submission finds the same wish. */
export const wishIdFor = (openid: string, requestId: string) => opaqueId('w', openid, requestId)

export const findWish = (id: string, tx?: Tx) => getDoc<WishDoc>('wishes', id, tx)

export const loadWish = (id: string, tx?: Tx) => loadDoc<WishDoc>('wishes', id, WISH_NOT_FOUND, tx)

export type CommunityWithSettings = CommunityDoc & { settings: CommunitySettings }

export async function loadCommunity(id: string): Promise<CommunityWithSettings> {
  const community = await getDoc<CommunityDoc>('communities', id)
  if (!community) throw notFound('社区不存在')
  return { ...community, settings: { ...DEFAULT_COMMUNITY_SETTINGS, ...(community.settings ?? {}) } }
}

export const findCommunity = (id: string) => getDoc<CommunityDoc>('communities', id)
export const loadCompound = (id: string) => getDoc<CompoundDoc>('compounds', id)
export const loadUser = (openid: string) => getDoc<UserDoc>('users', openid)
export const loadMembership = (openid: string) => getDoc<MembershipDoc>('partyMemberships', openid)

export const updateWish = (tx: Tx, id: string, patch: Partial<WishDoc>) => updateDoc('wishes', id, patch, tx)
export const insertWish = (tx: Tx, wish: WishDoc) => putDoc('wishes', wish, tx)
export const loadClaimCounter = (tx: Tx, openid: string) => getDoc<WishClaimerDoc>('wishClaimers', openid, tx)
export const saveClaimCounter = (tx: Tx, counter: WishClaimerDoc) => putDoc('wishClaimers', counter, tx)
/** The registration status of a volunteer, read inside the claim's transaction. */
export const volunteerStatus = async (tx: Tx, openid: string) => (await getDoc<VolunteerDoc>('volunteers', openid, tx))?.status ?? null
export const usersById = async (openids: string[]): Promise<Map<string, UserDoc>> => {
  const unique = [...new Set(openids)]
  if (!unique.length) return new Map()
  const { data } = await coll('users')
    .where({ _id: _.in(unique) })
    .limit(100)
    .get()
  return new Map((data as UserDoc[]).map((u) => [u._id, u]))
}

// --- contact views -------------------------------------------------------------------------------------

/** auditLog: one answer that carried a beneficiary's contact details. */
export interface ContactViewDoc {
  kind: 'contactView'
  /** The viewer's openid and capacity. */
  who: string
  role: 'staff' | 'member' | 'volunteer'
  communityId: string
  wishId: string
  wishTitle: string
  /** The beneficiary's account, when they have one (null for 代录). */
  whose: string | null
  at: Date
}

export const logContactViews = (views: ContactViewDoc[]) =>
  Promise.all(views.map((data) => coll('auditLog').add({ data }))).then(() => undefined)

export const contactViewsPage = (communityId: string, wishId: string | undefined, page: PageInput) =>
  pageOf<ContactViewDoc>(
    coll('auditLog')
      .where({ kind: 'contactView', communityId, ...(wishId ? { wishId } : {}) })
      .orderBy('at', 'desc'),
    page,
    50
  )

// --- lists -------------------------------------------------------------------------------------------

export interface WallFilter {
  status: WishStatus
  communityId?: string
  category?: WishCategory
  /** Nearest first from here, when given; newest published first otherwise. */
  near?: { lat: number; lng: number }
}

export function wallPage(filter: WallFilter, page: PageInput) {
  const where: Record<string, unknown> = { status: filter.status }
  if (filter.communityId) where.communityId = filter.communityId
  if (filter.category) where.category = filter.category
  if (filter.near) {
    where.location = _.geoNear({ geometry: db.Geo.Point(filter.near.lng, filter.near.lat) })
    return pageOf<WishDoc>(coll('wishes').where(where), page)
  }
  return pageOf<WishDoc>(coll('wishes').where(where).orderBy('publishedAt', 'desc').orderBy('_id', 'desc'), page)
}

/** The wishes a person claimed (most recent claim first) or submitted (newest first). */
export const minePage = (openid: string, as: 'claimer' | 'beneficiary', page: PageInput) =>
  pageOf<WishDoc>(
    as === 'claimer'
      ? coll('wishes').where({ claimerId: openid }).orderBy('claimedAt', 'desc').orderBy('_id', 'desc')
      : coll('wishes').where({ submitterId: openid }).orderBy('createdAt', 'desc').orderBy('_id', 'desc'),
    page
  )

export const queuePage = (communityId: string, status: WishStatus, order: 'asc' | 'desc', page: PageInput) =>
  pageOf<WishDoc>(coll('wishes').where({ communityId, status }).orderBy('createdAt', order).orderBy('_id', order), page)

/** Ids of claimed wishes past their deadline, in `communityIds` (all communities when omitted). */
export async function overdueClaimIds(now: Date, limit: number, communityIds?: string[]): Promise<string[]> {
  const scope = communityIds ? { communityId: _.in(communityIds) } : {}
  const due = await getAll<WishDoc>(
    coll('wishes')
      .where({ ...scope, status: 'claimed', claimDeadline: _.lt(now) })
      .orderBy('claimDeadline', 'asc')
      .field({ _id: true }),
    limit
  )
  return due.map((w) => w._id)
}

// --- statistics --------------------------------------------------------------------------------------

/** The match stage of a statistics scope: its community or street, and the period the wishes were created in. */
export function statsMatch(where: Record<string, unknown>, period: string | null): Record<string, unknown> {
  if (!period) return { ...where }
  const { start, end } = periodRange(period)
  return { ...where, createdAt: _.gte(start).and(_.lt(end)) }
}

/** Runs a pipeline of { stage: value } steps through the SDK's chained aggregate; answers its list. */
export async function aggregate<T>(pipeline: Array<Record<string, unknown>>): Promise<T[]> {
  let query = db.collection('wishes').aggregate()
  for (const stage of pipeline) {
    const [name, value] = Object.entries(stage)[0]
    query = query[name](value)
  }
  const { list } = await query.end()
  return list as T[]
}

/** A match on wishes that carry the duration `field`. */
export const withDuration = (field: 'claimMs' | 'fulfilMs') => ({ [`metrics.${field}`]: _.gte(0) })

// --- photos ------------------------------------------------------------------------------------------

/** WeChat's temporary links for stored photo ids (one call); an id without a link is absent. */
export async function tempUrls(ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)]
  if (!unique.length) return new Map()
  try {
    const res = (await cloud.getTempFileURL({ fileList: unique })) as { fileList?: Array<{ fileID?: string; tempFileURL?: string }> } | void
    return new Map((res?.fileList ?? []).filter((f) => f.fileID && f.tempFileURL).map((f) => [f.fileID as string, f.tempFileURL as string]))
  } catch (e) {
    console.warn('[wish] temp urls failed', (e as Error)?.message ?? e)
    return new Map()
  }
}
