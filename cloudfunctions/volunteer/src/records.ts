// The volunteer service record (志愿服务记录) and its certificate (志愿服务记录证明), per
// 《志愿服务记录与证明出具办法》: identity, service content, hours and organiser; a certificate has a
// number and an issuer and anyone can verify it by its number.
import type { ParsedOf } from '../../../types/contract'
import { contract } from '../../../types'
import type { Certificate, CertificateCheck, RecordItem, ServiceRecords } from '../../../types/schemas/volunteer'
import { _ } from '../../_shared/infra/cloud'
import { coll, cursor, getAll, getDoc } from '../../_shared/infra/db'
import { maskName } from '../../_shared/domain/masking'
import { notFound, precondition } from '../../_shared/infra/errors'
import type { Ctx } from '../../_shared/infra/router'
import type { ActivityDoc, CertificateDoc, EnrollmentDoc } from './docs'
import { certificateNumber, issuerOf } from './domain/certificate'
import { fromHalfHours, toHalfHours } from './domain/hours'
import { communityName, requireVolunteer } from './profile'
import { asDate, iso, isoOrNull } from '../../_shared/domain/dates'
import { communityNames } from '../../_shared/infra/communities'
import { certificateItemsView, toRecordItem } from './views'

type Input<A extends keyof typeof contract.volunteer> = ParsedOf<(typeof contract.volunteer)[A]>

/** At most this many lines on a certificate; the totals count everything. */
export const CERTIFICATE_LINES = 30

const completedOf = (openid: string) => coll('enrollments').where({ openid, status: 'completed', hours: _.gt(0) }).orderBy('activityStart', 'desc')

async function recordItems(enrollments: EnrollmentDoc[]): Promise<RecordItem[]> {
  if (!enrollments.length) return []
  const ids = [...new Set(enrollments.map((e) => e.activityId))]
  const activities = new Map<string, ActivityDoc>()
  for (let i = 0; i < ids.length; i += 100) {
    const { data } = await coll('activities').where({ _id: _.in(ids.slice(i, i + 100)) }).field({ content: true, communityId: true }).limit(100).get()
    for (const a of data as ActivityDoc[]) activities.set(a._id, a)
  }
  const names = await communityNames([...activities.values()].map((a) => a.communityId))
  return enrollments.map((e) => toRecordItem(e, activities.get(e.activityId) ?? null, names))
}

export async function records(input: Input<'records'>, { caller }: Ctx): Promise<ServiceRecords> {
  const v = await requireVolunteer(caller)
  const offset = cursor.decode(input.cursor)
  const limit = input.limit ?? 20
  const [{ data }, home] = await Promise.all([completedOf(v._id).skip(offset).limit(limit).get(), communityName(v.communityId)])
  const page = data as EnrollmentDoc[]
  return {
    identity: { realName: v.realName, volunteerNo: v.volunteerNo, idCardMasked: v.idCardMasked ?? null, communityName: home },
    totalHours: fromHalfHours(v.halfHours ?? 0),
    activityCount: v.activityCount ?? 0,
    items: await recordItems(page),
    nextCursor: cursor.next(offset, page.length, limit)
  }
}

function toCertificate(c: CertificateDoc): Certificate {
  return {
    number: c._id,
    realName: c.realName,
    idCardMasked: c.idCardMasked,
    volunteerNo: c.volunteerNo,
    totalHours: fromHalfHours(c.halfHours),
    activityCount: c.activityCount,
    from: isoOrNull(c.from),
    to: isoOrNull(c.to),
    items: certificateItemsView(c),
    issuer: c.issuer,
    issuedAt: iso(c.issuedAt)
  }
}

/** Issues (or finds, for the same record on the same day) the volunteer's certificate. */
export async function certificate(_input: Input<'certificate'>, { caller, now }: Ctx): Promise<Certificate> {
  const v = await requireVolunteer(caller)
  const done = await getAll<EnrollmentDoc>(completedOf(v._id), 5000)
  if (!done.length) throw precondition('您还没有完成的志愿服务，暂不能出具证明')
  const halfHours = done.reduce((sum, e) => sum + toHalfHours(e.hours), 0)
  const starts = done.map((e) => asDate(e.activityStart).getTime())
  const number = certificateNumber({ openid: v._id, halfHours, activityCount: done.length, lastEnrollmentId: done[0]._id }, now)
  const existing = await getDoc<CertificateDoc>('certificates', number)
  if (existing) return toCertificate(existing)
  const items = await recordItems(done.slice(0, CERTIFICATE_LINES))
  const doc: CertificateDoc = {
    _id: number,
    openid: v._id,
    realName: v.realName,
    idCardMasked: v.idCardMasked ?? null,
    volunteerNo: v.volunteerNo,
    halfHours,
    activityCount: done.length,
    from: new Date(Math.min(...starts)),
    to: new Date(Math.max(...starts)),
    items: items.map((i) => ({ ...i, start: new Date(i.start), end: new Date(i.end) })),
    issuer: issuerOf(await communityName(v.communityId)),
    issuedAt: now
  }
  const { _id, ...data } = doc
  await coll('certificates').doc(_id).set({ data })
  return toCertificate(doc)
}

export async function verifyCertificate(input: Input<'verifyCertificate'>): Promise<CertificateCheck> {
  const c = await getDoc<CertificateDoc>('certificates', input.number)
  if (!c) throw notFound('未找到该证明，请核对证明编号')
  return {
    valid: true,
    number: c._id,
    name: maskName(c.realName),
    volunteerNo: c.volunteerNo,
    totalHours: fromHalfHours(c.halfHours),
    activityCount: c.activityCount,
    from: isoOrNull(c.from),
    to: isoOrNull(c.to),
    issuer: c.issuer,
    issuedAt: iso(c.issuedAt)
  }
}
