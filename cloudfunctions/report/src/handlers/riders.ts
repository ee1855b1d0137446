// Part-time grid workers (兼职网格员): a courier or delivery rider registers once with a street; the street's admin
// approves. An approved rider reports like anyone (the report goes to the grid its location falls in), and the
// street sees how many reports each made since approval.
import { iso, isoOrNull } from '../../../_shared/domain/dates'
import { maskName, maskPhone } from '../../../_shared/domain/masking'
import { reviewNotice } from '../../../_shared/domain/notices'
import type { RiderDoc } from '../../../_shared/docs/patrol'
import { hasGrant, personOf, type Caller } from '../../../_shared/infra/auth'
import { inTransaction, findRider, loadStreet, putRider, reportsSince, riderIdFor, ridersOf, ridersPage } from '../repo'
import { conflict, denied, notFound } from '../../../_shared/infra/errors'
import { keepNotices, sendNotices } from '../../../_shared/infra/notify'
import type { Handler } from '../../../_shared/infra/router'
import type { RiderView } from '../../../../types/schemas/report'

const RIDER_NOT_FOUND = '申请不存在'

async function viewOf(r: RiderDoc, caller: Caller): Promise<RiderView> {
  const full = r.openid === caller.openid || hasGrant(caller, 'streetAdmin', { streetId: r.streetId })
  return {
    id: r._id,
    streetId: r.streetId,
    name: full ? r.name : maskName(r.name),
    phone: (full ? r.phone : maskPhone(r.phone)) ?? '',
    platform: r.platform,
    status: r.status,
    appliedAt: iso(r.appliedAt),
    reviewedAt: isoOrNull(r.reviewedAt),
    reason: r.reason,
    reports: r.status === 'approved' && r.reviewedAt ? await reportsSince(r.openid, r.reviewedAt) : 0
  }
}

export const riderApply: Handler<'report', 'riderApply'> = async (input, { caller, now, fingerprint }) => {
  const openid = personOf(caller)
  if (!(await loadStreet(input.streetId))) throw notFound('街道不存在')
  const doc: RiderDoc = {
    _id: riderIdFor(openid, input.streetId),
    openid,
    streetId: input.streetId,
    name: input.name,
    phone: input.phone,
    platform: input.platform,
    status: 'pending',
    appliedAt: now,
    reviewedAt: null,
    reviewedBy: null,
    reason: null,
    requestFingerprint: fingerprint
  }
  const stored = await inTransaction(async (tx) => {
    const existing = await findRider(doc._id, tx)
    // Registered once per street: a retry answers the same; only a refused application may be made again.
    if (existing && existing.status !== 'rejected') {
      if (existing.requestFingerprint !== fingerprint) throw conflict('已提交过申请，请勿重复提交')
      return existing
    }
    await putRider(tx, doc)
    return doc
  })
  return viewOf(stored, caller)
}

export const riderMine: Handler<'report', 'riderMine'> = async (_input, { caller }) => {
  const [latest] = await ridersOf(personOf(caller))
  return latest ? viewOf(latest, caller) : null
}

export const riderReview: Handler<'report', 'riderReview'> = async (input, { caller, now }) => {
  const who = personOf(caller)
  const before = await findRider(input.riderId)
  if (!before) throw notFound(RIDER_NOT_FOUND)
  if (!hasGrant(caller, 'streetAdmin', { streetId: before.streetId })) throw denied('只能审核本街道的申请')
  const approved = input.decision === 'approve'
  const notices = [
    reviewNotice(
      before.openid,
      'riderReviewed',
      `rider:${before._id}:${before.appliedAt.valueOf()}`,
      approved,
      {
        page: 'packages/report/mine/index',
        params: {}
      },
      '兼职网格员'
    )
  ]
  const saved = await inTransaction(async (tx) => {
    const r = await findRider(input.riderId, tx)
    if (!r) throw notFound(RIDER_NOT_FOUND)
    if (r.status !== 'pending') throw conflict('该申请已审核')
    const next: RiderDoc = {
      ...r,
      status: approved ? 'approved' : 'rejected',
      reviewedAt: now,
      reviewedBy: who,
      reason: input.reason || null
    }
    await putRider(tx, next)
    await keepNotices(tx, notices, now)
    return next
  })
  await sendNotices(notices)
  return viewOf(saved, caller)
}

export const riders: Handler<'report', 'riders'> = async (input, { caller }) => {
  if (!hasGrant(caller, 'streetAdmin', { streetId: input.streetId })) throw denied('只能查看本街道的申请')
  const page = await ridersPage(input.streetId, input.status, input)
  return { items: await Promise.all(page.items.map((r) => viewOf(r, caller))), nextCursor: page.nextCursor }
}
