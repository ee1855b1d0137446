// Who may see and act on a report or a whistle (docs/pillars/grid-reports.md "Roles"; docs/roles.md). Pure over
// the caller's grants, so each rule is unit-tested on its own.
import type { RoleGrant } from '../../../../types/models'
import type { ReportViewer } from '../../../../types/schemas/report'
import type { ReportDoc, WhistleDoc } from '../docs'

type Place = Pick<ReportDoc, 'communityId' | 'gridId'>
type Target = Pick<WhistleDoc, 'streetId' | 'target'>

export const isStaffFor = (grants: readonly RoleGrant[], communityId: string) =>
  grants.some((g) => g.role === 'staff' && g.communityId === communityId)

export const isGridWorkerFor = (grants: readonly RoleGrant[], r: Place) =>
  grants.some((g) => g.role === 'gridWorker' && g.communityId === r.communityId && (g.gridIds ?? []).includes(r.gridId))

/** The community side of a report: its grid's workers and its community's staff. */
export const handlesInCommunity = (grants: readonly RoleGrant[], r: Place) =>
  isStaffFor(grants, r.communityId) || isGridWorkerFor(grants, r)

/** The target side of a whistle: the department's handlers in its street, or the street's admins. */
export function isTargetOf(grants: readonly RoleGrant[], w: Target): boolean {
  if (w.target.kind === 'street') return grants.some((g) => g.role === 'streetAdmin' && g.streetId === w.streetId)
  return grants.some((g) => g.role === 'deptHandler' && g.streetId === w.streetId && g.departmentId === w.target.departmentId)
}

/** The departments a handler acts for (`<streetId>` and department ids). */
export const departmentsOf = (grants: readonly RoleGrant[]) =>
  grants.filter((g) => g.role === 'deptHandler' && g.departmentId).map((g) => g.departmentId as string)

export const gridsOf = (grants: readonly RoleGrant[]) =>
  grants
    .filter((g) => g.role === 'gridWorker')
    .flatMap((g) => (g.gridIds ?? []).map((gridId) => ({ communityId: g.communityId as string, gridId })))

export interface ViewerFacts {
  openid: string | null
  grants: readonly RoleGrant[]
  /** The whistles on the report (a handler of one of them sees it). */
  whistles: readonly Target[]
  following: boolean
}

/** The capacity in which someone reads a report: the most privileged that applies. */
export function viewerOf(r: Pick<ReportDoc, 'communityId' | 'gridId' | 'reporterId'>, f: ViewerFacts): ReportViewer {
  if (isStaffFor(f.grants, r.communityId)) return 'staff'
  if (isGridWorkerFor(f.grants, r)) return 'gridWorker'
  if (f.whistles.some((w) => isTargetOf(f.grants, w))) return 'handler'
  if (f.openid && r.reporterId === f.openid) return 'reporter'
  if (f.following) return 'follower'
  return 'public'
}

/** A private report is seen only by its reporter, staff, its grid workers and the handlers it was whistled to. */
export const maySee = (r: Pick<ReportDoc, 'visibility'>, viewer: ReportViewer) =>
  r.visibility === 'public' || (viewer !== 'public' && viewer !== 'follower')

/** Whether a viewer sees who reported (name, phone, client time): the people who handle it. */
export const seesReporter = (viewer: ReportViewer) => viewer === 'staff' || viewer === 'gridWorker' || viewer === 'handler'
