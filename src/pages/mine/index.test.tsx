import type { Me } from '@contract'
import { makeMe } from '../../../test/components/fetch-stub'
import { roleCentres } from '.'

const titles = (roles: Me['roles'], isStaff = false) => roleCentres(makeMe({ roles, isStaff })).map((c) => c.title)

describe('我的: each role’s own centre first', () => {
  it('gives a merchant 商家中心 and a unit admin 单位管理', () => {
    expect(titles([{ role: 'merchant', merchantId: 'm01', communityId: 'cm01' }])).toEqual(['商家中心'])
    expect(titles([{ role: 'unitAdmin', unitId: 'u01' }])).toEqual(['单位管理'])
  })

  it('names the workbench after who uses it', () => {
    expect(titles([{ role: 'staff', communityId: 'cm01' }], true)).toEqual(['社区工作台'])
    expect(titles([{ role: 'streetAdmin', streetId: 'st01' }], true)).toEqual(['街道工作台', '吹哨报到'])
  })

  it('gives a grid worker and a department handler their report work (随手拍, 吹哨报到)', () => {
    expect(titles([{ role: 'gridWorker', communityId: 'cm01', gridIds: ['cm01-g1'] }])).toEqual(['网格员工作台'])
    expect(titles([{ role: 'deptHandler', streetId: 'st01', departmentId: 'st01-urban' }])).toEqual(['部门工作台'])
  })

  it('gives residents, volunteers and members none', () => {
    expect(titles([])).toEqual([])
    expect(titles([{ role: 'volunteer', communityId: 'cm01' }])).toEqual([])
    expect(titles([{ role: 'member', communityId: 'cm01' }])).toEqual([])
  })
})
