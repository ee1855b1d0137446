// Who the caller acts as on a report or a whistle, and the refusals when they may not.
import { personOf, type Caller } from '../../../_shared/infra/auth'
import { denied } from '../../../_shared/infra/errors'
import type { ReportDoc, WhistleDoc } from '../docs'
import { isGridWorkerFor, isStaffFor, isTargetOf } from '../domain/access'
import type { Actor } from '../domain/lifecycle'

const nameOf = (caller: Caller) => caller.user?.realName || caller.user?.nickName || null

/** The community side: staff of the report's community, or a worker of its grid. */
export function communityActor(caller: Caller, r: Pick<ReportDoc, 'communityId' | 'gridId'>): Actor {
  const who = personOf(caller)
  if (isStaffFor(caller.grants, r.communityId)) return { who, role: 'staff', name: nameOf(caller) }
  if (isGridWorkerFor(caller.grants, r)) return { who, role: 'gridWorker', name: nameOf(caller) }
  throw denied('只有本网格的网格员或本社区工作人员可以处理')
}

export function staffActor(caller: Caller, r: Pick<ReportDoc, 'communityId'>): Actor {
  const who = personOf(caller)
  if (isStaffFor(caller.grants, r.communityId)) return { who, role: 'staff', name: nameOf(caller) }
  throw denied('只有本社区工作人员可以操作')
}

export function reporterActor(caller: Caller, r: Pick<ReportDoc, 'reporterId'>): Actor {
  const who = personOf(caller)
  if (r.reporterId !== who) throw denied('只有上报人可以操作')
  // A resident's name stays out of the history (erasure clears it from `reporter` only; staff read it there).
  return { who, role: 'resident', name: null }
}

/** The target side of a whistle: the department's handler, or the street's admin for a whistle to the street. */
export function targetActor(caller: Caller, w: Pick<WhistleDoc, 'streetId' | 'target'>): Actor {
  const who = personOf(caller)
  if (!isTargetOf(caller.grants, w)) throw denied('只有被吹哨的部门可以操作')
  return { who, role: w.target.kind === 'street' ? 'streetAdmin' : 'deptHandler', name: nameOf(caller) }
}

export const SYSTEM_ACTOR: Actor = { who: 'system', role: 'system', name: null }
