// The wish lifecycle (docs/pillars/micro-wishes.md). Every change of status goes through `applyEvent`, which
// refuses anything outside TRANSITIONS and records who, when, from, to and why in `history`.
import { WISH_STATUS_LABELS, type WishStatus } from '../../../../types'
import { conflict } from '../../../_shared/infra/errors'
import type { ActorRole, ClaimerSnapshot, WishDoc, WishHistoryEntry } from '../docs'

export const WISH_EVENTS = ['publish', 'reject', 'claim', 'release', 'expire', 'fulfil', 'confirm', 'withdraw'] as const
export type WishEvent = (typeof WISH_EVENTS)[number]

export const TRANSITIONS: Record<WishEvent, { from: readonly WishStatus[]; to: WishStatus }> = {
  publish: { from: ['submitted'], to: 'published' },
  reject: { from: ['submitted'], to: 'rejected' },
  claim: { from: ['published'], to: 'claimed' },
  release: { from: ['claimed'], to: 'published' },
  expire: { from: ['claimed'], to: 'published' },
  fulfil: { from: ['claimed'], to: 'fulfilled' },
  confirm: { from: ['fulfilled'], to: 'confirmed' },
  withdraw: { from: ['submitted', 'published'], to: 'withdrawn' }
}

/** The status after `event`, or null when the event is not possible from `from`. */
export function nextStatus(from: WishStatus, event: WishEvent): WishStatus | null {
  const t = TRANSITIONS[event]
  return t.from.includes(from) ? t.to : null
}

/** Every (from, to) pair the machine allows; nothing else may ever appear in a history. */
export const ALLOWED_STEPS: ReadonlySet<string> = new Set(Object.values(TRANSITIONS).flatMap((t) => t.from.map((f) => `${f}>${t.to}`)))
export const isAllowedStep = (from: WishStatus | null, to: WishStatus) =>
  from === null ? to === 'submitted' : ALLOWED_STEPS.has(`${from}>${to}`)

/** What a stale client is told when the wish has moved on. */
export function staleMessage(event: WishEvent, status: WishStatus): string {
  if (event === 'claim' && (status === 'claimed' || status === 'fulfilled' || status === 'confirmed')) return '该心愿刚刚被认领'
  if (event === 'confirm' && status === 'claimed') return '心愿尚未实现，暂不能确认'
  if (event === 'withdraw' && (status === 'claimed' || status === 'fulfilled' || status === 'confirmed')) return '心愿已被认领，不能撤回'
  if (event === 'publish' || event === 'reject') return `该心愿已处理（${WISH_STATUS_LABELS[status]}）`
  return `该心愿当前为“${WISH_STATUS_LABELS[status]}”，无法执行此操作`
}

export interface Actor {
  who: string
  role: ActorRole
}

const DAY_MS = 86_400_000

/** Event-specific data each event needs. */
export type EventInput =
  | { event: 'publish'; reason?: string }
  | { event: 'reject'; reason: string }
  | { event: 'claim'; claimer: ClaimerSnapshot; claimDays: number }
  | { event: 'release'; reason?: string }
  | { event: 'expire'; claimDays: number }
  | { event: 'fulfil'; note: string; photos: string[] }
  | { event: 'confirm'; rating: number; thanks: string }
  | { event: 'withdraw'; reason?: string }

const clip = (s: string, n = 60) => ([...s].length > n ? [...s].slice(0, n - 1).join('') + '…' : s)

function why(input: EventInput): string {
  switch (input.event) {
    case 'publish':
      return input.reason || '审核通过'
    case 'reject':
      return input.reason
    case 'claim':
      return input.claimer.kind === 'member' ? '在职党员认领' : '志愿者认领'
    case 'release':
      return input.reason || '认领人放弃'
    case 'expire':
      return `认领超过${input.claimDays}天未实现，自动释放`
    case 'fulfil':
      return clip(input.note)
    case 'confirm':
      return `评分${input.rating}星：${clip(input.thanks, 40)}`
    case 'withdraw':
      return input.reason || '发布人撤回'
  }
}

const RELEASED = {
  claimerId: null,
  claimer: null,
  claimedAt: null,
  claimDeadline: null,
  metrics: { claimMs: null, fulfilMs: null }
} as const

function fieldsFor(wish: WishDoc, input: EventInput, actor: Actor, at: Date): Partial<WishDoc> {
  switch (input.event) {
    case 'publish':
      return { publishedAt: wish.publishedAt ?? at, rejectReason: null }
    case 'reject':
      return { rejectReason: input.reason }
    case 'claim':
      return {
        claimerId: actor.who,
        claimer: input.claimer,
        claimedAt: at,
        claimDeadline: new Date(at.getTime() + input.claimDays * DAY_MS),
        metrics: { claimMs: wish.publishedAt ? at.getTime() - new Date(wish.publishedAt).getTime() : null, fulfilMs: null }
      }
    case 'release':
    case 'expire':
      return { ...RELEASED }
    case 'fulfil':
      return {
        fulfilledAt: at,
        fulfilment: { note: input.note, photos: input.photos, at },
        claimDeadline: null,
        metrics: {
          claimMs: wish.metrics?.claimMs ?? null,
          fulfilMs: wish.claimedAt ? at.getTime() - new Date(wish.claimedAt).getTime() : null
        }
      }
    case 'confirm':
      return { confirmedAt: at, confirmation: { rating: input.rating, thanks: input.thanks, at, by: actor.who } }
    case 'withdraw':
      return { withdrawnAt: at }
  }
}

export interface Transition {
  from: WishStatus
  to: WishStatus
  entry: WishHistoryEntry
  /** The fields to write, including status, updatedAt and the whole new history. */
  patch: Partial<WishDoc>
}

/**
 * The one way a wish changes status. Throws CONFLICT (with the sentence a stale client should read)
 * when the event is not possible from the wish's current status.
 */
export function applyEvent(wish: WishDoc, input: EventInput, actor: Actor, at: Date): Transition {
  const from = wish.status
  const to = nextStatus(from, input.event)
  if (!to) throw conflict(staleMessage(input.event, from))
  const entry: WishHistoryEntry = { at, who: actor.who, role: actor.role, from, to, why: why(input) }
  return {
    from,
    to,
    entry,
    patch: { ...fieldsFor(wish, input, actor, at), status: to, updatedAt: at, history: [...(wish.history ?? []), entry] }
  }
}

/** The first history entry of a new wish. */
export const submittedEntry = (actor: Actor, at: Date, proxy: boolean): WishHistoryEntry => ({
  at,
  who: actor.who,
  role: actor.role,
  from: null,
  to: 'submitted',
  why: proxy ? '社区工作人员代录' : '居民发布'
})

/** A history is valid when it starts with submission and every step is one the machine allows. */
export function isValidHistory(history: readonly WishHistoryEntry[]): boolean {
  return history.every((h, i) =>
    i === 0 ? h.from === null && h.to === 'submitted' : h.from === history[i - 1].to && isAllowedStep(h.from, h.to)
  )
}
