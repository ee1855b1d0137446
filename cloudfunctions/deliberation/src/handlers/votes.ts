// Votes: created on an agenda topic, opened with the electorate frozen, ballots cast and changed until the end,
// paper ballots with four eyes, closed by the timer with a recount (docs/pillars/deliberation.md, "Votes").
import { randomUUID } from 'node:crypto'
import { maskName } from '../../../_shared/domain/masking'
import { isStaffOf, personOf, requireStaffOf, type Caller } from '../../../_shared/infra/auth'
import { conflict, denied, invalid } from '../../../_shared/infra/errors'
import { requireOwnFiles } from '../../../_shared/infra/files'
import type { Handler } from '../../../_shared/infra/router'
import { DELIBERATION_LIMITS } from '../../../../types/schemas/deliberation'
import type { BallotDoc, PaperBallotDoc, VoteDoc, VoteRegisterDoc } from '../docs'
import { adjustRunning, checkChoices, MORE_THAN_HALF, optionsOf, outcome } from '../domain/rules'
import { electorate } from '../domain/scope'
import { transition } from '../domain/topic'
import {
  ballotsOf,
  createOnce,
  dueVotes,
  findBallot,
  findBinding,
  findEntry,
  ids,
  inTransaction,
  loadPaper,
  loadTopic,
  loadVote,
  pendingPapers,
  putBallot,
  putEntry,
  updatePaper,
  updateTopic,
  updateVote,
  usersById,
  verifiedBindings,
  votedEntries,
  writeRegister,
  type Tx
} from '../repo'
import { paperView, voteView } from '../views'
import { isGridWorkerOf } from './access'

const DAY = 86_400_000
export const NOT_ELIGIBLE = '您不在本次表决的选民名单中（名单在表决开始时确定）'

/** The register entry the person votes under (their own, or their household's if they were bound to it at opening). */
async function entryOf(vote: VoteDoc, openid: string, tx?: Tx): Promise<VoteRegisterDoc | null> {
  if (!vote.opening || !openid) return null
  const key = vote.per === 'resident' ? openid : (await findBinding(openid, tx))?.householdId
  if (!key) return null
  const entry = await findEntry(vote, key, tx)
  return entry && (!entry.members || entry.members.includes(openid)) ? entry : null
}

/**
 * Casts or replaces the ballot of `openid`'s voter key, in the caller's transaction: the ballot (keyed id),
 * the register entry and the vote's running count change together, so one key has one ballot whatever
 * the concurrency. A later ballot replaces the earlier (per household too: the household's latest).
 */
async function cast(tx: Tx, voteId: string, openid: string, choices: number[], now: Date): Promise<{ changed: boolean }> {
  const vote = await loadVote(voteId, tx)
  if (vote.status !== 'open') throw conflict('表决未在进行中')
  if (new Date(vote.endsAt).getTime() <= now.getTime()) throw conflict('表决已截止')
  const checked = checkChoices(choices, optionsOf(vote.kind, vote.options).length, vote.maxChoices)
  const entry = await entryOf(vote, openid, tx)
  if (!entry) throw denied(NOT_ELIGIBLE)
  const before = await findBallot(tx, vote._id, entry.key)
  const ballot: BallotDoc = vote.secret
    ? { _id: ids.ballot(vote._id, entry.key), voteId: vote._id, choices: checked }
    : { _id: ids.ballot(vote._id, entry.key), voteId: vote._id, choices: checked, key: entry.key, castBy: openid }
  await putBallot(tx, ballot)
  await putEntry(tx, { ...entry, voted: true, castBy: vote.secret ? null : openid })
  await updateVote(tx, vote._id, {
    running: adjustRunning(vote.running, before?.choices ?? null, checked),
    participants: vote.participants + (before ? 0 : 1)
  })
  return { changed: Boolean(before) }
}

async function readerOf(vote: VoteDoc, caller: Caller) {
  const entry = caller.openid ? await entryOf(vote, caller.openid) : null
  return { canVote: Boolean(entry) && vote.status === 'open', voted: Boolean(entry?.voted) }
}

async function openBallots(vote: VoteDoc) {
  if (vote.secret || vote.status !== 'closed') return null
  const ballots = await ballotsOf(vote._id)
  const users = await usersById(ballots.map((b) => b.castBy ?? ''))
  return ballots
    .map((b) => {
      const u = users.get(b.castBy ?? '')
      return { voter: maskName(u?.realName || u?.nickName || '居民'), choices: b.choices }
    })
    .sort((a, b) => (a.voter < b.voter ? -1 : a.voter > b.voter ? 1 : 0))
}

export const createVote: Handler<'deliberation', 'createVote'> = async (input, { caller, now, fingerprint }) => {
  const found = await loadTopic(input.topicId)
  requireStaffOf(caller, found.communityId)
  const endsAt = new Date(input.endsAt)
  if (endsAt.getTime() <= now.getTime() || endsAt.getTime() > now.getTime() + DELIBERATION_LIMITS.maxVoteDays * DAY) {
    throw invalid(`截止时间须在${DELIBERATION_LIMITS.maxVoteDays}天内的未来`, { fields: [{ path: 'endsAt', message: '截止时间不正确' }] })
  }
  const options = optionsOf(input.kind, input.options)
  const maxChoices = input.kind === 'multiple' ? Math.min(input.maxChoices ?? options.length, options.length) : 1
  const vote: VoteDoc = {
    _id: ids.vote(caller.openid, input.requestId),
    topicId: found._id,
    communityId: found.communityId,
    question: input.question,
    kind: input.kind,
    options: input.kind === 'approve' ? [] : input.options,
    maxChoices,
    per: input.per,
    secret: input.secret,
    status: 'draft',
    endsAt,
    validity: input.validity ?? MORE_THAN_HALF,
    passing: input.passing ?? MORE_THAN_HALF,
    createdBy: caller.openid,
    createdAt: now,
    openedAt: null,
    opening: null,
    closedAt: null,
    eligible: 0,
    participants: 0,
    running: new Array<number>(options.length).fill(0),
    result: null
  }
  const stored = await inTransaction(async (tx) => {
    const topic = await loadTopic(input.topicId, tx)
    if (topic.voteId === vote._id) return createOnce('votes', vote, tx, fingerprint)
    if (topic.status !== 'agenda') throw conflict('只有已列入议程的议题可以发起表决')
    if (topic.voteId) throw conflict('该议题已有表决')
    await updateTopic(tx, topic._id, { voteId: vote._id })
    return createOnce('votes', vote, tx, fingerprint)
  })
  return voteView(stored, { canVote: false, voted: false }, null)
}

/**
 * Opens a vote: the electorate is computed now from verified bindings in the topic's scope and written as
 * register entries of this opening; the vote flips to open only after they are all written, so no ballot
 * meets a half-written register. A racing second opening writes entries under its own opening id, which
 * nothing reads once the first has won.
 */
export const openVote: Handler<'deliberation', 'openVote'> = async (input, { caller, now }) => {
  const found = await loadVote(input.voteId)
  requireStaffOf(caller, found.communityId)
  if (found.status !== 'draft') throw conflict('表决已开始')
  if (new Date(found.endsAt).getTime() <= now.getTime()) throw conflict('截止时间已过，请重新发起表决')
  const topic = await loadTopic(found.topicId)
  if (topic.status !== 'agenda') throw conflict('只有已列入议程的议题可以开始表决')
  const entries = electorate(await verifiedBindings(found.communityId), topic, found.per)
  if (!entries.length) throw conflict('该范围内还没有经核实的住户，无法开始表决')
  const opening = randomUUID()
  await writeRegister(found._id, opening, entries)
  const vote = await inTransaction(async (tx) => {
    const v = await loadVote(input.voteId, tx)
    if (v.status !== 'draft') throw conflict('表决已开始')
    const t = await loadTopic(v.topicId, tx)
    await updateTopic(tx, t._id, transition(t, 'openVote', caller.openid, now, null))
    const patch = { status: 'open' as const, opening, openedAt: now, eligible: entries.length }
    await updateVote(tx, v._id, patch)
    return { ...v, ...patch }
  })
  return voteView(vote, await readerOf(vote, caller), null)
}

export const voteDetail: Handler<'deliberation', 'voteDetail'> = async (input, { caller }) => {
  const vote = await loadVote(input.voteId)
  return voteView(vote, await readerOf(vote, caller), await openBallots(vote))
}

export const ballot: Handler<'deliberation', 'ballot'> = async (input, { caller, now }) => {
  const openid = personOf(caller)
  const { changed } = await inTransaction((tx) => cast(tx, input.voteId, openid, input.choices, now))
  return { voted: true as const, changed }
}

// --- paper ballots (four eyes) -------------------------------------------------------------------------

async function paperAnswer(p: PaperBallotDoc) {
  const users = await usersById([p.voterId, p.enteredBy])
  const name = (id: string) => maskName(users.get(id)?.realName || users.get(id)?.nickName || '居民')
  return paperView(p, name(p.voterId), name(p.enteredBy))
}

export const enterPaperBallot: Handler<'deliberation', 'enterPaperBallot'> = async (input, { caller, now, fingerprint }) => {
  const vote = await loadVote(input.voteId)
  if (!isGridWorkerOf(caller, vote.communityId)) throw denied('只有本社区网格员可以录入纸质选票')
  requireOwnFiles([input.photo], caller.openid, { path: 'photo' })
  if (vote.status !== 'open' || new Date(vote.endsAt).getTime() <= now.getTime()) throw conflict('表决未在进行中')
  checkChoices(input.choices, optionsOf(vote.kind, vote.options).length, vote.maxChoices)
  if (!(await entryOf(vote, input.voterId))) throw denied(NOT_ELIGIBLE)
  const paper: PaperBallotDoc = {
    _id: ids.paper(caller.openid, input.requestId),
    voteId: vote._id,
    communityId: vote.communityId,
    voterId: input.voterId,
    choices: input.choices,
    photo: input.photo,
    enteredBy: caller.openid,
    enteredAt: now,
    status: 'pending',
    confirmedBy: null,
    confirmedAt: null
  }
  const stored = await inTransaction((tx) => createOnce('paperBallots', paper, tx, fingerprint))
  return paperAnswer(stored)
}

/** A second staff member (not the one who entered it) confirms: only then is the paper ballot cast. */
export const confirmPaperBallot: Handler<'deliberation', 'confirmPaperBallot'> = async (input, { caller, now }) => {
  const found = await loadPaper(input.paperId)
  requireStaffOf(caller, found.communityId)
  if (found.enteredBy === caller.openid) throw denied('纸质选票须由另一位工作人员确认')
  const confirmed = await inTransaction(async (tx) => {
    const p = await loadPaper(input.paperId, tx)
    if (p.status !== 'pending' || !p.choices) throw conflict('该纸质选票已确认')
    const vote = await loadVote(p.voteId, tx)
    await cast(tx, p.voteId, p.voterId, p.choices, now)
    const patch = { status: 'confirmed' as const, confirmedBy: caller.openid, confirmedAt: now, choices: vote.secret ? null : p.choices }
    await updatePaper(tx, p._id, patch)
    return { ...p, ...patch }
  })
  return paperAnswer(confirmed)
}

export const paperQueue: Handler<'deliberation', 'paperQueue'> = async (input, { caller }) => {
  if (!isStaffOf(caller, input.communityId) && !isGridWorkerOf(caller, input.communityId)) throw denied('只有本社区工作人员可以查看')
  return Promise.all((await pendingPapers(input.communityId)).map(paperAnswer))
}

/**
 * Closes votes past their end: first the status (a ballot racing the close writes the vote document too, so
 * one of the two retries and sees it closed), then the recount from the ballots, compared with the running
 * count, and the topic decided.
 */
export const closeVotes: Handler<'deliberation', 'closeVotes'> = async (_input, { caller, now }) => {
  let closed = 0
  for (const due of await dueVotes(now)) {
    if (!caller.system && !isStaffOf(caller, due.communityId)) continue
    const vote = await inTransaction(async (tx) => {
      const v = await loadVote(due._id, tx)
      if (v.status === 'open' && new Date(v.endsAt).getTime() <= now.getTime()) {
        await updateVote(tx, v._id, { status: 'closed', closedAt: now })
        return { ...v, status: 'closed' as const, closedAt: now }
      }
      return v.status === 'closed' && !v.result ? v : null
    })
    if (!vote) continue
    const ballots = await ballotsOf(vote._id)
    const registered = (await votedEntries(vote)).length
    const result = outcome(vote, ballots)
    // The register's voted count is a third witness: ballots without entries (or the reverse) are a mismatch.
    const checked = { ...result, mismatch: result.mismatch || registered !== ballots.length || vote.participants !== ballots.length }
    await inTransaction(async (tx) => {
      const v = await loadVote(vote._id, tx)
      if (v.result) return
      await updateVote(tx, v._id, { result: checked, participants: checked.participants })
      const t = await loadTopic(v.topicId, tx)
      if (t.status === 'voting') await updateTopic(tx, t._id, { ...transition(t, 'closeVote', 'system', now, null), decidedAt: now })
    })
    closed++
  }
  return { closed }
}
