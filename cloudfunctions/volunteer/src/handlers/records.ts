// The volunteer service record (志愿服务记录) and its certificate (志愿服务记录证明), per
// 《志愿服务记录与证明出具办法》: identity, service content, hours and organiser; a certificate has a
// number and an issuer and anyone can verify it by its number.
import type { Certificate, RecordItem } from '../../../../types/schemas/volunteer'
import { asDate, iso, isoOrNull } from '../../../_shared/domain/dates'
import { maskName } from '../../../_shared/domain/masking'
import { notFound, precondition } from '../../../_shared/infra/errors'
import type { Handler } from '../../../_shared/infra/router'
import type { CertificateDoc, EnrollmentDoc } from '../docs'
import { certificateNumber, issuerOf } from '../domain/certificate'
import { fromHalfHours, toHalfHours } from '../domain/hours'
import { activitiesById, allCompleted, communityName, communityNames, completedPage, findCertificate, saveCertificate } from '../repo'
import { certificateItemsView, toRecordItem } from '../views'
import { requireVolunteer } from './profile'

/** At most this many lines on a certificate; the totals count everything. */
export const CERTIFICATE_LINES = 30

async function recordItems(enrollments: EnrollmentDoc[]): Promise<RecordItem[]> {
  if (!enrollments.length) return []
  const activities = await activitiesById(
    enrollments.map((e) => e.activityId),
    { content: true, communityId: true }
  )
  const names = await communityNames([...activities.values()].map((a) => a.communityId))
  return enrollments.map((e) => toRecordItem(e, activities.get(e.activityId) ?? null, names))
}

export const records: Handler<'volunteer', 'records'> = async (input, { caller }) => {
  const v = await requireVolunteer(caller)
  const [page, home] = await Promise.all([completedPage(v._id, input), communityName(v.communityId)])
  return {
    identity: { realName: v.realName, volunteerNo: v.volunteerNo, idCardMasked: v.idCardMasked ?? null, communityName: home },
    totalHours: fromHalfHours(v.halfHours ?? 0),
    activityCount: v.activityCount ?? 0,
    items: await recordItems(page.items),
    nextCursor: page.nextCursor
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
export const certificate: Handler<'volunteer', 'certificate'> = async (_input, { caller, now }) => {
  const v = await requireVolunteer(caller)
  const done = await allCompleted(v._id)
  if (!done.length) throw precondition('您还没有完成的志愿服务，暂不能出具证明')
  const halfHours = done.reduce((sum, e) => sum + toHalfHours(e.hours), 0)
  const starts = done.map((e) => asDate(e.activityStart).getTime())
  const number = certificateNumber({ openid: v._id, halfHours, activityCount: done.length, lastEnrollmentId: done[0]._id }, now)
  const existing = await findCertificate(number)
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
  await saveCertificate(doc)
  return toCertificate(doc)
}

export const verifyCertificate: Handler<'volunteer', 'verifyCertificate'> = async (input) => {
  const c = await findCertificate(input.number)
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
