// Reads and writes of households, topics, comments, votes, the register and ballots: the only module of this
// function that touches the database. Handlers run transactions through `inTransaction` and hand its `tx` here.
import { _ } from '../../_shared/infra/cloud'
import { appSecret } from '../../_shared/infra/secrets'
import {
  coll,
  createOnce,
  getAll,
  getDoc,
  inTransaction,
  loadDoc,
  pageOf,
  putDoc,
  updateDoc,
  type PageInput,
  type Tx
} from '../../_shared/infra/db'
import type { CommunityDoc, CompoundDoc, UserDoc } from '../../_shared/docs'
import type { TopicStatus } from '../../../types/schemas/deliberation'
import {
  type AttendanceDoc,
  type BallotDoc,
  type MeetingDoc,
  type CommentDoc,
  type CommentFlagDoc,
  type HouseholdDoc,
  type HouseholdMemberDoc,
  type ObjectionDoc,
  type PaperBallotDoc,
  type TopicDoc,
  type TopicSecondDoc,
  type VoteDoc,
  type VoteRegisterDoc,
  ids
} from './docs'

export { createOnce, ids, inTransaction, type PageInput, type Tx }

export const loadUser = (openid: string) => getDoc<UserDoc>('users', openid)
export const loadCommunity = (id: string) => getDoc<CommunityDoc>('communities', id)
export const loadCompound = (id: string) => getDoc<CompoundDoc>('compounds', id)
export async function usersById(openids: string[]): Promise<Map<string, UserDoc>> {
  const unique = [...new Set(openids)]
  const out = new Map<string, UserDoc>()
  for (let i = 0; i < unique.length; i += 100) {
    const { data } = await coll('users')
      .where({ _id: _.in(unique.slice(i, i + 100)) })
      .limit(100)
      .get()
    for (const u of data as UserDoc[]) out.set(u._id, u)
  }
  return out
}

// --- households --------------------------------------------------------------------------------------

export const findBinding = (openid: string, tx?: Tx) => getDoc<HouseholdMemberDoc>('householdMembers', ids.binding(openid), tx)
export const findBindingById = (id: string, tx?: Tx) => getDoc<HouseholdMemberDoc>('householdMembers', id, tx)
export const putBinding = (tx: Tx, doc: HouseholdMemberDoc) => putDoc('householdMembers', doc, tx)
export const updateBinding = (tx: Tx, id: string, patch: Partial<HouseholdMemberDoc>) => updateDoc('householdMembers', id, patch, tx)
export const removeBinding = (tx: Tx, id: string) => coll('householdMembers', tx).doc(id).remove()
export const findHousehold = (id: string, tx?: Tx) => getDoc<HouseholdDoc>('households', id, tx)
export const putHousehold = (tx: Tx, doc: HouseholdDoc) => putDoc('households', doc, tx)
export const pendingBindings = (communityId: string, input: PageInput) =>
  pageOf<HouseholdMemberDoc>(coll('householdMembers').where({ communityId, status: 'pending' }).orderBy('requestedAt', 'asc'), input)
export const verifiedBindings = (communityId: string) =>
  getAll<HouseholdMemberDoc>(coll('householdMembers').where({ communityId, status: 'verified' }), 50_000)

// --- topics --------------------------------------------------------------------------------------------

export const TOPIC_NOT_FOUND = '议题不存在'
export const findTopic = (id: string, tx?: Tx) => getDoc<TopicDoc>('topics', id, tx)
export const loadTopic = (id: string, tx?: Tx) => loadDoc<TopicDoc>('topics', id, TOPIC_NOT_FOUND, tx)
export const updateTopic = (tx: Tx, id: string, patch: Partial<TopicDoc>) => updateDoc('topics', id, patch, tx)
export function topicsOf(communityId: string, status: TopicStatus | undefined, input: PageInput) {
  const where = status ? { communityId, status } : { communityId }
  return pageOf<TopicDoc>(coll('topics').where(where).orderBy('raisedAt', 'desc'), input)
}
export const findSecond = (topicId: string, openid: string, tx?: Tx) =>
  getDoc<TopicSecondDoc>('topicSeconds', ids.second(topicId, openid), tx)
export const putSecond = (tx: Tx, doc: TopicSecondDoc) => putDoc('topicSeconds', doc, tx)
export const dueSeconding = (now: Date) =>
  getAll<TopicDoc>(coll('topics').where({ status: 'seconding', secondingEndsAt: _.lte(now) }), 1000)
export const duePublicity = (now: Date) => getAll<TopicDoc>(coll('topics').where({ status: 'publicizing', publicUntil: _.lte(now) }), 1000)

// --- comments and objections ---------------------------------------------------------------------------

export const findComment = (id: string, tx?: Tx) => getDoc<CommentDoc>('topicComments', id, tx)
export const loadComment = (id: string, tx?: Tx) => loadDoc<CommentDoc>('topicComments', id, '评论不存在', tx)
export const updateComment = (tx: Tx, id: string, patch: Partial<CommentDoc>) => updateDoc('topicComments', id, patch, tx)
export const commentsOf = (topicId: string, input: PageInput) =>
  pageOf<CommentDoc>(coll('topicComments').where({ topicId, removed: false }).orderBy('at', 'asc'), input)
export const findFlag = (commentId: string, openid: string, tx?: Tx) =>
  getDoc<CommentFlagDoc>('commentFlags', ids.flag(commentId, openid), tx)
export const putFlag = (tx: Tx, doc: CommentFlagDoc) => putDoc('commentFlags', doc, tx)
export const createObjection = (tx: Tx, doc: ObjectionDoc, fingerprint?: string) => createOnce('topicObjections', doc, tx, fingerprint)

// --- votes -----------------------------------------------------------------------------------------------

export const VOTE_NOT_FOUND = '表决不存在'
export const findVote = (id: string, tx?: Tx) => getDoc<VoteDoc>('votes', id, tx)
export const loadVote = (id: string, tx?: Tx) => loadDoc<VoteDoc>('votes', id, VOTE_NOT_FOUND, tx)
export const updateVote = (tx: Tx, id: string, patch: Partial<VoteDoc>) => updateDoc('votes', id, patch, tx)
/** Open votes past their end, and closed ones whose result a crash left unwritten. */
export const dueVotes = async (now: Date) => [
  ...(await getAll<VoteDoc>(coll('votes').where({ status: 'open', endsAt: _.lte(now) }), 1000)),
  ...(await getAll<VoteDoc>(coll('votes').where({ status: 'closed', result: null }), 1000))
]

export const findEntry = (vote: Pick<VoteDoc, '_id' | 'opening'>, key: string, tx?: Tx) =>
  getDoc<VoteRegisterDoc>('voteRegister', ids.register(vote._id, vote.opening ?? '', key), tx)
export const putEntry = (tx: Tx, doc: VoteRegisterDoc) => putDoc('voteRegister', doc, tx)
/** Writes the frozen electorate (idempotent: a retried opening writes the same documents). */
export async function writeRegister(
  voteId: string,
  opening: string,
  entries: Array<{ key: string; members: string[] | null }>
): Promise<void> {
  const BATCH = 20
  for (let i = 0; i < entries.length; i += BATCH) {
    await Promise.all(
      entries.slice(i, i + BATCH).map(({ key, members }) => {
        const doc: VoteRegisterDoc = { _id: ids.register(voteId, opening, key), voteId, opening, key, members, voted: false, castBy: null }
        return putDoc('voteRegister', doc)
      })
    )
  }
}
export const votedEntries = (vote: Pick<VoteDoc, '_id' | 'opening'>) =>
  getAll<VoteRegisterDoc>(coll('voteRegister').where({ voteId: vote._id, opening: vote.opening, voted: true }), 50_000)

export const findBallot = (tx: Tx, voteId: string, key: string) => getDoc<BallotDoc>('ballots', ids.ballot(voteId, key), tx)
export const putBallot = (tx: Tx, doc: BallotDoc) => putDoc('ballots', doc, tx)
export const ballotsOf = (voteId: string) => getAll<BallotDoc>(coll('ballots').where({ voteId }), 50_000)

export const findPaper = (id: string, tx?: Tx) => getDoc<PaperBallotDoc>('paperBallots', id, tx)
export const loadPaper = (id: string, tx?: Tx) => loadDoc<PaperBallotDoc>('paperBallots', id, '纸质选票不存在', tx)
export const updatePaper = (tx: Tx, id: string, patch: Partial<PaperBallotDoc>) => updateDoc('paperBallots', id, patch, tx)
export const pendingPapers = (communityId: string) =>
  getAll<PaperBallotDoc>(coll('paperBallots').where({ communityId, status: 'pending' }).orderBy('enteredAt', 'asc'), 500)

// --- meetings ---------------------------------------------------------------------------------------------

export const loadMeeting = (id: string, tx?: Tx) => loadDoc<MeetingDoc>('meetings', id, '会议不存在', tx)
export const updateMeeting = (tx: Tx, id: string, patch: Partial<MeetingDoc>) => updateDoc('meetings', id, patch, tx)
export const findAttendance = (meetingId: string, openid: string, tx?: Tx) =>
  getDoc<AttendanceDoc>('meetingAttendance', ids.attendance(meetingId, openid), tx)
export const findAttendanceById = (id: string, tx?: Tx) => getDoc<AttendanceDoc>('meetingAttendance', id, tx)
export const putAttendance = (tx: Tx, doc: AttendanceDoc) => putDoc('meetingAttendance', doc, tx)
export const updateAttendance = (tx: Tx, id: string, patch: Partial<AttendanceDoc>) => updateDoc('meetingAttendance', id, patch, tx)
export const attendanceIds = async (meetingId: string) =>
  (await getAll<AttendanceDoc>(coll('meetingAttendance').where({ meetingId }), 5000)).map((a) => a._id)
export const checkinSecret = () => appSecret('checkin')

// --- figures ----------------------------------------------------------------------------------------------

export const allTopicsOf = (communityId: string) => getAll<TopicDoc>(coll('topics').where({ communityId }), 20_000)
export const closedVotesOf = (communityId: string) => getAll<VoteDoc>(coll('votes').where({ communityId, status: 'closed' }), 20_000)
