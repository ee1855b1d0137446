// The community dashboard's figures beyond wishes and points, as rollup sources (_shared/domain/rollups.ts):
// what each document of these collections counts for as it stands. Each is written with its rollups in one
// transaction (_shared/infra/rollups.ts: putTracked, updateTracked, bumpChange). Pure.
//
//   collection         figure               key      when                                     n / sum
//   enrollments        service              {}       completed with hours, activityStart      1 / hours
//                      serviceMark          {p}      the same, per period and person          (mark → serviceActive)
//                      streetServiceMark    {p}      the same, per street                     (mark → streetServiceActive)
//   volunteers         volunteerJoined      {}       createdAt                                1
//   redemptions        pickups              {}       picked up, closedAt                      quantity
//   partyMembers       memberRegistered     {}       pending or approved, createdAt           1
//                      memberApproved       {}       approved, approvedAt                     1
//                      memberRenewed        {h}      approved, approvedAt, per renewed half   1
//   assessmentEntries  assessment           {}       at                                       1 / points
//                      assessmentHours      {}       at, with hours                           1 / hours
//                      partyMark            {p}      a service entry (wish, need, hours)      (mark → partyActive)
//   partyUnits         unitApproved         {}       approved, approvedAt                     1
//   partyNeeds         needConfirmed        {}       confirmed, each confirm event's at       1
//
// Registrations, approvals and units count "as they stand by the end of the period": the dashboard adds up
// every month before the period's end.
import { cell, defineRollups, marks, type RollupDelta } from './rollups'

const MARK = { shards: 1 }

export interface EnrollmentFacts {
  communityId: string
  openid: string
  status: string
  hours: number
  activityStart: Date
}

defineRollups<EnrollmentFacts>({
  collection: 'enrollments',
  figures: {
    service: { shards: 4 },
    serviceMark: { ...MARK, counts: 'serviceActive' },
    streetServiceMark: { ...MARK, counts: 'streetServiceActive' }
  },
  needsStreet: true,
  cells(e, ctx) {
    if (e.status !== 'completed' || !(e.hours > 0)) return []
    const street = ctx.streetOf(e.communityId)
    return [
      cell('service', e.communityId, e.activityStart, {}, 1, e.hours),
      ...marks('serviceMark', e.communityId, e.activityStart, e.openid),
      ...(street ? marks('streetServiceMark', street, e.activityStart, e.openid) : [])
    ]
  }
})

defineRollups<{ communityId: string; createdAt: Date }>({
  collection: 'volunteers',
  figures: { volunteerJoined: { shards: 4 } },
  cells: (v) => [cell('volunteerJoined', v.communityId, v.createdAt)]
})

defineRollups<{ communityId: string; status: string; quantity: number; closedAt?: Date | null }>({
  collection: 'redemptions',
  figures: { pickups: { shards: 4 } },
  cells: (o) => (o.status === 'pickedUp' && o.closedAt ? [cell('pickups', o.communityId, o.closedAt, {}, o.quantity)] : [])
})

export interface MemberFacts {
  communityId: string
  status: string
  createdAt: Date
  approvedAt?: Date | null
  renewedHalves?: string[] | null
}

defineRollups<MemberFacts>({
  collection: 'partyMembers',
  figures: { memberRegistered: { shards: 4 }, memberApproved: { shards: 4 }, memberRenewed: { shards: 4 } },
  cells(m) {
    const out: RollupDelta[] = []
    if (m.status === 'pending' || m.status === 'approved') out.push(cell('memberRegistered', m.communityId, m.createdAt))
    if (m.status === 'approved' && m.approvedAt) {
      out.push(cell('memberApproved', m.communityId, m.approvedAt))
      for (const h of new Set(m.renewedHalves ?? [])) out.push(cell('memberRenewed', m.communityId, m.approvedAt, { h }))
    }
    return out
  }
})

/** Assessment sources that are service (an active member has at least one). */
const SERVICE_SOURCES = new Set(['wish', 'need', 'hours'])

defineRollups<{ communityId: string; openid: string; source: string; points: number; hours?: number | null; at: Date }>({
  collection: 'assessmentEntries',
  figures: { assessment: { shards: 4 }, assessmentHours: { shards: 4 }, partyMark: { ...MARK, counts: 'partyActive' } },
  cells(a) {
    const out = [cell('assessment', a.communityId, a.at, {}, 1, a.points)]
    if (a.hours) out.push(cell('assessmentHours', a.communityId, a.at, {}, 1, a.hours))
    if (SERVICE_SOURCES.has(a.source)) out.push(...marks('partyMark', a.communityId, a.at, a.openid))
    return out
  }
})

defineRollups<{ communityId: string; status: string; approvedAt?: Date | null }>({
  collection: 'partyUnits',
  figures: { unitApproved: { shards: 4 } },
  cells: (u) => (u.status === 'approved' && u.approvedAt ? [cell('unitApproved', u.communityId, u.approvedAt)] : [])
})

defineRollups<{ communityId: string; status: string; history?: Array<{ event: string; at: Date }> | null }>({
  collection: 'partyNeeds',
  figures: { needConfirmed: { shards: 4 } },
  cells: (d) =>
    d.status === 'confirmed'
      ? (d.history ?? []).filter((h) => h.event === 'confirm').map((h) => cell('needConfirmed', d.communityId, h.at))
      : []
})
