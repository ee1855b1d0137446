// Assessment (党员积分): a member's points and record, staff ratings, the 双重考评 report for a unit or a
// community (rows and CSV), and the member card (亮身份、亮承诺).
import type { z } from 'zod'
import { RATING_LABELS } from '../../../../types'
import type {
  Assessment,
  AssessmentEntry,
  AssessmentInput,
  MemberCard,
  RateInput,
  RatingView,
  Report,
  ReportCsv,
  ReportRow
} from '../../../../types/schemas/party'
import { ASSESSMENT_SOURCE_LABELS } from '../../../../types/schemas/party'
import type { AssessmentEntryDoc } from '../../../_shared/domain/assessment'
import { isStaffOf, personOf, requireStaffOf, type Caller } from '../../../_shared/infra/auth'
import { _ } from '../../../_shared/infra/cloud'
import { coll, getDoc, inTransaction } from '../../../_shared/infra/db'
import type { CommunityDoc } from '../../../_shared/docs'
import { denied, notFound, precondition } from '../../../_shared/infra/errors'
import { maskName } from '../../../_shared/domain/masking'
import { assessmentPeriod, halfYear } from '../../../_shared/domain/period'
import type { Ctx } from '../../../_shared/infra/router'
import type { MemberRegistrationDoc, RatingDoc, UnitDoc } from '../docs'
import { checkRating, maxRating, ratingHalf, totalsOf } from '../domain/assessment'
import { renewedIn } from '../domain/registration'
import { reportCsv, reportFilename, reportRow } from '../domain/report'
import { isoOrNull } from '../../../_shared/domain/dates'
import { loadCommunity, loadMembership, loadRegistration, loadUnit, namesFor, pageOf, put, rulesOf, sumsByPerson, type PageInput } from '../repo'
import { requireUnitViewer } from './units'

const ratingId = (openid: string, period: string) => `${openid}_${period}`

const ratingView = (doc: RatingDoc | null): RatingView | null =>
  doc ? { rating: doc.rating, label: RATING_LABELS[doc.rating], comment: doc.comment, at: isoOrNull(doc.at) ?? '' } : null

const entryView = (e: AssessmentEntryDoc): AssessmentEntry => ({
  id: e._id,
  source: e.source,
  sourceLabel: ASSESSMENT_SOURCE_LABELS[e.source] ?? e.source,
  points: e.points,
  hours: e.hours ?? 0,
  reason: e.reason,
  at: isoOrNull(e.at) ?? ''
})

/** The registration an assessment is about: the caller's own, or (for staff) one of their community. */
async function subjectOf(caller: Caller, registrationId: string | undefined): Promise<MemberRegistrationDoc> {
  if (registrationId) {
    const reg = await loadRegistration(registrationId)
    if (reg.openid !== caller.openid && !isStaffOf(caller, reg.communityId)) throw denied('只能查看本人或本社区党员的积分')
    return reg
  }
  const membership = await loadMembership(personOf(caller))
  if (!membership) throw notFound('您还没有报到记录')
  return loadRegistration(membership.registrationId)
}

export async function assessment(input: z.output<typeof AssessmentInput>, { caller, now }: Ctx): Promise<Assessment> {
  const reg = await subjectOf(caller, input.registrationId)
  const period = input.period ?? assessmentPeriod(now)
  const [community, sums, rating, entries] = await Promise.all([
    getDoc<CommunityDoc>('communities', reg.communityId),
    sumsByPerson([reg.openid], period),
    getDoc<RatingDoc>('assessmentRatings', ratingId(reg.openid, period)),
    pageOf<AssessmentEntryDoc>(coll('assessmentEntries').where({ openid: reg.openid, period }).orderBy('at', 'desc').orderBy('_id', 'asc'), input)
  ])
  const rules = rulesOf(community)
  const half = ratingHalf(period, now)
  return {
    period,
    registrationId: reg._id,
    name: reg.name,
    communityName: community?.name ?? '',
    rules,
    totals: totalsOf(sums.get(reg.openid) ?? [], rules),
    rating: ratingView(rating),
    renewal: { half, renewed: renewedIn(reg.renewedHalves, half) },
    maxRating: maxRating(reg.renewedHalves, period, now),
    entries: { items: entries.items.map(entryView), nextCursor: entries.nextCursor }
  }
}

export async function rate(input: z.output<typeof RateInput>, { caller, now }: Ctx): Promise<RatingView> {
  const found = await loadRegistration(input.registrationId)
  requireStaffOf(caller, found.communityId)
  const saved = await inTransaction(async (tx) => {
    const reg = await loadRegistration(input.registrationId, tx)
    if (reg.status !== 'approved') throw precondition('只能评定已通过报到的党员')
    checkRating(input.rating, reg.renewedHalves, input.period, now)
    const id = ratingId(reg.openid, input.period)
    const previous = await getDoc<RatingDoc>('assessmentRatings', id, tx)
    const doc: RatingDoc = {
      _id: id,
      openid: reg.openid,
      registrationId: reg._id,
      communityId: reg.communityId,
      unitId: reg.unitId,
      period: input.period,
      rating: input.rating,
      comment: input.comment || null,
      by: caller.openid,
      at: now,
      history: [...(previous?.history ?? []), { by: caller.openid, at: now, from: previous?.rating ?? null, to: input.rating, why: input.comment || null }]
    }
    await put('assessmentRatings', doc, tx)
    return doc
  })
  return ratingView(saved) as RatingView
}

// --- reports ---------------------------------------------------------------------------------------

interface Scope {
  kind: 'unit' | 'community'
  id: string
  name: string
  communityId: string
  /** Staff of the community see phone numbers; a unit admin sees them masked. */
  fullAccess: boolean
}

async function unitScope(caller: Caller, unitId: string): Promise<Scope> {
  const unit: UnitDoc = await loadUnit(unitId)
  requireUnitViewer(caller, unit)
  return { kind: 'unit', id: unit._id, name: unit.name, communityId: unit.communityId, fullAccess: isStaffOf(caller, unit.communityId) }
}

async function communityScope(caller: Caller, communityId: string): Promise<Scope> {
  requireStaffOf(caller, communityId)
  const community = await loadCommunity(communityId)
  return { kind: 'community', id: community._id, name: community.name, communityId, fullAccess: true }
}

const membersOf = (scope: Scope) =>
  coll('partyMembers')
    .where(scope.kind === 'unit' ? { unitId: scope.id, status: 'approved' } : { communityId: scope.id, status: 'approved' })
    .orderBy('approvedAt', 'asc')
    .orderBy('_id', 'asc')

/** One page of report rows: members from the index, their sums from one aggregation, their ratings by id. */
async function reportPage(scope: Scope, period: string, page: PageInput, now: Date): Promise<{ rows: ReportRow[]; nextCursor: string | null }> {
  const members = await pageOf<MemberRegistrationDoc>(membersOf(scope), page)
  const openids = members.items.map((m) => m.openid)
  const [sums, ratings, names, community] = await Promise.all([
    sumsByPerson(openids, period),
    openids.length
      ? coll('assessmentRatings').where({ _id: _.in(openids.map((o) => ratingId(o, period))) }).limit(openids.length).get()
      : { data: [] },
    namesFor(members.items.map((m) => m.communityId)),
    getDoc<CommunityDoc>('communities', scope.communityId)
  ])
  const ratingOf = new Map((ratings.data as RatingDoc[]).map((r) => [r.openid, r.rating]))
  const ctx = { period, now, rules: rulesOf(community), names, fullAccess: scope.fullAccess }
  const rows = members.items.map((reg) => reportRow({ reg, sums: sums.get(reg.openid) ?? [], rating: ratingOf.get(reg.openid) ?? null }, ctx))
  return { rows, nextCursor: members.nextCursor }
}

async function report(scope: Scope, period: string, page: PageInput, now: Date): Promise<Report> {
  const [{ rows, nextCursor }, community] = await Promise.all([reportPage(scope, period, page, now), getDoc<CommunityDoc>('communities', scope.communityId)])
  return { period, scope: { kind: scope.kind, id: scope.id, name: scope.name }, rules: rulesOf(community), rows, nextCursor }
}

export const unitReport = async (input: { unitId: string; period: string } & PageInput, { caller, now }: Ctx) =>
  report(await unitScope(caller, input.unitId), input.period, input, now)

export const communityReport = async (input: { communityId: string; period: string } & PageInput, { caller, now }: Ctx) =>
  report(await communityScope(caller, input.communityId), input.period, input, now)

const CSV_PAGE = 50
const CSV_MAX_ROWS = 5000

export async function csvReport(input: { unitId?: string; communityId?: string; period: string }, { caller, now }: Ctx): Promise<ReportCsv> {
  const scope = input.unitId ? await unitScope(caller, input.unitId) : await communityScope(caller, input.communityId as string)
  const rows: ReportRow[] = []
  let cursor: string | undefined
  do {
    const page = await reportPage(scope, input.period, { limit: CSV_PAGE, cursor }, now)
    rows.push(...page.rows)
    cursor = page.nextCursor ?? undefined
  } while (cursor && rows.length < CSV_MAX_ROWS)
  return { filename: reportFilename(scope.name, input.period), csv: reportCsv(rows), rows: rows.length }
}

// --- member card (亮身份、亮承诺) --------------------------------------------------------------------

export async function memberCard(input: { openid?: string }, { caller, now }: Ctx): Promise<MemberCard> {
  const openid = input.openid ?? personOf(caller)
  const membership = await loadMembership(openid)
  if (membership?.status !== 'approved') throw notFound(openid === caller.openid ? '您的报到尚未通过审核' : '该党员未报到或未通过审核')
  const reg = await loadRegistration(membership.registrationId)
  const names = await namesFor([reg.communityId], [reg.gridId])
  const isSelf = openid === caller.openid
  const fullName = isSelf || isStaffOf(caller, reg.communityId)
  return {
    openid,
    displayName: fullName ? reg.name : maskName(reg.name),
    communityName: names.community(reg.communityId),
    workUnit: reg.workUnit,
    branch: reg.branch,
    pledge: reg.pledge,
    gridName: names.grid(reg.gridId),
    approvedAt: isoOrNull(reg.approvedAt),
    renewedThisHalf: renewedIn(reg.renewedHalves, halfYear(now)),
    isSelf
  }
}
