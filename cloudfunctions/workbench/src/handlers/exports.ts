// workbench.exportCsv: the CSV reports of a community for a period. Rows are read page by page (an export is
// row-level by nature), personal data is masked in domain/csv.ts for the exporting role, and an empty
// community gives a file with the heading line only.
import type { CommunityDoc, EnrollmentDoc, MemberRegistrationDoc, OrderDoc, RatingDoc, UnitDoc, VolunteerDoc, WishDoc } from '../docs'
import { FACILITY_CATEGORIES } from '../../../../types/enums'
import type { ExportKind } from '../../../../types/workbench'
import { assessmentRules } from '../../../_shared/domain/assessment'
import type { Handler } from '../../../_shared/infra/router'
import { maskName } from '../../../_shared/domain/masking'
import { periodRange } from '../../../_shared/domain/period'
import { reportCsv, reportRow } from '../../../_shared/domain/assessmentReport'
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
} from '../domain/csv'
import { assessmentYear, type Range } from '../domain/periods'
import { assessmentSums, byIds, oldestFirst } from '../repo'
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

const inRange = (r: Range) => ({ gte: r.start, lt: r.end })

async function registrations({ community, viewer, range }: Job): Promise<Built> {
  const where = { communityId: community._id, createdAt: { lt: range.end } }
  const [members, units] = await Promise.all([
    oldestFirst<MemberRegistrationDoc>('partyMembers', where, 'createdAt', MAX_ROWS),
    oldestFirst<UnitDoc>('partyUnits', where, 'createdAt', MAX_ROWS)
  ])
  const lines = [...members.map((m) => memberLine(m, viewer)), ...units.map((u) => unitLine(u, viewer))]
  return { csv: toCsv(REGISTRATION_COLUMNS, lines), rows: lines.length }
}

/** The party pillar's 双重考评 report for the period's year; a street admin gets names and phones masked. */
async function assessment({ community, viewer, period, now }: Job): Promise<Built> {
  const year = assessmentYear(period)
  const members = await oldestFirst<MemberRegistrationDoc>(
    'partyMembers',
    // Members approved after the year are not part of its report.
    { communityId: community._id, status: 'approved', approvedAt: { lt: periodRange(year).end } },
    'approvedAt',
    MAX_ROWS
  )
  const openids = members.map((m) => m.openid)
  const [sums, ratings] = await Promise.all([
    assessmentSums(openids, year),
    byIds<RatingDoc>(
      'assessmentRatings',
      openids.map((o) => `${o}_${year}`)
    )
  ])
  const ratingOf = new Map([...ratings.values()].map((r) => [r.openid, r.rating]))
  const ctx = {
    period: year,
    now,
    rules: assessmentRules(community.settings),
    names: { community: () => community.name, grid: () => null },
    fullAccess: !isMasked(viewer)
  }
  const rows = members.map((reg) => {
    const row = reportRow({ reg, sums: sums.get(reg.openid) ?? [], rating: ratingOf.get(reg.openid) ?? null }, ctx)
    return isMasked(viewer) ? { ...row, name: maskName(row.name) } : row
  })
  return { csv: reportCsv(rows), rows: rows.length }
}

async function volunteerRecords({ community, viewer, range }: Job): Promise<Built> {
  const where = { communityId: community._id, status: 'completed', activityStart: inRange(range) }
  const records = await oldestFirst<EnrollmentDoc>('enrollments', where, 'activityStart', MAX_ROWS)
  const people = await byIds<VolunteerDoc>(
    'volunteers',
    records.map((e) => e.openid),
    { volunteerNo: true, realName: true, phone: true, communityId: true }
  )
  const lines = records.map((e) => serviceLine(e, people.get(e.openid) ?? null, viewer))
  return { csv: toCsv(SERVICE_COLUMNS, lines), rows: lines.length }
}

async function redemptions({ community, viewer, range }: Job): Promise<Built> {
  const fields = {
    openid: true,
    goodsName: true,
    merchantName: true,
    quantity: true,
    points: true,
    status: true,
    createdAt: true,
    closedAt: true
  }
  const orders = await oldestFirst<OrderDoc>(
    'redemptions',
    { communityId: community._id, createdAt: inRange(range) },
    'createdAt',
    MAX_ROWS,
    fields
  )
  const people = await byIds<VolunteerDoc>(
    'volunteers',
    orders.map((o) => o.openid),
    { realName: true }
  )
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
  const docs = await oldestFirst<Pick<WishDoc, keyof WishLike>>(
    'wishes',
    { communityId: community._id, createdAt: inRange(range) },
    'createdAt',
    MAX_ROWS,
    WISH_FIELDS
  )
  return { csv: toCsv(WISH_COLUMNS, docs as WishLike[]), rows: docs.length }
}

async function coverageGaps({ community, now }: Job): Promise<Built> {
  const report = await coverageOf({ kind: 'community', id: community._id, name: community.name }, now)
  const categories = new Map(FACILITY_CATEGORIES.map((c) => [c.id as string, { name: c.name, tier: c.tier as number }]))
  const compounds = new Map(report.compounds.map((c) => [c.id, { name: c.name, households: c.households }]))
  const lines = gapLines(report.gaps, categories, compounds)
  return { csv: toCsv(GAP_COLUMNS, lines), rows: lines.length }
}

const BUILDERS: Record<ExportKind, (job: Job) => Promise<Built>> = {
  registrations,
  assessment,
  volunteerRecords,
  redemptions,
  wishes,
  coverageGaps
}

export const exportCsv: Handler<'workbench', 'exportCsv'> = async (input, { caller, now }) => {
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
