import { PHONE_PATTERN } from '../../_shared/domain/masking'
import type { MemberRegistrationDoc, NeedDoc, UnitDoc } from './docs'
import { memberRegistrationView, needView, unitMemberView, unitView } from './views'

const names = { community: () => '青枫社区', grid: (id: string | null) => (id ? '第一网格' : null) }
const at = new Date('2026-11-22T08:00:00Z')
const reg: MemberRegistrationDoc = {
  _id: 'pm-1',
  openid: 'o1',
  communityId: 'cm01',
  name: '陈建国',
  phone: '13800001234',
  unitId: null,
  workUnit: '某公司',
  branch: '支部',
  skills: [],
  intentions: [],
  pledge: '服务群众',
  gridId: 'cm01-g1',
  status: 'rejected',
  renewedHalves: [],
  history: [
    { event: 'submit', by: 'o1', role: 'applicant', at, from: null, to: 'pending', why: null },
    { event: 'reject', by: 's1', role: 'staff', at, from: 'pending', to: 'rejected', why: '非本社区居民' }
  ],
  createdAt: at,
  updatedAt: at,
  approvedAt: null,
  endedAt: null
}
const hasPhone = (value: unknown) => PHONE_PATTERN.test(JSON.stringify(value))

test('registration: full phone only with full access; timeline labels roles, not people', () => {
  const own = memberRegistrationView(reg, names, true)
  expect(own.phone).toBe('13800001234')
  expect(own.reason).toBe('非本社区居民')
  expect(own.timeline[1]).toEqual({
    at: at.toISOString(),
    event: 'reject',
    label: '驳回',
    from: '待审核',
    to: '已驳回',
    actor: '社区工作者',
    why: '非本社区居民'
  })
  expect(hasPhone(memberRegistrationView(reg, names, false))).toBe(false)
  expect(hasPhone(unitMemberView(reg, '2026H2', names))).toBe(false)
  expect(JSON.stringify(own.timeline)).not.toContain('s1')
})

test('unit: contact masked for outsiders', () => {
  const unit = {
    _id: 'u01',
    communityId: 'cm01',
    adminId: 'a',
    name: '税务局',
    org: '机关党支部',
    contactName: '赵磊',
    contactPhone: '13900001111',
    resources: [],
    status: 'approved',
    history: [],
    createdAt: at,
    updatedAt: at,
    approvedAt: at
  } as UnitDoc
  expect(unitView(unit, names, true)).toMatchObject({ contactName: '赵磊', contactPhone: '13900001111' })
  const outside = unitView(unit, names, false)
  expect(outside).toMatchObject({ contactName: '赵*', contactPhone: '139****1111' })
  expect(hasPhone(outside)).toBe(false)
})

test('need: the claimant shows the badge with a masked name to the public, reasons stay with the people involved', () => {
  const need = {
    _id: 'nd-1',
    communityId: 'cm01',
    category: 'service',
    title: '楼道清理',
    description: '清理',
    place: null,
    deadline: null,
    status: 'claimed',
    postedBy: 's1',
    claimerId: 'o1',
    claimerUnitId: null,
    claimant: { kind: 'member', id: 'o1', by: 'o1', name: '陈建国', branch: '支部', pledge: '服务群众' },
    completion: null,
    history: [{ event: 'claim', by: 'o1', role: 'member', at, from: 'open', to: 'claimed', why: '顺路' }],
    createdAt: at,
    updatedAt: at
  } as NeedDoc
  const publicView = needView(need, names, { openid: 'x', unitIds: [], isStaff: false, canClaim: true })
  expect(publicView.claimant).toEqual({
    kind: 'member',
    displayName: '陈**',
    badge: { displayName: '陈**', branch: '支部', pledge: '服务群众' }
  })
  expect(publicView.timeline[0].why).toBeNull()
  expect(publicView.can.claim).toBe(false)
  const mine = needView(need, names, { openid: 'o1', unitIds: [], isStaff: false, canClaim: true })
  expect(mine).toMatchObject({ claimedByMe: true, can: { complete: true, release: true, claim: false } })
  expect(mine.claimant?.displayName).toBe('陈建国')
})
