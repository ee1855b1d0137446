// Constants of grid reports (随手拍 · 吹哨报到) that the app shows: statuses, kinds, ratings, departments, queues,
// limits and their labels (docs/pillars/grid-reports.md). No zod here, so pages import them without bringing the
// schemas into their bundle, and the main package does not carry them; report.ts re-exports them.
/**
 * Report lifecycle. `closed` is the reporter's confirmation (or the automatic close, or staff's decision after
 * the reopens ran out); `notOurs` and `unsolvable` are closed too, but not solved. Overdue is a flag, not a status.
 */
export const REPORT_STATUSES = [
  'submitted',
  'accepted',
  'inProgress',
  'waitingInfo',
  'resolved',
  'disputed',
  'closed',
  'rejected',
  'merged',
  'notOurs',
  'unsolvable'
] as const
export type ReportStatus = (typeof REPORT_STATUSES)[number]
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  submitted: '待签收',
  accepted: '已签收',
  inProgress: '处理中',
  waitingInfo: '待补充',
  resolved: '已办结待确认',
  disputed: '待裁定',
  closed: '已结案',
  rejected: '不予受理',
  merged: '已合并',
  notOurs: '非职责范围',
  unsolvable: '无法解决'
}
/** The statuses a report can leave; the rest are final. */
export const OPEN_REPORT_STATUSES = [
  'submitted',
  'accepted',
  'inProgress',
  'waitingInfo',
  'resolved',
  'disputed'
] as const satisfies readonly ReportStatus[]
export const FINAL_REPORT_STATUSES = ['closed', 'rejected', 'merged', 'notOurs', 'unsolvable'] as const satisfies readonly ReportStatus[]

/** How a `closed` report was closed. */
export const REPORT_CLOSE_KINDS = ['confirmed', 'auto', 'decided'] as const
export type ReportCloseKind = (typeof REPORT_CLOSE_KINDS)[number]
export const REPORT_CLOSE_KIND_LABELS: Record<ReportCloseKind, string> = {
  confirmed: '居民确认',
  auto: '逾期未评价自动结案',
  decided: '社区裁定结案'
}

/** The kind of request, which sets its default handling deadline (docs/pillars/grid-reports.md). */
export const REPORT_KINDS = ['consult', 'help', 'suggest', 'complain', 'tipoff'] as const
export type ReportKind = (typeof REPORT_KINDS)[number]
export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  consult: '咨询',
  help: '求助',
  suggest: '建议',
  complain: '投诉',
  tipoff: '举报'
}

/** The reporter's satisfaction (满意率 = (satisfied + basically) ÷ ratings given). */
export const REPORT_RATINGS = ['satisfied', 'basically', 'unsatisfied'] as const
export type ReportRating = (typeof REPORT_RATINGS)[number]
export const REPORT_RATING_LABELS: Record<ReportRating, string> = {
  satisfied: '满意',
  basically: '基本满意',
  unsatisfied: '不满意'
}

/** Street-level departments and service companies a whistle can go to (a department doc has one kind). */
export const DEPARTMENT_KINDS = ['urban', 'housing', 'water', 'power', 'market', 'property'] as const
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number]
export const DEPARTMENT_KIND_LABELS: Record<DepartmentKind, string> = {
  urban: '城管',
  housing: '住建',
  water: '供水',
  power: '供电',
  market: '市场监管',
  property: '物业'
}

export const WHISTLE_URGENCIES = ['emergency', 'normal'] as const
export type WhistleUrgency = (typeof WHISTLE_URGENCIES)[number]
export const WHISTLE_URGENCY_LABELS: Record<WhistleUrgency, string> = { emergency: '紧急', normal: '一般' }

/** Whistle (吹哨) record lifecycle: open (待报到) → reportedIn (已报到) → resolved | handedBack. */
export const WHISTLE_STATUSES = ['open', 'reportedIn', 'resolved', 'handedBack'] as const
export type WhistleStatus = (typeof WHISTLE_STATUSES)[number]
export const WHISTLE_STATUS_LABELS: Record<WhistleStatus, string> = {
  open: '待报到',
  reportedIn: '已报到',
  resolved: '已办结',
  handedBack: '已退回'
}

/** Workbench queues (overdue first in every one). */
export const REPORT_QUEUES = ['toSign', 'overdue', 'inProgress', 'whistled', 'awaitingConfirm', 'disputed', 'all'] as const
export type ReportQueue = (typeof REPORT_QUEUES)[number]
export const REPORT_QUEUE_LABELS: Record<ReportQueue, string> = {
  toSign: '待签收',
  overdue: '已超期',
  inProgress: '处理中',
  whistled: '吹哨给我',
  awaitingConfirm: '待确认',
  disputed: '待裁定',
  all: '全部'
}

export const REPORT_LIMITS = {
  description: 500,
  photos: 9,
  reason: 200,
  note: 300,
  logText: 300,
  logEntries: 200,
  /** Reopens the reporter may make; after them staff decide. */
  reopens: 2,
  extensions: 1,
  maxExtensionDays: 30,
  /** An offline report's client time may be at most this old, and not ahead of the server by more than the skew. */
  offlineMaxAgeHours: 72,
  clockSkewMinutes: 5,
  /** Days without an answer after which a resolved report (with evidence) closes unrated. */
  autoCloseDays: 3
} as const
