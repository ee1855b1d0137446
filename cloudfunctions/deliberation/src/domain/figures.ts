// The pillar's figures (docs/pillars/deliberation.md): topics raised / decided / implemented, participation in closed
// votes, and the time from raising a topic to its decision.
import type { TopicStatus } from '../../../../types/schemas/deliberation'

const DECIDED: ReadonlySet<TopicStatus> = new Set(['decided', 'publicizing', 'resolving', 'implementing', 'done'])
const DAY = 86_400_000

export interface DeliberationFigures {
  raised: number
  decided: number
  implemented: number
  /** Participants over eligible, summed over closed votes (0–1); null without a closed vote. */
  participation: number | null
  /** Median days from raising to decision over decided topics; null without one. */
  medianDaysToDecision: number | null
}

export function figures(
  topics: ReadonlyArray<{ status: TopicStatus; raisedAt: Date | string; decidedAt: Date | string | null }>,
  closedVotes: ReadonlyArray<{ eligible: number; participants: number }>
): DeliberationFigures {
  const decided = topics.filter((t) => DECIDED.has(t.status))
  const eligible = closedVotes.reduce((s, v) => s + v.eligible, 0)
  const days = decided
    .filter((t) => t.decidedAt)
    .map((t) => (new Date(t.decidedAt as Date).getTime() - new Date(t.raisedAt).getTime()) / DAY)
    .sort((a, b) => a - b)
  const mid = Math.floor(days.length / 2)
  const median = days.length ? (days.length % 2 ? days[mid] : (days[mid - 1] + days[mid]) / 2) : null
  return {
    raised: topics.length,
    decided: decided.length,
    implemented: topics.filter((t) => t.status === 'done').length,
    participation: eligible ? closedVotes.reduce((s, v) => s + v.participants, 0) / eligible : null,
    medianDaysToDecision: median === null ? null : Math.round(median * 10) / 10
  }
}
