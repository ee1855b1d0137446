// The deliberation rows of the authorization matrix (matrix.ts explains how to read them). Targets are in
// cm01, compound cp01, building 1 (support/deliberationWorld.ts): only the resident holds a verified household
// there, so the other resident-role kinds (volunteer, member, merchant, unit admin) are refused where taking
// part needs one. Grid workers of either grid of cm01 may enter paper ballots (the scope is the community).
import type { ActionOf } from '../../types'
import type { Input } from '../support/client'
import type { Row } from './matrix'
import { DELIB } from './support/deliberationWorld'
import { codePayload, windowOf } from '../../cloudfunctions/_shared/domain/checkinToken'
import { ids } from '../../cloudfunctions/deliberation/src/docs'
import { CALLER_KINDS, ownPhoto, SECRETS, WHO, type CallerKind } from './support/matrixWorld'

type Rows = { [A in ActionOf<'deliberation'>]?: Row<Input<'deliberation', A>> }

const EVERYONE = CALLER_KINDS
const SIGNED_IN = CALLER_KINDS.filter((k) => k !== 'anonymous' && k !== 'deleted')
const STAFF: readonly CallerKind[] = ['staff']
const TIMER_CALLERS: readonly CallerKind[] = ['staff', 'staffOther']
let serial = 0
const req = () => `hz-dl-${Date.now().toString(36)}-${(++serial).toString(36).padStart(4, '0')}`
const t = DELIB.topic

export const DELIBERATION: Rows = {
  requestHousehold: [
    {
      scope: 'oneself; a verified household answers CONFLICT',
      allow: SIGNED_IN,
      answers: { resident: 'CONFLICT' },
      payload: () => ({ requestId: req(), compoundId: 'cp01', building: '2', room: '201' })
    }
  ],
  myHousehold: [{ scope: 'own binding', allow: SIGNED_IN, payload: () => ({}) }],
  householdQueue: [{ scope: 'cm01’s pending bindings: its staff', allow: STAFF, payload: () => ({ communityId: 'cm01' }) }],
  verifyHousehold: [
    {
      scope: 'a pending binding in cm01: its staff',
      allow: STAFF,
      payload: (w) => ({ bindingId: String(w.docs.householdMembers[1]._id), decision: 'verify' })
    }
  ],
  unbindHousehold: [
    {
      scope: 'a binding in cm01: its staff',
      allow: STAFF,
      payload: (w) => ({ bindingId: String(w.docs.householdMembers[0]._id), reason: '已搬离' })
    }
  ],
  raiseTopic: [
    {
      scope: 'building 1 of cp01: its verified residents and cm01 staff',
      allow: ['resident', 'staff'],
      payload: () => ({
        requestId: req(),
        communityId: 'cm01',
        scope: 'building',
        compoundId: 'cp01',
        building: '1',
        title: '加装电梯',
        description: '上下楼困难'
      })
    }
  ],
  topics: [{ scope: 'public', allow: EVERYONE, payload: () => ({ communityId: 'cm01' }) }],
  topicDetail: [{ scope: 'public', allow: EVERYONE, payload: () => ({ topicId: t.seconding }) }],
  second: [{ scope: 'a seconding topic: verified residents in scope', allow: ['resident'], payload: () => ({ topicId: t.seconding }) }],
  toAgenda: [{ scope: 'a seconding topic of cm01: its staff', allow: STAFF, payload: () => ({ topicId: t.seconding }) }],
  comment: [
    {
      scope: 'a topic of cm01: verified residents in scope and its staff',
      allow: ['resident', 'staff'],
      payload: () => ({ requestId: req(), topicId: t.agenda, stance: 'support', text: '支持' })
    }
  ],
  comments: [{ scope: 'public', allow: EVERYONE, payload: () => ({ topicId: t.agenda }) }],
  flagComment: [
    {
      scope: 'a comment in cm01: its verified residents and staff',
      allow: ['resident', 'staff'],
      payload: () => ({ commentId: DELIB.comment })
    }
  ],
  reviewComment: [{ scope: 'a comment in cm01: its staff', allow: STAFF, payload: () => ({ commentId: DELIB.comment, decision: 'keep' }) }],
  summarize: [{ scope: 'a topic of cm01: its staff', allow: STAFF, payload: () => ({ topicId: t.agenda, summary: '多数支持' }) }],
  expireTopics: [
    {
      scope: 'staff expire their own communities’ topics; the timer all',
      allow: TIMER_CALLERS,
      noWrites: ['staffOther'],
      timer: 'expireTopics',
      payload: () => ({})
    }
  ],
  createVote: [
    {
      scope: 'an agenda topic of cm01: its staff',
      allow: STAFF,
      payload: (w) => ({
        requestId: req(),
        topicId: t.free,
        question: '是否加装电梯',
        kind: 'approve',
        per: 'household',
        secret: true,
        endsAt: new Date(w.now.getTime() + 3 * 86_400_000).toISOString()
      })
    }
  ],
  openVote: [{ scope: 'a draft vote of cm01: its staff', allow: STAFF, payload: () => ({ voteId: DELIB.vote.draft }) }],
  voteDetail: [{ scope: 'public (results only after close)', allow: EVERYONE, payload: () => ({ voteId: DELIB.vote.open }) }],
  ballot: [
    { scope: 'an open vote: its frozen electorate', allow: ['resident'], payload: () => ({ voteId: DELIB.vote.open, choices: [0] }) }
  ],
  enterPaperBallot: [
    {
      scope: 'grid workers of cm01 (any of its grids), for a voter of the frozen electorate',
      allow: ['gridWorker', 'gridWorkerOther'],
      payload: (_w, as) => ({
        requestId: req(),
        voteId: DELIB.vote.open,
        voterId: WHO.resident,
        choices: [0],
        photo: ownPhoto(WHO[as], 'ballot.jpg')
      })
    }
  ],
  confirmPaperBallot: [
    { scope: 'a pending paper ballot of cm01: staff other than its enterer', allow: STAFF, payload: () => ({ paperId: DELIB.paper }) }
  ],
  paperQueue: [
    {
      scope: 'cm01: its staff and grid workers',
      allow: ['staff', 'gridWorker', 'gridWorkerOther'],
      payload: () => ({ communityId: 'cm01' })
    }
  ],
  closeVotes: [
    {
      scope: 'staff close their own communities’ due votes; the timer all',
      allow: TIMER_CALLERS,
      noWrites: ['staffOther'],
      timer: 'closeVotes',
      payload: () => ({})
    }
  ],
  publish: [{ scope: 'a decided topic of cm01: its staff', allow: STAFF, payload: () => ({ topicId: t.decided }) }],
  object: [
    {
      scope: 'a topic in 公示: verified residents in scope',
      allow: ['resident'],
      payload: () => ({ requestId: req(), topicId: t.publicizing, text: '施工噪音' })
    }
  ],
  endPublicity: [
    {
      scope: 'staff end their own communities’ 公示; the timer all',
      allow: TIMER_CALLERS,
      noWrites: ['staffOther'],
      timer: 'endPublicity',
      payload: () => ({})
    }
  ],
  resolve: [
    {
      scope: 'a resolving topic of cm01: its staff',
      allow: STAFF,
      payload: () => ({ topicId: t.resolving, resolution: '加装', steps: ['施工'] })
    }
  ],
  progress: [
    { scope: 'an implementing topic of cm01: its staff', allow: STAFF, payload: () => ({ topicId: t.implementing, step: 0, progress: 50 }) }
  ],
  handOff: [{ scope: 'a resolved topic of cm01: its staff', allow: STAFF, payload: () => ({ topicId: t.resolving }) }],
  scheduleMeeting: [
    {
      scope: 'an agenda topic of cm01: its staff',
      allow: STAFF,
      payload: (w) => ({
        requestId: req(),
        topicId: t.agenda,
        mode: 'inPerson',
        venue: '社区议事厅',
        startsAt: new Date(w.now.getTime() + 86_400_000).toISOString(),
        agenda: ['加装方案']
      })
    }
  ],
  meetingDetail: [{ scope: 'public', allow: EVERYONE, payload: () => ({ meetingId: DELIB.meeting }) }],
  registerMeeting: [
    {
      scope: 'a meeting of cm01: verified residents in its topic’s scope',
      allow: ['resident'],
      payload: () => ({ meetingId: DELIB.meeting })
    }
  ],
  meetingCode: [
    {
      scope: 'own code; a person not registered answers FAILED_PRECONDITION',
      allow: SIGNED_IN,
      answers: Object.fromEntries(SIGNED_IN.filter((k) => k !== 'resident').map((k) => [k, 'FAILED_PRECONDITION'])),
      payload: () => ({ meetingId: DELIB.meeting })
    }
  ],
  signInMeeting: [
    {
      scope: 'a meeting of cm01: its staff scan a registered attendee’s code',
      allow: STAFF,
      payload: () => ({
        meetingId: DELIB.meeting,
        code: codePayload(SECRETS.checkin, 'attendee', ids.attendance(DELIB.meeting, WHO.resident), windowOf(Date.now()))
      })
    }
  ],
  stats: [{ scope: 'cm01: its staff or its street admin', allow: ['staff', 'streetAdmin'], payload: () => ({ communityId: 'cm01' }) }],
  recordMinutes: [
    { scope: 'a meeting of cm01: its staff', allow: STAFF, payload: () => ({ meetingId: DELIB.meeting, minutes: '同意加装' }) }
  ]
}
