// deliberation: households, topics, consultation and votes (协商议事 · 居民议事会), docs/pillars/deliberation.md.
import { z } from 'zod'
import { action } from '../contract'
import { dateTime, fileId, id, int, optionalText, page, requestId, text, type Page } from './common'

// --- enums and labels (zod-free consumers import them from here) ------------------------------------

export const TOPIC_STATUSES = [
  'seconding',
  'expired',
  'agenda',
  'voting',
  'decided',
  'publicizing',
  'resolving',
  'implementing',
  'done'
] as const
export type TopicStatus = (typeof TOPIC_STATUSES)[number]
export const TOPIC_STATUS_LABELS: Record<TopicStatus, string> = {
  seconding: '征集附议',
  expired: '附议未满已过期',
  agenda: '已列入议程',
  voting: '表决中',
  decided: '已表决',
  publicizing: '公示中',
  resolving: '待形成决议',
  implementing: '实施中',
  done: '已完成'
}
export const TOPIC_SCOPES = ['building', 'compound', 'community'] as const
export type TopicScopeLevel = (typeof TOPIC_SCOPES)[number]
export const STANCES = ['support', 'oppose', 'neutral'] as const
export type Stance = (typeof STANCES)[number]
export const STANCE_LABELS: Record<Stance, string> = { support: '支持', oppose: '反对', neutral: '中立' }
export const VOTE_KINDS = ['single', 'multiple', 'approve'] as const
export type VoteKind = (typeof VOTE_KINDS)[number]
export const VOTE_STATUSES = ['draft', 'open', 'closed'] as const
export type VoteStatus = (typeof VOTE_STATUSES)[number]
export const HOUSEHOLD_STATUSES = ['pending', 'verified', 'rejected'] as const
export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number]

export const DELIBERATION_LIMITS = {
  title: 40,
  description: 1000,
  comment: 500,
  photos: 9,
  options: 10,
  optionLabel: 40,
  summary: 2000,
  steps: 20,
  /** A resident's topic: seconds needed and the days to gather them, unless the topic says otherwise. */
  defaultSecondsNeeded: 5,
  defaultSecondingDays: 14,
  maxSecondingDays: 60,
  /** Flags from distinct people that hide a comment until staff review it. */
  flagsToHide: 3,
  /** 公示 lasts at least this many working days. */
  publicityWorkingDays: 5,
  maxVoteDays: 60
} as const

const topicId = id('议题编号')
const voteId = id('表决编号')
const photos = (label: string, min = 0) =>
  z
    .array(fileId, { invalid_type_error: `${label}格式不正确` })
    .max(DELIBERATION_LIMITS.photos, `${label}最多${DELIBERATION_LIMITS.photos}张`)
    .refine((p) => p.length >= min, `请上传至少${min}张${label}`)
const building = text('楼栋', { max: 20 })
const room = text('门牌号', { max: 20 })

/** A fraction rule: more than (strict) or at least num/den of the base. The law's rule is { 1, 2, strict }. */
export const Fraction = z.object({
  num: int('比例分子', 1, 99),
  den: int('比例分母', 1, 100),
  strict: z.boolean().default(true)
})

// --- inputs --------------------------------------------------------------------------------------

export const RequestHouseholdInput = z.object({ requestId, compoundId: id('小区'), building, room })
export const VerifyHouseholdInput = z.object({
  bindingId: id('绑定编号'),
  decision: z.enum(['verify', 'reject'], { errorMap: () => ({ message: '请选择审核结果' }) }),
  reason: optionalText('原因', 100)
})
export const UnbindHouseholdInput = z.object({ bindingId: id('绑定编号'), reason: text('解除原因', { max: 100 }) })
export const CommunityRef = z.object({ communityId: id('社区'), ...page })

export const Source = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('resident') }),
  z.object({ kind: z.literal('staff') }),
  z.object({ kind: z.literal('reportHotspot'), id: id('热点编号') })
])

export const RaiseTopicInput = z.object({
  requestId,
  communityId: id('社区'),
  scope: z.enum(TOPIC_SCOPES, { errorMap: () => ({ message: '请选择议题范围' }) }),
  compoundId: id('小区').optional(),
  building: building.optional(),
  title: text('议题标题', { max: DELIBERATION_LIMITS.title }),
  description: text('议题说明', { max: DELIBERATION_LIMITS.description }),
  photos: photos('照片').default([]),
  affected: optionalText('受影响的居民', 200),
  /** Staff only: where the topic came from (a report hot spot links back to pillar 5). */
  source: Source.optional(),
  /** Staff only: seconds needed and the period (a resident's topic takes the defaults). */
  secondsNeeded: int('附议人数', 1, 500).optional(),
  secondingDays: int('附议天数', 1, DELIBERATION_LIMITS.maxSecondingDays).optional()
})
export const TopicRef = z.object({ topicId })
export const TopicsInput = z.object({ communityId: id('社区'), status: z.enum(TOPIC_STATUSES).optional(), ...page })
export const ToAgendaInput = z.object({ topicId, reason: optionalText('说明', 200) })
export const CommentInput = z.object({
  requestId,
  topicId,
  stance: z.enum(STANCES, { errorMap: () => ({ message: '请选择立场' }) }),
  text: text('意见', { max: DELIBERATION_LIMITS.comment })
})
export const CommentsInput = z.object({ topicId, ...page })
export const CommentRef = z.object({ commentId: id('评论编号') })
export const ReviewCommentInput = z.object({
  commentId: id('评论编号'),
  decision: z.enum(['keep', 'remove'], { errorMap: () => ({ message: '请选择处理结果' }) })
})
export const SummarizeInput = z.object({ topicId, summary: text('意见汇总', { max: DELIBERATION_LIMITS.summary }) })

export const CreateVoteInput = z
  .object({
    requestId,
    topicId,
    question: text('表决事项', { max: 100 }),
    kind: z.enum(VOTE_KINDS, { errorMap: () => ({ message: '请选择表决方式' }) }),
    /** single/multiple: the options; approve: ignored (同意/反对/弃权). */
    options: z
      .array(text('选项', { max: DELIBERATION_LIMITS.optionLabel }))
      .max(DELIBERATION_LIMITS.options, '选项过多')
      .default([]),
    maxChoices: int('最多可选', 1, DELIBERATION_LIMITS.options).optional(),
    per: z.enum(['resident', 'household'], { errorMap: () => ({ message: '请选择按人或按户' }) }),
    secret: z.boolean(),
    endsAt: dateTime('截止时间'),
    validity: Fraction.optional(),
    passing: Fraction.optional()
  })
  .refine((v) => v.kind === 'approve' || v.options.length >= 2, { path: ['options'], message: '请至少填写两个选项' })
export const VoteRef = z.object({ voteId })
export const BallotInput = z.object({
  voteId,
  choices: z
    .array(int('选项', 0, 20))
    .min(1, '请选择')
    .max(20, '选项过多')
})
export const PaperBallotInput = z.object({
  requestId,
  voteId,
  /** The resident whose paper ballot this is (openid known to the grid worker from the register list). */
  voterId: id('居民'),
  choices: z
    .array(int('选项', 0, 20))
    .min(1, '请选择')
    .max(20, '选项过多'),
  photo: fileId
})
export const PaperRef = z.object({ paperId: id('纸质选票编号') })
export const PaperQueueInput = z.object({ communityId: id('社区') })
export const ObjectInput = z.object({ requestId, topicId, text: text('异议', { max: DELIBERATION_LIMITS.comment }) })
export const ResolveInput = z.object({
  topicId,
  resolution: text('决议', { max: DELIBERATION_LIMITS.summary }),
  steps: z
    .array(text('实施步骤', { max: 60 }))
    .max(DELIBERATION_LIMITS.steps, '步骤过多')
    .default([])
})
export const ProgressInput = z.object({
  topicId,
  step: int('步骤', 0, DELIBERATION_LIMITS.steps - 1),
  progress: int('进度', 0, 100),
  note: optionalText('进展说明', 200),
  photos: photos('进展照片').default([])
})
export const MEETING_MODES = ['inPerson', 'online', 'both'] as const
export type MeetingMode = (typeof MEETING_MODES)[number]
export const MEETING_MODE_LABELS: Record<MeetingMode, string> = { inPerson: '线下', online: '线上', both: '线上线下' }
export const ScheduleMeetingInput = z.object({
  requestId,
  topicId,
  mode: z.enum(MEETING_MODES, { errorMap: () => ({ message: '请选择会议形式' }) }),
  startsAt: dateTime('开始时间'),
  venue: optionalText('会议地点', 60),
  onlineLink: optionalText('线上会议链接', 200),
  agenda: z
    .array(text('议程', { max: 60 }))
    .min(1, '请填写议程')
    .max(20, '议程过多')
})
export const MeetingRef = z.object({ meetingId: id('会议编号') })
export const SignInInput = z.object({ meetingId: id('会议编号'), code: text('签到码', { max: 200 }) })
export const MinutesInput = z.object({ meetingId: id('会议编号'), minutes: text('会议纪要', { max: DELIBERATION_LIMITS.summary }) })
export const StatsInput = z.object({ communityId: id('社区') })
export const Empty = z.object({}).optional().default({})

// --- answers -------------------------------------------------------------------------------------

export interface HouseholdBindingView {
  bindingId: string
  compoundId: string
  compoundName: string
  building: string
  room: string
  status: HouseholdStatus
  /** Staff only: who asked (masked name). */
  resident: string | null
  requestedAt: string
}
export interface TopicView {
  topicId: string
  communityId: string
  scope: TopicScopeLevel
  compoundId: string | null
  building: string | null
  title: string
  description: string
  photos: string[]
  affected: string | null
  source: { kind: 'resident' | 'staff' | 'reportHotspot'; id: string | null }
  status: TopicStatus
  statusLabel: string
  seconds: number
  secondsNeeded: number
  secondingEndsAt: string | null
  /** Whether the reader seconded it. */
  seconded: boolean
  summary: string | null
  voteId: string | null
  publicUntil: string | null
  objections: number
  resolution: string | null
  steps: Array<{ title: string; progress: number; note: string | null; photos: string[]; doneAt: string | null }>
  projectHandoff: string | null
  raisedAt: string
  decidedAt: string | null
}
export interface CommentView {
  commentId: string
  stance: Stance
  text: string
  author: string
  hidden: boolean
  /** Staff only: flags so far. */
  flags: number | null
  at: string
}
export interface VoteView {
  voteId: string
  topicId: string
  question: string
  kind: VoteKind
  options: string[]
  maxChoices: number
  per: 'resident' | 'household'
  secret: boolean
  status: VoteStatus
  endsAt: string
  eligible: number
  participants: number
  /** Whether the reader (or their household) is in the frozen electorate, and has voted. */
  canVote: boolean
  voted: boolean
  /** Null until the vote closes. */
  result: VoteResultView | null
}
export interface VoteResultView {
  tally: number[]
  participants: number
  eligible: number
  valid: boolean
  /** The options that passed (approve: [0] when 同意 passed). */
  passed: number[]
  /** The running count disagreed with the recount (the recount is the result). */
  mismatch: boolean
  /** Open votes: who chose what (names masked); secret votes: null. */
  ballots: Array<{ voter: string; choices: number[] }> | null
}
export interface PaperBallotView {
  paperId: string
  voteId: string
  voter: string
  choices: number[] | null
  photo: string
  enteredBy: string
  status: 'pending' | 'confirmed'
}

export interface MeetingView {
  meetingId: string
  topicId: string
  mode: MeetingMode
  startsAt: string
  venue: string | null
  onlineLink: string | null
  agenda: string[]
  /** Verified residents of the topic's scope when the meeting was scheduled. */
  eligible: number
  registered: number
  attended: number
  /** Live quorum: attended is more than half of eligible. */
  quorum: boolean
  minutes: string | null
  /** Whether the reader registered and signed in. */
  registeredByMe: boolean
  attendedByMe: boolean
}
export interface MeetingCodeView {
  /** The QR text staff scan (rotates every 30 s). */
  qr: string
  /** The same code to type. */
  short: string
  validUntil: string
}

export interface DeliberationStats {
  raised: number
  decided: number
  implemented: number
  participation: number | null
  medianDaysToDecision: number | null
}

export const deliberation = {
  requestHousehold: action(RequestHouseholdInput).returns<HouseholdBindingView>(),
  myHousehold: action(Empty).returns<HouseholdBindingView | null>(),
  householdQueue: action(CommunityRef).returns<Page<HouseholdBindingView>>(),
  verifyHousehold: action(VerifyHouseholdInput).returns<HouseholdBindingView>(),
  unbindHousehold: action(UnbindHouseholdInput).returns<{ unbound: true }>(),
  raiseTopic: action(RaiseTopicInput).returns<TopicView>(),
  topics: action(TopicsInput).returns<Page<TopicView>>(),
  topicDetail: action(TopicRef).returns<TopicView>(),
  second: action(TopicRef).returns<TopicView>(),
  toAgenda: action(ToAgendaInput).returns<TopicView>(),
  comment: action(CommentInput).returns<CommentView>(),
  comments: action(CommentsInput).returns<Page<CommentView>>(),
  flagComment: action(CommentRef).returns<{ flags: number; hidden: boolean }>(),
  reviewComment: action(ReviewCommentInput).returns<CommentView>(),
  summarize: action(SummarizeInput).returns<TopicView>(),
  expireTopics: action(Empty).returns<{ expired: number }>(),
  createVote: action(CreateVoteInput).returns<VoteView>(),
  openVote: action(VoteRef).returns<VoteView>(),
  voteDetail: action(VoteRef).returns<VoteView>(),
  ballot: action(BallotInput).returns<{ voted: true; changed: boolean }>(),
  enterPaperBallot: action(PaperBallotInput).returns<PaperBallotView>(),
  confirmPaperBallot: action(PaperRef).returns<PaperBallotView>(),
  paperQueue: action(PaperQueueInput).returns<PaperBallotView[]>(),
  closeVotes: action(Empty).returns<{ closed: number }>(),
  publish: action(TopicRef).returns<TopicView>(),
  object: action(ObjectInput).returns<{ objections: number }>(),
  endPublicity: action(Empty).returns<{ ended: number }>(),
  resolve: action(ResolveInput).returns<TopicView>(),
  progress: action(ProgressInput).returns<TopicView>(),
  handOff: action(TopicRef).returns<TopicView>(),
  scheduleMeeting: action(ScheduleMeetingInput).returns<MeetingView>(),
  meetingDetail: action(MeetingRef).returns<MeetingView>(),
  registerMeeting: action(MeetingRef).returns<MeetingView>(),
  meetingCode: action(MeetingRef).returns<MeetingCodeView>(),
  signInMeeting: action(SignInInput).returns<MeetingView>(),
  recordMinutes: action(MinutesInput).returns<MeetingView>(),
  stats: action(StatsInput).returns<DeliberationStats>()
}
