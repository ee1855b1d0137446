// What a person may do on a report or a whistle, as buttons: a direct action (签收, 报到, 我也遇到) or a small
// form (a reason, photos, a rating). Which ones show comes from the server (`can`); this only says how each
// looks and what it sends.
import type { Chip } from '@/components/Chips'
import {
  DEPARTMENT_KIND_LABELS,
  REPORT_LIMITS,
  REPORT_RATING_LABELS,
  REPORT_RATINGS,
  WHISTLE_URGENCY_LABELS,
  WHISTLE_URGENCIES,
  type ReportRating,
  type WhistleUrgency
} from '@contract/schemas/report.labels'
import type { DepartmentView, ReportCard, ReportDetail, WhistleView } from '@contract/schemas/report'
import { call } from '@/services/cloud'
import type { FieldSpec, FormValues } from './components/ActionForm'
import type { LocalPhoto } from './components/ReportPhotos'
import { uploadPhotos, uploadPlaced } from './photos'
import { HANDLING_PHRASES, REOPEN_PHRASES } from './phrases'

export interface ActionSpec {
  key: string
  label: string
  /** The main thing to do here (a solid button); the rest are outlined. */
  main?: boolean
  /** A tap does it (after `confirm`, when given). */
  direct?: () => Promise<unknown>
  confirm?: { title: string; content: string; confirmText: string }
  form?: { title: string; fields: FieldSpec[]; submitText: string; submit: (values: FormValues) => Promise<unknown> }
  /** The toast after it succeeded. */
  done: string
}

export interface ActionContext {
  /** The signed-in person's openid: their uploads go under it. */
  owner: string
  departments: DepartmentView[]
  /** Open reports of the same category nearby (merge targets). */
  nearby: ReportCard[]
}

const str = (v: FormValues[string]): string => (typeof v === 'string' ? v.trim() : '')
const photosOf = (v: FormValues[string]): LocalPhoto[] => (Array.isArray(v) ? v : [])

const reasonField = (label: string, phrases?: readonly string[]): FieldSpec => ({
  kind: 'text',
  name: 'reason',
  label,
  max: REPORT_LIMITS.reason,
  required: true,
  phrases
})

const evidenceFields = (noteLabel: string): FieldSpec[] => [
  { kind: 'text', name: 'note', label: noteLabel, max: REPORT_LIMITS.note, required: true, phrases: HANDLING_PHRASES },
  {
    kind: 'photos',
    name: 'photos',
    label: '处置后照片',
    max: REPORT_LIMITS.photos,
    required: true,
    placed: true,
    hint: '在现场拍照，照片会记录拍摄位置；离问题地点太远时需要居民确认'
  }
]

const RATING_CHIPS: Chip<string>[] = REPORT_RATINGS.map((r) => ({ value: r, label: REPORT_RATING_LABELS[r] }))
const SOLVED_CHIPS: Chip<string>[] = [
  { value: 'yes', label: '已解决' },
  { value: 'no', label: '未解决' }
]
const URGENCY_CHIPS: Chip<string>[] = WHISTLE_URGENCIES.map((u) => ({ value: u, label: WHISTLE_URGENCY_LABELS[u] }))
const DAYS_CHIPS: Chip<string>[] = ['1', '3', '7', '15'].map((d) => ({ value: d, label: `${d}天` }))

export function reportActions(r: ReportDetail, ctx: ActionContext): ActionSpec[] {
  const reportId = r.id
  const can = r.can
  const specs: Array<ActionSpec | false> = [
    can.accept && {
      key: 'accept',
      label: '签收',
      main: true,
      direct: () => call('report', 'accept', { reportId }),
      done: '已签收'
    },
    can.start && {
      key: 'start',
      label: '开始处理',
      main: !can.accept,
      direct: () => call('report', 'start', { reportId }),
      done: '已开始处理'
    },
    can.confirm && {
      key: 'confirm',
      label: '确认并评价',
      main: true,
      form: {
        title: '问题解决了吗？',
        fields: [
          { kind: 'chips', name: 'solved', label: '问题是否已解决', options: SOLVED_CHIPS, required: true },
          { kind: 'chips', name: 'rating', label: '满意度', options: RATING_CHIPS, required: true },
          { kind: 'text', name: 'comment', label: '说点什么（选填）', max: REPORT_LIMITS.reason }
        ],
        submitText: '提交评价',
        submit: (v) =>
          call('report', 'confirm', {
            reportId,
            solved: v.solved === 'yes',
            rating: v.rating as ReportRating,
            comment: str(v.comment) || undefined
          })
      },
      done: '谢谢您的评价'
    },
    can.reopen && {
      key: 'reopen',
      label: '没解决，重新办理',
      form: {
        title: `要求重新办理（还可以${Math.max(0, REPORT_LIMITS.reopens - r.reopens)}次）`,
        fields: [reasonField('哪里没有解决', REOPEN_PHRASES)],
        submitText: '提交',
        submit: (v) => call('report', 'reopen', { reportId, reason: str(v.reason) })
      },
      done: '已要求重新办理'
    },
    can.supply && {
      key: 'supply',
      label: '补充信息',
      main: true,
      form: {
        title: `社区需要补充：${r.info?.question ?? ''}`,
        fields: [
          { kind: 'text', name: 'text', label: '补充说明', max: REPORT_LIMITS.note, required: true },
          { kind: 'photos', name: 'photos', label: '补充照片', max: REPORT_LIMITS.photos }
        ],
        submitText: '提交补充',
        submit: async (v) =>
          call('report', 'supply', { reportId, text: str(v.text), photos: await uploadPhotos(ctx.owner, photosOf(v.photos)) })
      },
      done: '已补充，办理继续计时'
    },
    can.plusOne && {
      key: 'plusOne',
      label: '我也遇到',
      main: true,
      direct: () => call('report', 'plusOne', { reportId }),
      done: '已记录，问题有进展会通知您'
    },
    can.unfollow && {
      key: 'unfollow',
      label: '不再关注',
      direct: () => call('report', 'unfollow', { reportId }),
      done: '已取消关注'
    },
    can.resolve && {
      key: 'resolve',
      label: '办结',
      main: true,
      form: {
        title: '办结：说明处理结果，并在现场拍照',
        fields: evidenceFields('办结说明'),
        submitText: '提交办结',
        submit: async (v) =>
          call('report', 'resolve', { reportId, note: str(v.note), photos: await uploadPlaced(ctx.owner, photosOf(v.photos)) })
      },
      done: '已办结，等待居民确认'
    },
    can.whistle && {
      key: 'whistle',
      label: '吹哨',
      form: {
        title: '吹哨：社区解决不了，请街道或部门来报到',
        fields: [
          {
            kind: 'chips',
            name: 'target',
            label: '吹哨对象',
            required: true,
            options: [
              { value: 'street', label: '街道' },
              ...ctx.departments.map((d) => ({ value: d.id, label: `${DEPARTMENT_KIND_LABELS[d.kind]} · ${d.name}` }))
            ]
          },
          {
            kind: 'chips',
            name: 'urgency',
            label: '紧急程度',
            required: true,
            options: URGENCY_CHIPS,
            hint: '紧急：30分钟内报到；一般：24小时内报到'
          },
          reasonField('吹哨原因')
        ],
        submitText: '吹哨',
        submit: async (v) => {
          const whistle = await call('report', 'whistle', {
            requestId: whistleRequestId(reportId),
            reportId,
            target: v.target === 'street' ? { kind: 'street' } : { kind: 'department', departmentId: String(v.target) },
            urgency: v.urgency as WhistleUrgency,
            reason: str(v.reason)
          })
          forgetWhistleRequest(reportId)
          return whistle
        }
      },
      done: '已吹哨，等待报到'
    },
    can.requestInfo && {
      key: 'requestInfo',
      label: '要求补充',
      form: {
        title: '请居民补充信息（办理时限暂停）',
        fields: [{ kind: 'text', name: 'question', label: '需要补充什么', max: REPORT_LIMITS.reason, required: true }],
        submitText: '发给居民',
        submit: (v) => call('report', 'requestInfo', { reportId, question: str(v.question) })
      },
      done: '已请居民补充'
    },
    can.extend && {
      key: 'extend',
      label: '延期',
      form: {
        title: '延期（每个问题只能延期一次）',
        fields: [{ kind: 'chips', name: 'days', label: '延期天数', options: DAYS_CHIPS, required: true }, reasonField('延期理由')],
        submitText: '批准延期',
        submit: (v) => call('report', 'extend', { reportId, days: Number(v.days), reason: str(v.reason) })
      },
      done: '已延期'
    },
    can.merge && {
      key: 'merge',
      label: '合并',
      form: {
        title: '合并到已有的同一问题',
        fields: ctx.nearby.length
          ? [
              {
                kind: 'chips',
                name: 'duplicateOf',
                label: '原问题',
                required: true,
                options: ctx.nearby.map((n) => ({ value: n.id, label: `${n.place ?? n.communityName} · ${n.description.slice(0, 12)}` }))
              }
            ]
          : [{ kind: 'text', name: 'duplicateOf', label: '原问题编号', max: 64, short: true, required: true }],
        submitText: '合并',
        submit: (v) => call('report', 'merge', { reportId, duplicateOf: str(v.duplicateOf) })
      },
      done: '已合并，反映人会收到原问题的进展'
    },
    can.reject && {
      key: 'reject',
      label: '不予受理',
      form: {
        title: '不予受理',
        fields: [reasonField('理由', ['不属于社区受理范围', '信息不全，无法核实', '现场未发现该问题'])],
        submitText: '确定不予受理',
        submit: (v) => call('report', 'reject', { reportId, reason: str(v.reason) })
      },
      done: '已处理'
    },
    can.decide && {
      key: 'decide',
      label: '裁定',
      main: true,
      form: {
        title: '裁定',
        fields: [
          {
            kind: 'chips',
            name: 'outcome',
            label: '裁定结果',
            required: true,
            options: [
              { value: 'close', label: '结案' },
              { value: 'rework', label: '继续办理' }
            ]
          },
          reasonField('裁定理由')
        ],
        submitText: '提交裁定',
        submit: (v) => call('report', 'decide', { reportId, outcome: v.outcome as 'close' | 'rework', reason: str(v.reason) })
      },
      done: '已裁定'
    },
    can.closeNotOurs && {
      key: 'closeNotOurs',
      label: '非职责范围',
      form: {
        title: '非社区职责：告诉居民该找谁',
        fields: [
          { kind: 'text', name: 'responsible', label: '责任单位', max: 40, required: true, short: true, placeholder: '如：市供电公司' },
          reasonField('说明')
        ],
        submitText: '确定',
        submit: (v) => call('report', 'closeNotOurs', { reportId, responsible: str(v.responsible), reason: str(v.reason) })
      },
      done: '已告知居民责任单位'
    },
    can.closeUnsolvable && {
      key: 'closeUnsolvable',
      label: '无法解决',
      form: {
        title: '无法解决',
        fields: [reasonField('原因')],
        submitText: '确定',
        submit: (v) => call('report', 'closeUnsolvable', { reportId, reason: str(v.reason) })
      },
      done: '已结案'
    }
  ]
  return specs.filter((s): s is ActionSpec => Boolean(s))
}

// One whistle per report and moment: a retried tap is the same whistle (the id lives as long as the page).
const whistleIds = new Map<string, string>()
function whistleRequestId(reportId: string): string {
  let id = whistleIds.get(reportId)
  if (!id) {
    id = `w${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`.slice(0, 24)
    whistleIds.set(reportId, id)
  }
  return id
}
/** After a whistle was blown, the next one is a new request. */
export const forgetWhistleRequest = (reportId: string): void => void whistleIds.delete(reportId)

export type WhistleCan = WhistleView['can']

export function whistleActions(w: WhistleView, can: WhistleCan, owner: string): ActionSpec[] {
  const whistleId = w.id
  const specs: Array<ActionSpec | false> = [
    can.reportIn && {
      key: 'reportIn',
      label: '报到',
      main: true,
      direct: () => call('report', 'reportIn', { whistleId }),
      done: '已报到'
    },
    can.resolve && {
      key: 'whistleResolve',
      label: '办结',
      main: true,
      form: {
        title: '办结：说明处理结果，并在现场拍照',
        fields: evidenceFields('办结说明'),
        submitText: '提交办结',
        submit: async (v) =>
          call('report', 'whistleResolve', { whistleId, note: str(v.note), photos: await uploadPlaced(owner, photosOf(v.photos)) })
      },
      done: '已办结，等待居民确认'
    },
    can.log && {
      key: 'whistleLog',
      label: '记录协同情况',
      form: {
        title: '联合处置记录',
        fields: [
          { kind: 'text', name: 'text', label: '记录', max: REPORT_LIMITS.logText, required: true, phrases: HANDLING_PHRASES },
          { kind: 'photos', name: 'photos', label: '照片', max: REPORT_LIMITS.photos }
        ],
        submitText: '记录',
        submit: async (v) =>
          call('report', 'whistleLog', { whistleId, text: str(v.text), photos: await uploadPhotos(owner, photosOf(v.photos)) })
      },
      done: '已记录'
    },
    can.handBack && {
      key: 'handBack',
      label: '退回',
      form: {
        title: '退回：不属于本部门职责',
        fields: [reasonField('退回理由')],
        submitText: '确定退回',
        submit: (v) => call('report', 'handBack', { whistleId, reason: str(v.reason) })
      },
      done: '已退回社区'
    },
    can.rate && {
      key: 'rateWhistle',
      label: '评价',
      form: {
        title: '双向评价',
        fields: [
          { kind: 'stars', name: 'score', label: '评分' },
          { kind: 'text', name: 'comment', label: '评价（选填）', max: REPORT_LIMITS.reason }
        ],
        submitText: '提交评价',
        submit: (v) => call('report', 'rateWhistle', { whistleId, score: Number(v.score), comment: str(v.comment) || undefined })
      },
      done: '谢谢您的评价'
    }
  ]
  return specs.filter((s): s is ActionSpec => Boolean(s))
}
