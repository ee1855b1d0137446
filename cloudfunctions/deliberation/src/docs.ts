// Stored shapes of the deliberation pillar (docs/pillars/deliberation.md). Voters' identities live in
// `voteRegister` only; a secret vote's `ballots` hold choices and an opaque keyed id, nothing that joins them.
import { opaqueId } from '../../_shared/infra/ids'
import type {
  HouseholdStatus,
  MeetingMode,
  Stance,
  TopicScopeLevel,
  TopicStatus,
  VoteKind,
  VoteStatus
} from '../../../types/schemas/deliberation'

export interface HouseholdDoc {
  _id: string
  communityId: string
  compoundId: string
  building: string
  room: string
  createdAt: Date
}

/** A resident's binding to a household; one per person (`_id` = opaqueId('hm', openid)). */
export interface HouseholdMemberDoc {
  _id: string
  openid: string
  householdId: string
  communityId: string
  compoundId: string
  building: string
  room: string
  status: HouseholdStatus
  requestedAt: Date
  decidedAt: Date | null
  decidedBy: string | null
  reason: string | null
  requestFingerprint?: string
}

export interface TopicHistoryEntry {
  at: Date
  who: string
  from: TopicStatus | null
  to: TopicStatus
  why: string | null
}

export interface TopicStep {
  title: string
  progress: number
  note: string | null
  photos: string[]
  doneAt: Date | null
}

export interface TopicDoc {
  _id: string
  communityId: string
  scope: TopicScopeLevel
  compoundId: string | null
  building: string | null
  title: string
  description: string
  photos: string[]
  affected: string | null
  source: { kind: 'resident' | 'staff' | 'reportHotspot'; id: string | null }
  raisedBy: string
  status: TopicStatus
  seconds: number
  secondsNeeded: number
  secondingEndsAt: Date | null
  summary: string | null
  voteId: string | null
  publicUntil: Date | null
  objections: number
  resolution: string | null
  steps: TopicStep[]
  projectHandoff: { at: Date; by: string } | null
  raisedAt: Date
  decidedAt: Date | null
  history: TopicHistoryEntry[]
  requestFingerprint?: string
}

export interface TopicSecondDoc {
  _id: string
  topicId: string
  openid: string
  at: Date
}

export interface CommentDoc {
  _id: string
  topicId: string
  communityId: string
  authorId: string
  author: string
  stance: Stance
  text: string
  flags: number
  hidden: boolean
  /** Staff kept it after review: later flags no longer hide it. */
  reviewed: boolean
  removed: boolean
  at: Date
  requestFingerprint?: string
}

export interface CommentFlagDoc {
  _id: string
  commentId: string
  openid: string
  at: Date
}

export interface ObjectionDoc {
  _id: string
  topicId: string
  openid: string
  text: string
  at: Date
  requestFingerprint?: string
}

export interface Fraction {
  num: number
  den: number
  strict: boolean
}

export interface VoteDoc {
  _id: string
  topicId: string
  communityId: string
  question: string
  kind: VoteKind
  options: string[]
  maxChoices: number
  per: 'resident' | 'household'
  secret: boolean
  status: VoteStatus
  endsAt: Date
  validity: Fraction
  passing: Fraction
  createdBy: string
  createdAt: Date
  openedAt: Date | null
  /** The opening whose register entries are the electorate. */
  opening: string | null
  closedAt: Date | null
  eligible: number
  participants: number
  /** Kept with each ballot in its transaction; compared with the recount at close. */
  running: number[]
  result: { tally: number[]; participants: number; valid: boolean; passed: number[]; mismatch: boolean } | null
  requestFingerprint?: string
}

/** One entry of the frozen electorate: `key` is an openid (per resident) or a household id (per household). */
export interface VoteRegisterDoc {
  _id: string
  voteId: string
  /** The opening that wrote it (a retried or racing opening writes its own; only the winner's count). */
  opening: string
  key: string
  /** Per household: the residents bound to it at opening, who alone may cast its ballot. */
  members: string[] | null
  voted: boolean
  /** Open votes only: who last cast it (for per-household, the resident). Secret votes: null. */
  castBy: string | null
}

/** A ballot. Secret: `choices` only; open: also the key and who cast it. */
export interface BallotDoc {
  _id: string
  voteId: string
  choices: number[]
  key?: string
  castBy?: string
}

export interface PaperBallotDoc {
  _id: string
  voteId: string
  communityId: string
  voterId: string
  /** Removed on confirmation of a secret vote's paper ballot. */
  choices: number[] | null
  photo: string
  enteredBy: string
  enteredAt: Date
  status: 'pending' | 'confirmed'
  confirmedBy: string | null
  confirmedAt: Date | null
  requestFingerprint?: string
}

/** A meeting (议事会) on a topic; `eligible` is frozen when it is scheduled (the live quorum's base). */
export interface MeetingDoc {
  _id: string
  topicId: string
  communityId: string
  mode: MeetingMode
  startsAt: Date
  venue: string | null
  onlineLink: string | null
  agenda: string[]
  eligible: number
  registered: number
  attended: number
  minutes: string | null
  createdBy: string
  createdAt: Date
  requestFingerprint?: string
}

/** One person's registration and sign-in; `_id` = opaqueId('ma', meetingId, openid), the subject of their code. */
export interface AttendanceDoc {
  _id: string
  meetingId: string
  openid: string
  registeredAt: Date
  signedInAt: Date | null
  signedInBy: string | null
  /** The signature of the code used, so one code signs in once. */
  codeSignature: string | null
}

/** Document ids: derived from their parts so retries and races land on one document (keyed: see infra/ids.ts). */
export const ids = {
  household: (compoundId: string, building: string, room: string) => opaqueId('hh', compoundId, building, room),
  binding: (openid: string) => opaqueId('hm', openid),
  topic: (openid: string, requestId: string) => opaqueId('tp', openid, requestId),
  second: (topicId: string, openid: string) => opaqueId('ts', topicId, openid),
  comment: (openid: string, requestId: string) => opaqueId('tc', openid, requestId),
  flag: (commentId: string, openid: string) => opaqueId('cf', commentId, openid),
  objection: (openid: string, requestId: string) => opaqueId('to', openid, requestId),
  vote: (openid: string, requestId: string) => opaqueId('vt', openid, requestId),
  register: (voteId: string, opening: string, key: string) => opaqueId('vr', voteId, opening, key),
  /** Keyed with the `ids` secret: only the function can find a voter's ballot to replace it. */
  ballot: (voteId: string, key: string) => opaqueId('bl', voteId, key),
  paper: (openid: string, requestId: string) => opaqueId('pb', openid, requestId),
  meeting: (openid: string, requestId: string) => opaqueId('mt', openid, requestId),
  attendance: (meetingId: string, openid: string) => opaqueId('ma', meetingId, openid)
}
