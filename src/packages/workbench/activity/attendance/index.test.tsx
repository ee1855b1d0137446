import { render, screen } from '@testing-library/react'
import { makeMe, ok, stubFetch } from '../../../../../test/components/fetch-stub'
import { MeProvider } from '@/hooks/useMe'
import { formatSpan } from '../../../volunteer/format'
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

describe('the activity it is for', () => {
  const detail = (over: object) => ({
    id: 'a1',
    title: '敬老院陪伴读报',
    start: '2026-05-01T01:00:00.000Z',
    end: '2026-05-01T04:00:00.000Z',
    phase: 'ongoing',
    checkinMode: 'staffScan',
    ...over
  })
  const renderWith = (over: object) => {
    stubFetch((req) => (req.body.action === 'activity' ? ok(detail(over)) : ok({ items: [], nextCursor: null, summary })))
    render(
      <MeProvider initialMe={makeMe({ roles: [{ role: 'staff', communityId: 'cm01' }], needsConsent: false })}>
        <AttendancePage />
      </MeProvider>
    )
  }

  it('names the activity and its time, with the check-in tools of its mode', async () => {
    renderWith({})
    expect(await screen.findByText('敬老院陪伴读报')).toBeTruthy()
    expect(screen.getByText(`${formatSpan(detail({}).start, detail({}).end)} · 进行中`)).toBeTruthy()
    expect(screen.getByText('扫志愿者签到码')).toBeTruthy()
    expect(screen.queryByText('出示签到码')).toBeNull()
    expect(screen.queryByText('活动结项')).toBeNull()
  })

  it('offers no live check-in tools and no 活动结项 once the activity is closed', async () => {
    renderWith({ phase: 'finished', checkinMode: 'venueCode' })
    expect(await screen.findByText('活动已结项，不能再签到签退，时长仍可更正。')).toBeTruthy()
    expect(screen.queryByText('出示签到码')).toBeNull()
    expect(screen.queryByText('扫志愿者签到码')).toBeNull()
    expect(screen.queryByText('活动结项')).toBeNull()
  })
})
