// workbench.exportCsv: the CSV reports of a community for a period. Rows are read page by page (an export is
// row-level by nature), personal data is masked in domain/csv.ts for the exporting role, and an empty
// community gives a file with the heading line only.
import type { z } from 'zod'
import { FACILITY_CATEGORIES } from '../../../types/enums'
import type { ExportCsvInput } from '../../../types/schemas/workbench'
import type { CsvExport, ExportKind } from '../../../types/workbench'
import { assessmentRules } from '../../_shared/domain/assessment'
import type { Caller } from '../../_shared/infra/auth'
import { _ } from '../../_shared/infra/cloud'
import { coll, getAll } from '../../_shared/infra/db'
import type { CommunityDoc } from '../../_shared/docs'
import { maskName } from '../../_shared/domain/masking'
import { periodRange } from '../../_shared/domain/period'
import type { MemberRegistrationDoc, RatingDoc, UnitDoc } from '../../_shared/docs/party'
import type { SourceSum } from '../../_shared/domain/assessment'
import { reportCsv, reportRow } from '../../_shared/domain/assessmentReport'
import type { OrderDoc } from '../../_shared/docs/points'
import type { EnrollmentDoc, VolunteerDoc } from '../../_shared/docs/volunteer'
import type { WishDoc } from '../../_shared/docs/wish'
import { coverageOf } from './collect'
import {
  exportFilename,
  gapLines,
  GAP_COLUMNS,
  isMasked,
  memberLine,
  ORDER_COLUMNS,
  orderLine,
  REGISTRATION_COLUMNS,
  SERVICE_COLUMNS,
  serviceLine,
  toCsv,
  unitLine,
  WISH_COLUMNS,
  type Viewer,
  type WishLike
} from './domain/csv'
import { assessmentYear, type Range } from './domain/periods'
import { aggregate, byIds } from './repo'
import { communityScope } from './scope'

/** An export stops here; a community's year is far below it. */
const MAX_ROWS = 5000

interface Job {
  community: CommunityDoc
  viewer: Viewer
  period: string
  range: Range
  now: Date
}

type Built = { csv: string; rows: number }

const inRange = (r: Range) => _.gte(r.start).and(_.lt(r.end))
const oldestFirst = (collection: Parameters<typeof coll>[0], where: Record<string, unknown>, by: string, field?: Record<string, boolean>) => {
  const query = coll(collection).where(where).orderBy(by, 'asc').orderBy('_id', 'asc')
  return field ? query.field(field) : query
}

async function registrations({ community, viewer, range }: Job): Promise<Built> {
  const where = { communityId: community._id, createdAt: _.lt(range.end) }
  const [members, units] = await Promise.all([
    getAll<MemberRegistrationDoc>(oldestFirst('partyMembers', where, 'createdAt'), MAX_ROWS),
    getAll<UnitDoc>(oldestFirst('partyUnits', where, 'createdAt'), MAX_ROWS)
  ])
  const lines = [...members.map((m) => memberLine(m, viewer)), ...units.map((u) => unitLine(u, viewer))]
  return { csv: toCsv(REGISTRATION_COLUMNS, lines), rows: lines.length }
}

/** Assessment sums per member and source for a year (the database groups). */
async function sumsOf(openids: string[], year: string): Promise<Map<string, SourceSum[]>> {
  const out = new Map<string, SourceSum[]>(openids.map((o) => [o, []]))
  for (let i = 0; i < openids.length; i += 100) {
    const rows = await aggregate<{ _id: { o: string; s: SourceSum['source'] }; points: number; hours: number; count: number }>(
      'assessmentEntries',
      { openid: _.in(openids.slice(i, i + 100)), period: year },
      [{ group: { _id: { o: '$openid', s: '$source' }, points: { $sum: '$points' }, hours: { $sum: { $ifNull: ['$hours', 0] } }, count: { $sum: 1 } } }]
    )
    for (const r of rows) out.get(r._id.o)?.push({ source: r._id.s, points: r.points ?? 0, hours: r.hours ?? 0, count: r.count ?? 0 })
  }
  return out
}

/** The party pillar's 双重考评 report for the period's year; a street admin gets names and phones masked. */
async function assessment({ community, viewer, period, now }: Job): Promise<Built> {
  const year = assessmentYear(period)
  const members = await getAll<MemberRegistrationDoc>(oldestFirst('partyMembers', { communityId: community._id, status: 'approved' }, 'approvedAt'), MAX_ROWS)
  const openids = members.map((m) => m.openid)
  const [sums, ratings] = await Promise.all([sumsOf(openids, year), byIds<RatingDoc>('assessmentRatings', openids.map((o) => `${o}_${year}`))])
  const ratingOf = new Map([...ratings.values()].map((r) => [r.openid, r.rating]))
  const ctx = { period: year, now, rules: assessmentRules(community.settings), names: { community: () => community.name, grid: () => null }, fullAccess: !isMasked(viewer) }
  const rows = members.map((reg) => {
    const row = reportRow({ reg, sums: sums.get(reg.openid) ?? [], rating: ratingOf.get(reg.openid) ?? null }, ctx)
    return isMasked(viewer) ? { ...row, name: maskName(row.name) } : row
  })
  return { csv: reportCsv(rows), rows: rows.length }
}

async function volunteerRecords({ community, viewer, range }: Job): Promise<Built> {
  const where = { communityId: community._id, status: 'completed', activityStart: inRange(range) }
  const records = await getAll<EnrollmentDoc>(oldestFirst('enrollments', where, 'activityStart'), MAX_ROWS)
  const people = await byIds<VolunteerDoc>('volunteers', records.map((e) => e.openid), { volunteerNo: true, realName: true, phone: true, communityId: true })
  const lines = records.map((e) => serviceLine(e, people.get(e.openid) ?? null, viewer))
  return { csv: toCsv(SERVICE_COLUMNS, lines), rows: lines.length }
}

async function redemptions({ community, viewer, range }: Job): Promise<Built> {
  const fields = { openid: true, goodsName: true, merchantName: true, quantity: true, points: true, status: true, createdAt: true, closedAt: true }
  const orders = await getAll<OrderDoc>(oldestFirst('redemptions', { communityId: community._id, createdAt: inRange(range) }, 'createdAt', fields), MAX_ROWS)
  const people = await byIds<VolunteerDoc>('volunteers', orders.map((o) => o.openid), { realName: true })
  const lines = orders.map((o) => orderLine(o, people.get(o.openid)?.realName ?? null, viewer))
  return { csv: toCsv(ORDER_COLUMNS, lines), rows: lines.length }
}

/** Only the wall's public fields are read: the beneficiary's name, phone and address never leave the database. */
const WISH_FIELDS = {
  category: true,
  title: true,
  status: true,
  value: true,
  proxy: true,
  'beneficiary.display': true,
  'beneficiary.isChild': true,
  'claimer.displayName': true,
  createdAt: true,
  publishedAt: true,
  claimedAt: true,
  fulfilledAt: true,
  confirmedAt: true,
  'confirmation.rating': true
}

async function wishes({ community, range }: Job): Promise<Built> {
  const docs = await getAll<Pick<WishDoc, keyof WishLike>>(oldestFirst('wishes', { communityId: community._id, createdAt: inRange(range) }, 'createdAt', WISH_FIELDS), MAX_ROWS)
  return { csv: toCsv(WISH_COLUMNS, docs as WishLike[]), rows: docs.length }
}

async function coverageGaps({ community, now }: Job): Promise<Built> {
  const report = await coverageOf({ kind: 'community', id: community._id, name: community.name }, now)
  const categories = new Map(FACILITY_CATEGORIES.map((c) => [c.id as string, { name: c.name, tier: c.tier as number }]))
  const compounds = new Map(report.compounds.map((c) => [c.id, { name: c.name, households: c.households }]))
  const lines = gapLines(report.gaps, categories, compounds)
  return { csv: toCsv(GAP_COLUMNS, lines), rows: lines.length }
}

const BUILDERS: Record<ExportKind, (job: Job) => Promise<Built>> = { registrations, assessment, volunteerRecords, redemptions, wishes, coverageGaps }

export async function exportCsv(input: z.output<typeof ExportCsvInput>, caller: Caller, now: Date): Promise<CsvExport> {
  const { community, viewer } = await communityScope(caller, input.communityId)
  const built = await BUILDERS[input.kind]({ community, viewer, period: input.period, range: periodRange(input.period), now })
  return {
    kind: input.kind,
    filename: exportFilename(input.kind, community.name, input.period),
    csv: built.csv,
    rows: built.rows,
    masked: isMasked(viewer)
  }
}
