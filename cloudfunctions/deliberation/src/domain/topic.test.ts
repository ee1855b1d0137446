import { TOPIC_STATUSES, type TopicStatus } from '../../../../types/schemas/deliberation'
import type { TopicDoc } from '../docs'
import { nextStatus, TOPIC_EVENTS, transition, type TopicEvent } from './topic'

const EVENTS = Object.keys(TOPIC_EVENTS) as TopicEvent[]

describe('the topic state machine', () => {
  test.each(EVENTS.flatMap((e) => TOPIC_STATUSES.map((s) => [e, s] as [TopicEvent, TopicStatus])))('%s from %s', (event, status) => {
    const rule = TOPIC_EVENTS[event]
    if ((rule.from as readonly string[]).includes(status)) expect(nextStatus(status, event)).toBe(rule.to)
    else expect(() => nextStatus(status, event)).toThrow(/不能进行此操作/)
  })
  test('the happy path, each step recorded', () => {
    const path: TopicEvent[] = ['reachSeconds', 'openVote', 'closeVote', 'publish', 'endPublicity', 'resolveWithSteps', 'finish']
    let topic = { status: 'seconding', history: [] } as unknown as TopicDoc
    const at = new Date('2026-05-06T02:00:00Z')
    for (const e of path) topic = { ...topic, ...transition(topic, e, 'who', at, e) }
    expect(topic.status).toBe('done')
    expect(topic.history.map((h) => `${h.from}→${h.to}`)).toEqual([
      'seconding→agenda',
      'agenda→voting',
      'voting→decided',
      'decided→publicizing',
      'publicizing→resolving',
      'resolving→implementing',
      'implementing→done'
    ])
  })
})
