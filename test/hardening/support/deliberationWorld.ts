// The deliberation part of the matrix world (all in cm01, compound cp01, building 1): the resident's verified
// household, a pending binding, a topic in every state the actions need, an open vote with the resident in
// its frozen register, a draft vote, a pending paper ballot, a comment; plus due items for the three timers.
import { ids } from '../../../cloudfunctions/deliberation/src/docs'
import { MORE_THAN_HALF } from '../../../cloudfunctions/deliberation/src/domain/rules'
import type { TopicStatus } from '../../../types/schemas/deliberation'

export const DELIB = {
  topic: {
    seconding: 'tpSeconding',
    due: 'tpDue',
    agenda: 'tpAgenda',
    free: 'tpFree',
    voting: 'tpVoting',
    votingDue: 'tpVotingDue',
    decided: 'tpDecided',
    publicizing: 'tpPublic',
    publicDue: 'tpPublicDue',
    resolving: 'tpResolving',
    implementing: 'tpImplementing'
  },
  vote: { open: 'vtOpen', draft: 'vtDraft', due: 'vtDue' },
  comment: 'tcA',
  paper: 'pbPending',
  meeting: 'mtA',
  opening: 'op-matrix'
} as const

export function deliberationDocs(now: Date, who: { resident: string; applicant: string; staff: string; grid: string }) {
  const DAY = 86_400_000
  const later = new Date(now.getTime() + 7 * DAY)
  const earlier = new Date(now.getTime() - DAY)
  const scope = { communityId: 'cm01', scope: 'building', compoundId: 'cp01', building: '1' }
  const binding = (openid: string, status: 'verified' | 'pending', room: string) => ({
    _id: ids.binding(openid),
    openid,
    householdId: ids.household('cp01', '1', room),
    communityId: 'cm01',
    compoundId: 'cp01',
    building: '1',
    room,
    status,
    requestedAt: earlier,
    decidedAt: status === 'verified' ? earlier : null,
    decidedBy: status === 'verified' ? who.staff : null,
    reason: null
  })
  const topic = (_id: string, status: TopicStatus, over: object = {}) => ({
    _id,
    ...scope,
    title: '1号楼加装电梯',
    description: '老人上下楼困难',
    photos: [],
    affected: null,
    source: { kind: 'resident', id: null },
    raisedBy: who.applicant,
    status,
    seconds: 0,
    secondsNeeded: 5,
    secondingEndsAt: status === 'seconding' ? later : null,
    summary: null,
    voteId: null,
    publicUntil: null,
    objections: 0,
    resolution: null,
    steps: [],
    projectHandoff: null,
    raisedAt: earlier,
    decidedAt: null,
    history: [{ at: earlier, who: who.applicant, from: null, to: status, why: null }],
    ...over
  })
  const vote = (_id: string, topicId: string, status: 'draft' | 'open', endsAt: Date) => ({
    _id,
    topicId,
    communityId: 'cm01',
    question: '是否加装电梯',
    kind: 'approve',
    options: [],
    maxChoices: 1,
    per: 'resident',
    secret: true,
    status,
    endsAt,
    validity: MORE_THAN_HALF,
    passing: MORE_THAN_HALF,
    createdBy: who.staff,
    createdAt: earlier,
    openedAt: status === 'open' ? earlier : null,
    opening: status === 'open' ? DELIB.opening : null,
    closedAt: null,
    eligible: status === 'open' ? 1 : 0,
    participants: 0,
    running: [0, 0, 0],
    result: null
  })
  const entry = (voteId: string) => ({
    _id: ids.register(voteId, DELIB.opening, who.resident),
    voteId,
    opening: DELIB.opening,
    key: who.resident,
    members: null,
    voted: false,
    castBy: null
  })
  const t = DELIB.topic
  return {
    householdMembers: [binding(who.resident, 'verified', '101'), binding(who.applicant, 'pending', '102')],
    households: [
      { _id: ids.household('cp01', '1', '101'), communityId: 'cm01', compoundId: 'cp01', building: '1', room: '101', createdAt: earlier }
    ],
    topics: [
      topic(t.seconding, 'seconding'),
      topic(t.due, 'seconding', { secondingEndsAt: earlier }),
      topic(t.agenda, 'agenda', { voteId: DELIB.vote.draft }),
      topic(t.free, 'agenda'),
      topic(t.voting, 'voting', { voteId: DELIB.vote.open }),
      topic(t.votingDue, 'voting', { voteId: DELIB.vote.due }),
      topic(t.decided, 'decided', { decidedAt: earlier }),
      topic(t.publicizing, 'publicizing', { publicUntil: later }),
      topic(t.publicDue, 'publicizing', { publicUntil: earlier }),
      topic(t.resolving, 'resolving'),
      topic(t.implementing, 'implementing', {
        resolution: '加装',
        steps: [{ title: '施工', progress: 0, note: null, photos: [], doneAt: null }]
      })
    ],
    votes: [
      vote(DELIB.vote.open, t.voting, 'open', later),
      vote(DELIB.vote.draft, t.agenda, 'draft', later),
      vote(DELIB.vote.due, t.votingDue, 'open', earlier)
    ],
    voteRegister: [entry(DELIB.vote.open), entry(DELIB.vote.due)],
    topicComments: [
      {
        _id: DELIB.comment,
        topicId: t.agenda,
        communityId: 'cm01',
        authorId: who.applicant,
        author: '孔亮',
        stance: 'support',
        text: '支持加装',
        flags: 0,
        hidden: false,
        reviewed: false,
        removed: false,
        at: earlier
      }
    ],
    meetings: [
      {
        _id: DELIB.meeting,
        topicId: t.agenda,
        communityId: 'cm01',
        mode: 'inPerson',
        startsAt: later,
        venue: '社区议事厅',
        onlineLink: null,
        agenda: ['加装方案'],
        eligible: 1,
        registered: 1,
        attended: 0,
        minutes: null,
        createdBy: who.staff,
        createdAt: earlier
      }
    ],
    meetingAttendance: [
      {
        _id: ids.attendance(DELIB.meeting, who.resident),
        meetingId: DELIB.meeting,
        openid: who.resident,
        registeredAt: earlier,
        signedInAt: null,
        signedInBy: null,
        codeSignature: null
      }
    ],
    paperBallots: [
      {
        _id: DELIB.paper,
        voteId: DELIB.vote.open,
        communityId: 'cm01',
        voterId: who.resident,
        choices: [0],
        photo: `cloud://local-dev/users/${who.grid}/ballot.jpg`,
        enteredBy: who.grid,
        enteredAt: earlier,
        status: 'pending',
        confirmedBy: null,
        confirmedAt: null
      }
    ]
  }
}
