// Document → answer projections. Names are masked for anyone but staff; a secret vote's answer never
// carries a ballot id or a voter next to a choice (docs/pillars/deliberation.md, "Secret votes").
import { iso, isoOrNull } from '../../_shared/domain/dates'
import { maskName } from '../../_shared/domain/masking'
import {
  TOPIC_STATUS_LABELS,
  type CommentView,
  type HouseholdBindingView,
  type PaperBallotView,
  type TopicView,
  type VoteResultView,
  type VoteView
} from '../../../types/schemas/deliberation'
import type { CommentDoc, HouseholdMemberDoc, PaperBallotDoc, TopicDoc, VoteDoc } from './docs'
import { optionsOf } from './domain/rules'

export const bindingView = (b: HouseholdMemberDoc, compoundName: string, resident: string | null): HouseholdBindingView => ({
  bindingId: b._id,
  compoundId: b.compoundId,
  compoundName,
  building: b.building,
  room: b.room,
  status: b.status,
  resident,
  requestedAt: iso(b.requestedAt)
})

export const topicView = (t: TopicDoc, seconded: boolean): TopicView => ({
  topicId: t._id,
  communityId: t.communityId,
  scope: t.scope,
  compoundId: t.compoundId,
  building: t.building,
  title: t.title,
  description: t.description,
  photos: t.photos,
  affected: t.affected,
  source: t.source,
  status: t.status,
  statusLabel: TOPIC_STATUS_LABELS[t.status],
  seconds: t.seconds,
  secondsNeeded: t.secondsNeeded,
  secondingEndsAt: isoOrNull(t.secondingEndsAt),
  seconded,
  summary: t.summary,
  voteId: t.voteId,
  publicUntil: isoOrNull(t.publicUntil),
  objections: t.objections,
  resolution: t.resolution,
  steps: t.steps.map((s) => ({ ...s, doneAt: isoOrNull(s.doneAt) })),
  projectHandoff: t.projectHandoff ? iso(t.projectHandoff.at) : null,
  raisedAt: iso(t.raisedAt),
  decidedAt: isoOrNull(t.decidedAt)
})

export const commentView = (c: CommentDoc, staff: boolean): CommentView => ({
  commentId: c._id,
  stance: c.stance,
  text: c.hidden && !staff ? '该评论因多人举报已暂时隐藏，等待社区审核' : c.text,
  author: staff ? c.author : maskName(c.author),
  hidden: c.hidden,
  flags: staff ? c.flags : null,
  at: iso(c.at)
})

export function voteView(v: VoteDoc, reader: { canVote: boolean; voted: boolean }, openBallots: VoteResultView['ballots']): VoteView {
  return {
    voteId: v._id,
    topicId: v.topicId,
    question: v.question,
    kind: v.kind,
    options: optionsOf(v.kind, v.options),
    maxChoices: v.maxChoices,
    per: v.per,
    secret: v.secret,
    status: v.status,
    endsAt: iso(v.endsAt),
    eligible: v.eligible,
    participants: v.participants,
    canVote: reader.canVote,
    voted: reader.voted,
    result: v.status === 'closed' && v.result ? { ...v.result, eligible: v.eligible, ballots: v.secret ? null : openBallots } : null
  }
}

export const paperView = (p: PaperBallotDoc, voter: string, enteredBy: string): PaperBallotView => ({
  paperId: p._id,
  voteId: p.voteId,
  voter,
  choices: p.choices,
  photo: p.photo,
  enteredBy,
  status: p.status
})
