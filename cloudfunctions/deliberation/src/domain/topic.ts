// The topic state machine (docs/pillars/deliberation.md): every transition recorded as { who, when, from, to,
// why }; any other is CONFLICT with a sentence a resident reads.
import { conflict } from '../../../_shared/infra/errors'
import { TOPIC_STATUS_LABELS, type TopicStatus } from '../../../../types/schemas/deliberation'
import type { TopicDoc, TopicHistoryEntry } from '../docs'

export const TOPIC_EVENTS = {
  reachSeconds: { from: ['seconding'], to: 'agenda' },
  toAgenda: { from: ['seconding'], to: 'agenda' },
  expire: { from: ['seconding'], to: 'expired' },
  openVote: { from: ['agenda'], to: 'voting' },
  closeVote: { from: ['voting'], to: 'decided' },
  publish: { from: ['decided'], to: 'publicizing' },
  endPublicity: { from: ['publicizing'], to: 'resolving' },
  resolveWithSteps: { from: ['resolving'], to: 'implementing' },
  resolveDone: { from: ['resolving'], to: 'done' },
  finish: { from: ['implementing'], to: 'done' }
} as const satisfies Record<string, { from: readonly TopicStatus[]; to: TopicStatus }>

export type TopicEvent = keyof typeof TOPIC_EVENTS

/** The status after `event`, or CONFLICT naming the status the topic is in. */
export function nextStatus(status: TopicStatus, event: TopicEvent): TopicStatus {
  const rule = TOPIC_EVENTS[event]
  if (!(rule.from as readonly TopicStatus[]).includes(status)) throw conflict(`议题当前为“${TOPIC_STATUS_LABELS[status]}”，不能进行此操作`)
  return rule.to
}

/** The topic after `event`: new status and one more history entry. */
export function transition(
  topic: TopicDoc,
  event: TopicEvent,
  who: string,
  at: Date,
  why: string | null = null
): Pick<TopicDoc, 'status' | 'history'> {
  const to = nextStatus(topic.status, event)
  const entry: TopicHistoryEntry = { at, who, from: topic.status, to, why }
  return { status: to, history: [...topic.history, entry] }
}

/** Topics that take comments and flags: from raising until the decision is published. */
export const OPEN_FOR_COMMENT: readonly TopicStatus[] = ['seconding', 'agenda', 'voting', 'decided', 'publicizing']
