import { fireEvent, render, screen } from '@testing-library/react'
import { setDeskWidth } from '../../../../../test/components/desk-width'
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

beforeEach(() => {
  resetSession()
  setDeskWidth(false)
})

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

describe('at PC width', () => {
  beforeEach(() => setDeskWidth(true))
  const rows = [
    row('v1', '李志强', { checkInAt: '2026-05-01T01:10:00.000Z' }),
    row('v2', '马丽', {
      status: 'completed',
      checkInAt: '2026-05-01T01:00:00.000Z',
      checkOutAt: '2026-05-01T03:00:00.000Z',
      hours: 2,
      points: 20,
      phone: '138****0002',
      volunteerNo: 'ZY26000002',
      flags: ['sharedDevice']
    }),
    row('v3', '王芳', {
      status: 'completed',
      checkInAt: '2026-05-01T01:05:00.000Z',
      checkOutAt: '2026-05-01T04:05:00.000Z',
      hours: 3,
      points: 30,
      checkInEvidence: null
    })
  ]
  const names = () =>
    screen
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.querySelector('[role="rowheader"]')?.textContent?.match(/^\S+?(?=ZY)/)?.[0])

  const open = async () => {
    stubFetch((req) => (req.body.action === 'attendance' ? ok({ items: rows, nextCursor: null, summary }) : ok({ id: 'a1' })))
    render(
      <MeProvider initialMe={makeMe({ roles: [{ role: 'staff', communityId: 'cm01' }], needsConsent: false })}>
        <AttendancePage />
      </MeProvider>
    )
    await screen.findByRole('table')
  }

  it('shows the attendance as a table sorted by check-in, with masked phones, hours, evidence and flags', async () => {
    await open()
    const headings = screen.getAllByRole('columnheader').map((h) => h.textContent)
    expect(headings).toEqual(['志愿者', '状态', '签到 ↑', '签退', '时长', '见证/标记', '操作'])
    expect(names()).toEqual(['马丽', '王芳', '李志强'])
    const ma = screen.getAllByRole('row')[1]
    expect(ma.textContent).toContain('ZY26000002 · 138****0002')
    expect(ma.textContent).toContain('2小时 · 20 积分')
    expect(ma.textContent).toContain('签到距活动地点25米')
    expect(ma.textContent).toContain('⚠ 与他人使用同一设备签到')
    expect(ma.textContent).not.toContain('13800000002')
    expect(screen.getAllByText('更正时长')).toHaveLength(3)
  })

  it('sorts by hours, most first, and filters by name', async () => {
    await open()
    fireEvent.click(screen.getByText('时长'))
    expect(names()).toEqual(['王芳', '马丽', '李志强'])
    fireEvent.change(screen.getByPlaceholderText('输入姓名或志愿者编号筛选'), { target: { value: '马' } })
    expect(names()).toEqual(['马丽'])
  })

  it('opens the correction of a row from its button', async () => {
    await open()
    fireEvent.click(screen.getAllByText('更正时长')[0])
    expect(screen.getByText('更正马丽的时长')).toBeTruthy()
    expect(screen.getByText('保存更正')).toBeTruthy()
  })
})
