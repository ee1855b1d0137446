// Assessment (党员积分): a member's points and record, staff ratings, the 双重考评 report for a unit or a
// community (rows and CSV), and the member card (亮身份、亮承诺).
import type { ReportRow } from '../../../../types/schemas/party'
import { checkRating, maxRating, ratingHalf, renewedIn, totalsOf } from '../../../_shared/domain/assessment'
import { reportCsv, reportFilename, reportRow } from '../../../_shared/domain/assessmentReport'
import { assessmentPeriod, halfYear, periodRange } from '../../../_shared/domain/period'
import { hasGrant, isStaffOf, personOf, requireStaffOf, type Caller } from '../../../_shared/infra/auth'
import { denied, notFound, precondition } from '../../../_shared/infra/errors'
import type { Handler } from '../../../_shared/infra/router'
import type { MemberRegistrationDoc, RatingDoc } from '../docs'
import {
  approvedMembersPage,
  entriesPage,
  findCommunity,
  findRating,
  findRegistration,
  inTransaction,
  loadCommunity,
  loadMembership,
  loadRegistration,
  loadUnit,
  namesFor,
  put,
  ratingsByIds,
  rulesOf,
  sumsByPerson,
  type PageInput
} from '../repo'
import { entryView, memberCardView, ratingView } from '../views'
import { requireUnitViewer } from './units'

const ratingId = (openid: string, period: string) => `${openid}_${period}`

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

export const assessment: Handler<'party', 'assessment'> = async (input, { caller, now }) => {
  const reg = await subjectOf(caller, input.registrationId)
  const period = input.period ?? assessmentPeriod(now)
  const [community, sums, rating, entries] = await Promise.all([
    findCommunity(reg.communityId),
    sumsByPerson([reg.openid], period),
    findRating(ratingId(reg.openid, period)),
    entriesPage(reg.openid, period, input)
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
    rating: rating ? ratingView(rating) : null,
    renewal: { half, renewed: renewedIn(reg.renewedHalves, half) },
    maxRating: maxRating(reg.renewedHalves, period, now),
    entries: { items: entries.items.map(entryView), nextCursor: entries.nextCursor }
  }
}

export const rate: Handler<'party', 'rate'> = async (input, { caller, now }) => {
  const found = await loadRegistration(input.registrationId)
  requireStaffOf(caller, found.communityId)
  const saved = await inTransaction(async (tx) => {
    const reg = await loadRegistration(input.registrationId, tx)
    if (reg.status !== 'approved') throw precondition('只能评定已通过报到的党员')
    checkRating(input.rating, reg.renewedHalves, input.period, now)
    const id = ratingId(reg.openid, input.period)
    const previous = await findRating(id, tx)
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
      history: [
        ...(previous?.history ?? []),
        { by: caller.openid, at: now, from: previous?.rating ?? null, to: input.rating, why: input.comment || null }
      ]
    }
    await put('assessmentRatings', doc, tx)
    return doc
  })
  return ratingView(saved)
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
  const unit = await loadUnit(unitId)
  requireUnitViewer(caller, unit)
  return { kind: 'unit', id: unit._id, name: unit.name, communityId: unit.communityId, fullAccess: isStaffOf(caller, unit.communityId) }
}

async function communityScope(caller: Caller, communityId: string): Promise<Scope> {
  requireStaffOf(caller, communityId)
  const community = await loadCommunity(communityId)
  return { kind: 'community', id: community._id, name: community.name, communityId, fullAccess: true }
}

/** One page of report rows: members from the index, their sums from one aggregation, their ratings by id. */
async function reportPage(
  scope: Scope,
  period: string,
  page: PageInput,
  now: Date
): Promise<{ rows: ReportRow[]; nextCursor: string | null }> {
  const members = await approvedMembersPage(scope, page, periodRange(period).end)
  const openids = members.items.map((m) => m.openid)
  const [sums, ratings, names, community] = await Promise.all([
    sumsByPerson(openids, period),
    ratingsByIds(openids.map((o) => ratingId(o, period))),
    namesFor(members.items.map((m) => m.communityId)),
    findCommunity(scope.communityId)
  ])
  const ratingOf = new Map(ratings.map((r) => [r.openid, r.rating]))
  const ctx = { period, now, rules: rulesOf(community), names, fullAccess: scope.fullAccess }
  const rows = members.items.map((reg) =>
    reportRow({ reg, sums: sums.get(reg.openid) ?? [], rating: ratingOf.get(reg.openid) ?? null }, ctx)
  )
  return { rows, nextCursor: members.nextCursor }
}

async function report(scope: Scope, period: string, page: PageInput, now: Date) {
  const [{ rows, nextCursor }, community] = await Promise.all([reportPage(scope, period, page, now), findCommunity(scope.communityId)])
  return { period, scope: { kind: scope.kind, id: scope.id, name: scope.name }, rules: rulesOf(community), rows, nextCursor }
}

export const unitReport: Handler<'party', 'unitReport'> = async (input, { caller, now }) =>
  report(await unitScope(caller, input.unitId), input.period, input, now)

export const communityReport: Handler<'party', 'communityReport'> = async (input, { caller, now }) =>
  report(await communityScope(caller, input.communityId), input.period, input, now)

const CSV_PAGE = 50
const CSV_MAX_ROWS = 5000

export const csvReport: Handler<'party', 'reportCsv'> = async (input, { caller, now }) => {
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

const NO_CARD = '该党员未报到或未通过审核'

/** Who may see a member's card: the member, the staff of their community, the admins of their unit. */
const mayViewCard = (caller: Caller, reg: MemberRegistrationDoc) =>
  reg.openid === caller.openid ||
  isStaffOf(caller, reg.communityId) ||
  (!!reg.unitId && hasGrant(caller, 'unitAdmin', { unitId: reg.unitId }))

/** The current approved registration behind a member id; one NOT_FOUND for "no such member" and "not yours to see". */
async function cardSubject(caller: Caller, memberId: string): Promise<MemberRegistrationDoc> {
  const reg = await findRegistration(memberId)
  const membership = reg && (await loadMembership(reg.openid))
  const current = reg && membership?.status === 'approved' && membership.registrationId === reg._id
  if (!reg || !current || !mayViewCard(caller, reg)) throw notFound(NO_CARD)
  return reg
}

async function ownCardSubject(caller: Caller): Promise<MemberRegistrationDoc> {
  const membership = await loadMembership(personOf(caller))
  if (membership?.status !== 'approved') throw notFound('您的报到尚未通过审核')
  return loadRegistration(membership.registrationId)
}

export const memberCard: Handler<'party', 'memberCard'> = async (input, { caller, now }) => {
  const reg = input.memberId ? await cardSubject(caller, input.memberId) : await ownCardSubject(caller)
  const names = await namesFor([reg.communityId], [reg.gridId])
  const isSelf = reg.openid === caller.openid
  return memberCardView(reg, names, { isSelf, fullName: isSelf || isStaffOf(caller, reg.communityId), half: halfYear(now) })
}
