// Vote rules as pure functions (docs/pillars/deliberation.md): the validity and passing fractions (the Urban
// Residents' Committees Law: more than half of the eligible take part; more than half of those taking part
// agree), choice checks, and the recount.
import { invalid } from '../../../_shared/infra/errors'
import type { VoteKind } from '../../../../types/schemas/deliberation'
import type { Fraction } from '../docs'

export const MORE_THAN_HALF: Fraction = { num: 1, den: 2, strict: true }

/** Whether `part` out of `base` meets the fraction: part/base > num/den (strict) or ≥; integer arithmetic. */
export function meets(part: number, base: number, f: Fraction): boolean {
  if (base <= 0) return false
  const lhs = part * f.den
  const rhs = f.num * base
  return f.strict ? lhs > rhs : lhs >= rhs
}

/** A vote is valid when the participants meet the validity fraction of the frozen electorate. */
export const isValid = (participants: number, eligible: number, rule: Fraction = MORE_THAN_HALF) => meets(participants, eligible, rule)

/** approve/object votes have these fixed options. */
export const APPROVE_OPTIONS = ['同意', '反对', '弃权'] as const

export function optionsOf(kind: VoteKind, options: string[]): string[] {
  return kind === 'approve' ? [...APPROVE_OPTIONS] : options
}

/** Refuses a choice list that does not fit the vote (out of range, repeated, too many). Answers it sorted. */
export function checkChoices(choices: number[], optionCount: number, maxChoices: number): number[] {
  const unique = [...new Set(choices)].sort((a, b) => a - b)
  if (unique.length !== choices.length) throw invalid('选项不能重复')
  if (unique.some((c) => c < 0 || c >= optionCount)) throw invalid('选项不存在')
  if (unique.length > maxChoices) throw invalid(`最多可选${maxChoices}项`)
  return unique
}

/** The tally of ballots: votes per option. */
export function tally(ballots: ReadonlyArray<{ choices: number[] }>, optionCount: number): number[] {
  const counts = new Array<number>(optionCount).fill(0)
  for (const b of ballots) for (const c of b.choices) if (c >= 0 && c < optionCount) counts[c]++
  return counts
}

/** Running count after a ballot replaces `before` (null for a first ballot) with `after`. */
export function adjustRunning(running: number[], before: number[] | null, after: number[]): number[] {
  const next = [...running]
  for (const c of before ?? []) next[c] = (next[c] ?? 0) - 1
  for (const c of after) next[c] = (next[c] ?? 0) + 1
  return next
}

/**
 * The options that pass: each option chosen by the passing fraction of participants. For approve votes only
 * 同意 (0) can pass; an invalid vote passes nothing.
 */
export function passedOptions(
  kind: VoteKind,
  counts: number[],
  participants: number,
  valid: boolean,
  rule: Fraction = MORE_THAN_HALF
): number[] {
  if (!valid) return []
  const candidates = kind === 'approve' ? [0] : counts.map((_, i) => i)
  return candidates.filter((i) => meets(counts[i] ?? 0, participants, rule))
}

export interface Outcome {
  tally: number[]
  participants: number
  valid: boolean
  passed: number[]
  mismatch: boolean
}

/** The result at close: recount from the ballots, compare with the running count. */
export function outcome(
  vote: { kind: VoteKind; options: string[]; eligible: number; running: number[]; validity: Fraction; passing: Fraction },
  ballots: ReadonlyArray<{ choices: number[] }>
): Outcome {
  const count = optionsOf(vote.kind, vote.options).length
  const counts = tally(ballots, count)
  const participants = ballots.length
  const valid = isValid(participants, vote.eligible, vote.validity)
  const mismatch = counts.length !== vote.running.length || counts.some((n, i) => n !== vote.running[i])
  return { tally: counts, participants, valid, passed: passedOptions(vote.kind, counts, participants, valid, vote.passing), mismatch }
}
