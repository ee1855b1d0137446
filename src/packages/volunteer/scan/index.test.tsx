import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { callsOf, fail, makeMe, ok, stubFetch } from '../../../../test/components/fetch-stub'
import { MeProvider } from '@/hooks/useMe'
import { resetSession } from '@/services/session'
import VolunteerScanPage from './index'

const me = makeMe({ roles: [{ role: 'volunteer', communityId: 'cm01' }], needsConsent: false })
const CODE = 'LLT-CHECKIN:a1.59112345.abcdefghijABCDEFGHIJ0123456789_-abcdefghij'
const enrollment = (status: string, extra = {}) => ({
  id: 'a1_v',
  activityId: 'a1',
  status,
  enrolledAt: '',
  checkInAt: null,
  checkOutAt: null,
  hours: 0,
  points: 0,
  missingCheckout: false,
  corrections: [],
  ...extra
})

function renderScan(answer: (action: string) => unknown) {
  const calls = stubFetch((req) => answer(req.body.action))
  render(
    <MeProvider initialMe={me}>
      <VolunteerScanPage />
    </MeProvider>
  )
  return calls
}

const paste = (text: string) => {
  fireEvent.change(screen.getByPlaceholderText('输入6位签到码'), { target: { value: text } })
  fireEvent.click(screen.getByText('确定'))
}

beforeEach(() => resetSession())

describe('scan to check in or out (h5: paste the code)', () => {
  it('checks in with the pasted code and the location when enrolled', async () => {
    const calls = renderScan((action) =>
      action === 'activity'
        ? ok({ id: 'a1', title: '敬老院陪伴读报', myEnrollment: enrollment('enrolled') })
        : ok({ enrollment: enrollment('checkedIn'), distance: 25, credited: 0 })
    )
    paste(CODE)
    expect(await screen.findByText('签到成功')).toBeTruthy()
    expect(screen.getByText('距活动地点约 25米')).toBeTruthy()
    expect(callsOf(calls, 'volunteer', 'checkIn')[0].body.data).toEqual({
      activityId: 'a1',
      token: CODE,
      location: { lat: 31.3526, lng: 118.4331 },
      deviceId: expect.stringMatching(/^[a-z0-9]{24}$/)
    })
  })

  it('sends the accuracy the phone reports and the same install id on every scan', async () => {
    jest.spyOn(Taro, 'getLocation').mockResolvedValue({ latitude: 31.3526, longitude: 118.4331, accuracy: 12 } as never)
    const calls = renderScan((action) =>
      action === 'activity'
        ? ok({ id: 'a1', title: '敬老院陪伴读报', myEnrollment: enrollment('enrolled') })
        : fail('FAILED_PRECONDITION', '签到码已过期，请扫描最新的签到码')
    )
    paste(CODE)
    await screen.findByRole('alert')
    paste(CODE)
    await waitFor(() => expect(callsOf(calls, 'volunteer', 'checkIn')).toHaveLength(2))
    const [first, second] = callsOf(calls, 'volunteer', 'checkIn').map((c) => c.body.data)
    expect(first).toMatchObject({ location: { lat: 31.3526, lng: 118.4331 }, accuracy: 12 })
    expect(second.deviceId).toBe(first.deviceId)
    jest.restoreAllMocks()
  })

  it('checks out when already checked in and shows the hours and points', async () => {
    const calls = renderScan((action) =>
      action === 'activity'
        ? ok({ id: 'a1', title: '敬老院陪伴读报', myEnrollment: enrollment('checkedIn') })
        : ok({ enrollment: enrollment('completed', { hours: 2, points: 20 }), distance: 30, credited: 20 })
    )
    paste(CODE)
    expect(await screen.findByText('签退成功')).toBeTruthy()
    expect(screen.getByText('本次服务 2小时，获得 20 积分')).toBeTruthy()
    expect(callsOf(calls, 'volunteer', 'checkOut')).toHaveLength(1)
  })

  it('shows the server’s refusal where the person is looking, and something that is not a code is refused here', async () => {
    renderScan((action) =>
      action === 'activity'
        ? ok({ id: 'a1', title: '读报', myEnrollment: enrollment('enrolled') })
        : fail('FAILED_PRECONDITION', '已超出签到范围（距活动地点约1100米，需在200米内）')
    )
    paste(CODE)
    expect((await screen.findByRole('alert')).textContent).toBe('已超出签到范围（距活动地点约1100米，需在200米内）')
    paste('hello')
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('这不是签到码，请扫描活动现场的签到二维码'))
  })
})
