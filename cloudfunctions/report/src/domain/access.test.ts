import type { RoleGrant } from '../../../../types/models'
import { handlesInCommunity, isTargetOf, maySee, seesReporter, viewerOf } from './access'

const r = { communityId: 'cm01', gridId: 'cm01-g1', reporterId: 'res1' }
const staff: RoleGrant[] = [{ role: 'staff', communityId: 'cm01' }]
const grid: RoleGrant[] = [{ role: 'gridWorker', communityId: 'cm01', streetId: 'st01', gridIds: ['cm01-g1'] }]
const otherGrid: RoleGrant[] = [{ role: 'gridWorker', communityId: 'cm01', streetId: 'st01', gridIds: ['cm01-g2'] }]
const dept: RoleGrant[] = [{ role: 'deptHandler', streetId: 'st01', departmentId: 'st01-urban' }]
const whistle = { streetId: 'st01', target: { kind: 'department' as const, departmentId: 'st01-urban', name: '城管' } }
const facts = (grants: RoleGrant[], openid: string | null = 'x', whistles = [whistle]) => ({ openid, grants, whistles, following: false })

describe('report access', () => {
  it('grid workers act only in their grids; staff in their community', () => {
    expect(handlesInCommunity(grid, r)).toBe(true)
    expect(handlesInCommunity(otherGrid, r)).toBe(false)
    expect(handlesInCommunity(staff, r)).toBe(true)
    expect(handlesInCommunity([{ role: 'staff', communityId: 'cm02' }], r)).toBe(false)
  })

  it('a department handler is the target of its own department’s whistles in its street only', () => {
    expect(isTargetOf(dept, whistle)).toBe(true)
    expect(isTargetOf([{ role: 'deptHandler', streetId: 'st02', departmentId: 'st01-urban' }], whistle)).toBe(false)
    expect(isTargetOf([{ role: 'deptHandler', streetId: 'st01', departmentId: 'st01-water' }], whistle)).toBe(false)
    expect(
      isTargetOf([{ role: 'streetAdmin', streetId: 'st01' }], { ...whistle, target: { kind: 'street', departmentId: null, name: '街道' } })
    ).toBe(true)
  })

  it('a private report is seen by its reporter, staff, its grid’s workers and the whistled handler only', () => {
    const priv = { visibility: 'private' as const }
    expect(maySee(priv, viewerOf(r, facts([], 'res1')))).toBe(true)
    expect(maySee(priv, viewerOf(r, facts(staff)))).toBe(true)
    expect(maySee(priv, viewerOf(r, facts(grid)))).toBe(true)
    expect(maySee(priv, viewerOf(r, facts(dept)))).toBe(true)
    expect(maySee(priv, viewerOf(r, facts(dept, 'x', [])))).toBe(false)
    expect(maySee(priv, viewerOf(r, facts(otherGrid)))).toBe(false)
    expect(maySee(priv, viewerOf(r, facts([], null)))).toBe(false)
    expect(maySee(priv, viewerOf(r, { ...facts([]), following: true }))).toBe(false)
  })

  it('only the people who handle a report see who reported it', () => {
    expect(seesReporter(viewerOf(r, facts(staff)))).toBe(true)
    expect(seesReporter(viewerOf(r, facts([], 'res1')))).toBe(false)
    expect(seesReporter(viewerOf(r, facts([], 'someone')))).toBe(false)
  })
})
