import { RegisterMemberInput } from '../../../../types/schemas/party'
import { AppError } from '../../../_shared/infra/errors'
import {
  membershipOf,
  memberGrant,
  newMemberRegistration,
  reRegistration,
  renewHalves,
  unitAdminGrant,
  withGrant,
  withoutGrant
} from './registration'

const now = new Date('2026-11-22T08:00:00Z')
const input = RegisterMemberInput.parse({
  requestId: 'req-00000001',
  communityId: 'cm01',
  name: '陈建国',
  phone: '138 0000 1234',
  workUnit: '某某公司',
  branch: '机关党支部',
  skills: ['法律', '法律'],
  intentions: ['legal'],
  pledge: '每月参加一次社区志愿服务'
})

test('a new registration is pending, linked to the unit when there is one, with its submission recorded', () => {
  const reg = newMemberRegistration('pm-1', 'o1', input, { _id: 'u01', name: '江城市税务局镜湖分局' }, now)
  expect(reg).toMatchObject({ status: 'pending', unitId: 'u01', workUnit: '江城市税务局镜湖分局', phone: '13800001234', skills: ['法律'] })
  expect(reg.history).toEqual([{ event: 'submit', by: 'o1', role: 'applicant', at: now, from: null, to: 'pending', why: null }])
  expect(newMemberRegistration('pm-2', 'o1', input, null, now).workUnit).toBe('某某公司')
  expect(reg.renewedHalves).toEqual([])
  expect(membershipOf(reg)).toEqual({
    _id: 'o1',
    registrationId: 'pm-1',
    communityId: 'cm01',
    status: 'pending',
    branch: '机关党支部',
    pledge: '每月参加一次社区志愿服务',
    unitId: 'u01',
    gridId: null,
    renewedHalves: [],
    approvedAt: null
  })
})

test('one active registration: re-registering elsewhere supersedes, in the same community while approved is refused', () => {
  expect(reRegistration(null, 'cm01')).toBe('none')
  expect(reRegistration({ status: 'rejected', communityId: 'cm01' }, 'cm01')).toBe('none')
  expect(reRegistration({ status: 'ended', communityId: 'cm02' }, 'cm01')).toBe('none')
  expect(reRegistration({ status: 'pending', communityId: 'cm01' }, 'cm01')).toBe('supersede')
  expect(reRegistration({ status: 'approved', communityId: 'cm02' }, 'cm01')).toBe('supersede')
  expect(() => reRegistration({ status: 'approved', communityId: 'cm01' }, 'cm01')).toThrow(AppError)
})

test('grants are added once and removed precisely', () => {
  const roles = [{ role: 'volunteer' as const, communityId: 'cm01' }]
  const once = withGrant(withGrant(roles, memberGrant('cm01')), memberGrant('cm01'))
  expect(once).toEqual([...roles, { role: 'member', communityId: 'cm01' }])
  expect(withoutGrant(once, memberGrant('cm02'))).toEqual(once)
  expect(withoutGrant(once, memberGrant('cm01'))).toEqual(roles)
  expect(withGrant([], unitAdminGrant('u01'))).toEqual([{ role: 'unitAdmin', unitId: 'u01' }])
})

test('renewal adds the current half once', () => {
  expect(renewHalves(['2026H1'], now)).toEqual(['2026H1', '2026H2'])
  expect(renewHalves(['2026H2'], now)).toEqual(['2026H2'])
})
