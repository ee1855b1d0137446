// The grid-report places the function tests and the hardening world share: grids with polygons around 青枫社区
// (cm01) and a compound-list grid in 柳岸社区 (cm02), the three departments of st01 and the default category tree.
import type { GridDoc } from '../../cloudfunctions/_shared/docs'
import type { DepartmentDoc } from '../../cloudfunctions/_shared/docs/report'
import { defaultCategories, DEFAULT_DEPARTMENTS, departmentIdFor } from '../../cloudfunctions/report/src/domain/categories'
import type { RoleGrant } from '../../types/models'
import type { SeedStore } from '../../demo/store'
import type { Input } from './client'
import { communitySettings, nextRequestId, point, STREET, twoCommunities } from './fixtures'

/** The centre of cm01's first grid: a report made here routes to cm01-g1. */
export const SPOT = { lat: 31.336, lng: 118.376 }
/** Inside cm01's second grid (east of the first). */
export const SPOT_G2 = { lat: 31.336, lng: 118.381 }
/** Near cm02's compound cp002, inside no polygon: routes through the compound list to cm02-g1. */
export const SPOT_CM02 = { lat: 31.341, lng: 118.386 }

const square = (lat0: number, lng0: number, lat1: number, lng1: number): Array<[number, number]> => [
  [lng0, lat0],
  [lng1, lat0],
  [lng1, lat1],
  [lng0, lat1]
]

export function reportGrids(): GridDoc[] {
  return [
    {
      _id: 'cm01-g1',
      communityId: 'cm01',
      streetId: 'st01',
      name: '第一网格',
      polygon: square(31.333, 118.372, 31.339, 118.379),
      compoundIds: ['cp001']
    },
    {
      _id: 'cm01-g2',
      communityId: 'cm01',
      streetId: 'st01',
      name: '第二网格',
      polygon: square(31.333, 118.379, 31.339, 118.384),
      compoundIds: []
    },
    { _id: 'cm02-g1', communityId: 'cm02', streetId: 'st01', name: '第一网格', polygon: null, compoundIds: ['cp002'] }
  ]
}

export function reportDepartments(streetId = 'st01'): DepartmentDoc[] {
  return DEFAULT_DEPARTMENTS.map((d) => ({
    _id: departmentIdFor(streetId, d.kind),
    streetId,
    kind: d.kind,
    name: d.name,
    phone: '0553-2110000'
  }))
}

export const reportCategories = defaultCategories

export const reportGrants = {
  gridWorker: (gridIds: string[], communityId = 'cm01'): RoleGrant => ({ role: 'gridWorker', communityId, streetId: 'st01', gridIds }),
  deptHandler: (departmentId: string, streetId = 'st01'): RoleGrant => ({ role: 'deptHandler', streetId, departmentId })
}

// --- the function tests' world ------------------------------------------------------------------------

const AT = new Date('2026-01-01T00:00:00Z')
export function reportUser(openid: string, name: string, roles: RoleGrant[] = [], phone: string | null = null, communityId = 'cm01') {
  return {
    _id: openid,
    nickName: name,
    realName: name,
    phone,
    communityId,
    compoundId: null,
    roles,
    elderMode: false,
    consent: null,
    createdAt: AT,
    updatedAt: AT,
    deletedAt: null
  }
}

/**
 * st01 with cm01 and cm02, their compounds, grids, departments and categories; residents res1–res3 and p00–p49,
 * staff of each community, grid workers of cm01's two grids, handlers of 城管 and 供水, the street admin.
 */
export function seedReportWorld(s: Pick<SeedStore, 'insert'>) {
  s.insert('streets', [STREET])
  s.insert('communities', twoCommunities(communitySettings()))
  s.insert('compounds', [
    { _id: 'cp001', name: '幸福小区', communityId: 'cm01', streetId: 'st01', location: point(SPOT.lat, SPOT.lng), households: 500 },
    {
      _id: 'cp002',
      name: '柳岸花园',
      communityId: 'cm02',
      streetId: 'st01',
      location: point(SPOT_CM02.lat, SPOT_CM02.lng),
      households: 300
    }
  ])
  s.insert('grids', reportGrids())
  s.insert('departments', reportDepartments())
  s.insert('reportCategories', reportCategories())
  s.insert('users', [
    reportUser('res1', '张桂英', [], '13912345678'),
    reportUser('res2', '王秀英', [], '13600002222'),
    reportUser('res3', '赵国强', [], '13500003333', 'cm02'),
    reportUser('staff1', '孙丽', [{ role: 'staff', communityId: 'cm01' }], '13800001111'),
    reportUser('staff2', '周敏', [{ role: 'staff', communityId: 'cm02' }], '13800002222', 'cm02'),
    reportUser('grid1', '钱网格', [reportGrants.gridWorker(['cm01-g1'])], '13700001111'),
    reportUser('grid2', '李网格', [reportGrants.gridWorker(['cm01-g2'])], '13700002222'),
    reportUser('dept1', '城管老刘', [reportGrants.deptHandler('st01-urban')], '13300001111'),
    reportUser('dept2', '供水小陈', [reportGrants.deptHandler('st01-water')], '13300002222'),
    reportUser('street1', '周明', [{ role: 'streetAdmin', streetId: 'st01' }]),
    ...Array.from({ length: 50 }, (_, i) => reportUser(`p${String(i).padStart(2, '0')}`, `居民${i}`))
  ])
}

/** A valid report of a blocked fire lane at SPOT by `openid` (their own photo), changed by `over`. */
export function submitInput(openid: string, over: Partial<Input<'report', 'submit'>> = {}): Input<'report', 'submit'> {
  return {
    requestId: nextRequestId('rp'),
    categoryId: 'fireLane',
    description: '5号楼东侧消防通道被电动车堵住',
    photos: [`cloud://local-dev/users/${openid}/lane.jpg`],
    location: SPOT,
    consent: true,
    ...over
  }
}
