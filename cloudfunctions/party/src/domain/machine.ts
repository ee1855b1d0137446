// A small state machine with a recorded history: every change says who, when, from, to and why, and an
// event outside the machine is refused. Registrations (member, unit) and needs are built on it.
import type { ActorRole, HistoryEntry } from '../../../_shared/docs/party'
import { conflict } from '../../../_shared/infra/errors'

export type { ActorRole, HistoryEntry }

export const ACTOR_LABELS: Record<ActorRole, string> = {
  applicant: '申请人',
  member: '在职党员',
  unitAdmin: '单位管理员',
  staff: '社区工作者',
  system: '系统'
}

export interface Actor {
  /** openid, or "system" */
  id: string
  role: ActorRole
}

/** `to: null` keeps the status (an event recorded without a change of state, e.g. a grid assignment). */
export interface EventSpec<S extends string> {
  from: ReadonlyArray<S | null>
  to: S | null
  label: string
  /** Shown when the event is refused in the current state. */
  refused: string
}

export type MachineSpec<S extends string, E extends string> = Record<E, EventSpec<S>>

export interface Stateful<S extends string> {
  status: S | null
  history: HistoryEntry[]
}

export function canApply<S extends string, E extends string>(spec: MachineSpec<S, E>, status: S | null, event: E): boolean {
  return spec[event].from.includes(status)
}

/** The next status for `event`, or CONFLICT with the event's message when the machine does not allow it. */
export function nextStatus<S extends string, E extends string>(spec: MachineSpec<S, E>, status: S | null, event: E): S {
  const rule = spec[event]
  if (!rule.from.includes(status)) throw conflict(rule.refused)
  return (rule.to ?? status) as S
}

/** Applies `event`: the new status and the history with this change appended. */
export function applyEvent<S extends string, E extends string>(
  spec: MachineSpec<S, E>,
  doc: Stateful<S>,
  event: E,
  actor: Actor,
  at: Date,
  why: string | null = null
): { status: S; history: HistoryEntry[] } {
  const status = nextStatus(spec, doc.status, event)
  const entry: HistoryEntry = { event, by: actor.id, role: actor.role, at, from: doc.status, to: status, why: why || null }
  return { status, history: [...doc.history, entry] }
}

/** Every (from, event, to) the machine allows, for tests and documentation. */
export function transitions<S extends string, E extends string>(spec: MachineSpec<S, E>): Array<{ from: S | null; event: E; to: S }> {
  return (Object.keys(spec) as E[]).flatMap((event) => spec[event].from.map((from) => ({ from, event, to: (spec[event].to ?? from) as S })))
}

/** The reason given with the last event of the listed kinds (the last rejection, for example). */
export function lastReason(history: HistoryEntry[], events: readonly string[]): string | null {
  for (let i = history.length - 1; i >= 0; i--) if (events.includes(history[i].event)) return history[i].why
  return null
}
