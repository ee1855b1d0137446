import { render, screen } from '@testing-library/react'
import { makeMe, ok, stubFetch } from '../../../../../test/components/fetch-stub'
import { MeProvider } from '@/hooks/useMe'
import { resetSession } from '@/services/session'
import AttendancePage from './index'

const mockParams = { id: 'a1' }
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro')
  return { __esModule: true, ...actual, useRouter: () => ({ params: mockParams, path: '/' }) }
})

const summary = { enrolled: 0, checkedIn: 2, completed: 0, absent: 0, cancelled: 0 }
const evidence = (over = {}) => ({ lat: 31.3352, lng: 118.3751, accuracy: 15, distance: 25, at: '2026-05-01T01:00:00.000Z', ...over })
const row = (id: string, realName: string, extra = {}) => ({
  id,
  activityId: 'a1',
  status: 'checkedIn',
  enrolledAt: '2026-04-20T01:00:00.000Z',
  checkInAt: '2026-05-01T01:00:00.000Z',
  checkOutAt: null,
  hours: 0,
  points: 0,
  missingCheckout: false,
  corrections: [],
  openid: id,
  realName,
  phone: '139****0001',
  volunteerNo: 'ZY26000001',
  checkInEvidence: evidence(),
  checkOutEvidence: null,
  flags: [],
  ...extra
})

beforeEach(() => resetSession())

it('shows each check-in’s location evidence and, in Chinese, the patterns staff should verify', async () => {
  stubFetch(() =>
    ok({
      items: [
        row('v1', '李志强'),
        row('v2', '马丽', {
          checkInEvidence: evidence({ lat: 31.335, lng: 118.375, accuracy: null, distance: 0 }),
          flags: ['exactVenue', 'sharedDevice']
        })
      ],
      nextCursor: null,
      summary
    })
  )
  render(
    <MeProvider initialMe={makeMe({ roles: [{ role: 'staff', communityId: 'cm01' }], needsConsent: false })}>
      <AttendancePage />
    </MeProvider>
  )
  expect(await screen.findByText('签到位置：31.335200, 118.375100（距活动地点25米，定位精度约15米）')).toBeTruthy()
  expect(screen.getByText('签到位置：31.335000, 118.375000（距活动地点0米）')).toBeTruthy()
  const notes = screen.getAllByRole('note')
  expect(notes).toHaveLength(1)
  expect(notes[0].textContent).toContain('⚠ 定位与活动地点完全重合')
  expect(notes[0].textContent).toContain('⚠ 与他人使用同一设备签到')
  expect(notes[0].textContent).toContain('请核实本人是否到场')
})
