// Staff maintenance of facilities: create/edit, close, CSV import, and the staff list. Every write is
// scoped to the caller's own community; reads for staff also admit the street admin of that street.
import { hasGrant, isStaffOf, requireStaffOf, type Caller } from '../../../_shared/infra/auth'
import { toPoint, type CommunityDoc } from '../../../_shared/docs'
import { conflict, denied, invalid, notFound } from '../../../_shared/infra/errors'
import { requireOwnFiles } from '../../../_shared/infra/files'
import type { Handler } from '../../../_shared/infra/router'
import type { FacilityDoc } from '../docs'
import { dedupeKeyOf, facilityIdFor } from '../domain/facility'
import { parseFacilityCsv, rejectExisting, type FacilityRow } from '../domain/facilityCsv'
import { parseHoursText } from '../domain/hours'
import { facilitiesPage, findCommunity, getFacility, openByDedupeKeys, photoUrls, putFacilities, updateFacility } from '../repo'
import { toDetail } from '../views'

async function communityOf(id: string): Promise<CommunityDoc> {
  const community = await findCommunity(id)
  if (!community) throw invalid('所选社区不存在')
  return community
}

/** Staff of the community, or the street admin of its street. */
export async function requireCommunityViewer(caller: Caller, communityId: string): Promise<CommunityDoc> {
  const community = await findCommunity(communityId)
  if (!community) throw notFound('社区不存在')
  if (isStaffOf(caller, communityId) || hasGrant(caller, 'streetAdmin', { streetId: community.streetId })) return community
  throw denied('只能查看本社区的数据')
}

export const canManage = (caller: Caller, communityId: string) => isStaffOf(caller, communityId)

function weekFrom(hoursText: string): string[][] {
  const hours = parseHoursText(hoursText)
  if (!hours.ok) throw invalid(hours.error, { fields: [{ path: 'hoursText', message: hours.error }] })
  return hours.week
}

export const upsertFacility: Handler<'lifeCircle', 'upsertFacility'> = async (input, { caller, now }) => {
  requireStaffOf(caller, input.communityId)
  const week = weekFrom(input.hoursText)
  const community = await communityOf(input.communityId)
  const id = input.id ?? facilityIdFor(input.communityId, input.requestId!)
  const existing = await getFacility(id)
  if (input.id) {
    if (!existing) throw notFound('设施不存在')
    requireStaffOf(caller, existing.communityId)
    if (existing.communityId !== input.communityId) throw invalid('设施所属社区不能更改')
  }
  requireOwnFiles(input.photos, caller.openid, { kept: existing?.photos })

  const dedupeKey = dedupeKeyOf(input.name, input.location.lat, input.location.lng)
  const twin = (await openByDedupeKeys([dedupeKey])).get(dedupeKey)
  if (twin && twin.id !== id) throw conflict(`已存在同名同位置的设施“${twin.name}”`)

  const doc: FacilityDoc = {
    _id: id,
    name: input.name,
    category: input.category,
    communityId: community._id,
    streetId: community.streetId,
    location: toPoint(input.location.lat, input.location.lng),
    address: input.address ?? '',
    phone: input.phone ?? '',
    hours: { week, holidaysClosed: input.holidaysClosed },
    services: input.services,
    photos: input.photos,
    status: existing?.status ?? 'open',
    dedupeKey,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
    updatedBy: caller.openid,
    closedAt: existing?.closedAt ?? null,
    closeReason: existing?.closeReason ?? null
  }
  await putFacilities([doc])
  return toDetail(doc, { now, distance: null, communityName: community.name, photoUrls: await photoUrls(doc.photos) })
}

export const closeFacility: Handler<'lifeCircle', 'closeFacility'> = async ({ id, reason }, { caller, now }) => {
  const doc = await getFacility(id)
  if (!doc) throw notFound('设施不存在')
  requireStaffOf(caller, doc.communityId)
  if (doc.status !== 'closed') {
    await updateFacility(id, { status: 'closed', closedAt: now, closeReason: reason || null, updatedAt: now, updatedBy: caller.openid })
  }
  return { id, status: 'closed' as const }
}

function rowToDoc(row: FacilityRow, id: string, community: CommunityDoc, caller: Caller, now: Date): FacilityDoc {
  return {
    _id: id,
    name: row.name,
    category: row.category,
    communityId: community._id,
    streetId: community.streetId,
    location: toPoint(row.lat, row.lng),
    address: row.address,
    phone: row.phone,
    hours: { week: row.week, holidaysClosed: row.holidaysClosed },
    services: row.services,
    photos: [],
    status: 'open',
    dedupeKey: row.dedupeKey,
    createdAt: now,
    updatedAt: now,
    updatedBy: caller.openid,
    closedAt: null,
    closeReason: null
  }
}

export const importFacilities: Handler<'lifeCircle', 'importFacilities'> = async (input, { caller, now }) => {
  requireStaffOf(caller, input.communityId)
  const community = await communityOf(input.communityId)
  const parsed = parseFacilityCsv(input.csv)
  if (!parsed.ok) throw invalid(parsed.error, { fields: [{ path: 'csv', message: parsed.error }] })

  const idOf = (row: FacilityRow) => facilityIdFor(community._id, input.requestId, String(row.line))
  const ours = new Set(parsed.rows.map(idOf))
  // A facility this same request already wrote (a retry) is not a duplicate: it is written again.
  const existing = new Map(
    [...(await openByDedupeKeys(parsed.rows.map((r) => r.dedupeKey)))].filter(([, f]) => !ours.has(f.id)).map(([key, f]) => [key, f.name])
  )
  const checked = rejectExisting(parsed.rows, existing)
  const rejected = [...parsed.rejected, ...checked.rejected].sort((a, b) => a.line - b.line)
  if (input.mode === 'allOrNothing' && rejected.length) return { total: parsed.total, imported: 0, rejected, mode: input.mode }

  await putFacilities(checked.rows.map((row) => rowToDoc(row, idOf(row), community, caller, now)))
  return { total: parsed.total, imported: checked.rows.length, rejected, mode: input.mode }
}

export const staffList: Handler<'lifeCircle', 'listFacilities'> = async (input, { caller }) => {
  await requireCommunityViewer(caller, input.communityId)
  const page = await facilitiesPage(input.communityId, { status: input.status, category: input.category }, input)
  return {
    items: page.items.map((d) => ({
      id: d._id,
      name: d.name,
      category: d.category,
      address: d.address,
      status: d.status,
      updatedAt: new Date(d.updatedAt).toISOString()
    })),
    nextCursor: page.nextCursor
  }
}
