import { act, render, screen } from '@testing-library/react'
import { callsOf, fail, makeMe, ok, stubFetch } from '../../../../../test/components/fetch-stub'
import { MeProvider } from '@/hooks/useMe'
import { resetSession } from '@/services/session'
import CheckinCodePage from './index'

const mockParams = { id: 'a1' }
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro')
  return { __esModule: true, ...actual, useRouter: () => ({ params: mockParams, path: '/' }) }
})

const summary = { enrolled: 3, checkedIn: 2, completed: 1, absent: 0, cancelled: 0 }

beforeEach(() => {
  resetSession()
  jest.useFakeTimers()
})
afterEach(() => {
  jest.useRealTimers()
})

it('shows the rotating code and fetches a new one when the server says it rotates', async () => {
  let n = 0
  const calls = stubFetch((req) => {
    if (req.body.action === 'checkinCode') {
      n++
      return ok({
        activityId: 'a1',
        payload: `LLT-CHECKIN:a1.${n}.sig${n}`,
        shortCode: `ABC${n}EF`,
        window: n,
        validUntil: '',
        refreshInSeconds: 30
      })
    }
    if (req.body.action === 'attendance') return ok({ items: [], nextCursor: null, summary })
    return ok({ id: 'a1', title: '敬老院陪伴读报' })
  })
  render(
    <MeProvider initialMe={makeMe({ roles: [{ role: 'staff', communityId: 'cm01' }], needsConsent: false })}>
      <CheckinCodePage />
    </MeProvider>
  )
  await act(async () => {
    await jest.advanceTimersByTimeAsync(0)
  })
  expect(screen.getByText('30 秒后自动更新')).toBeTruthy()
  expect(screen.getByLabelText('签到数字码').textContent).toBe('ABC 1EF')
  expect(screen.getByText('已签到 3')).toBeTruthy()
  const first = (screen.getByLabelText('签到二维码') as HTMLImageElement).src
  await act(async () => {
    await jest.advanceTimersByTimeAsync(10_000)
  })
  expect(screen.getByText('20 秒后自动更新')).toBeTruthy()
  await act(async () => {
    await jest.advanceTimersByTimeAsync(20_000)
  })
  expect(callsOf(calls, 'volunteer', 'checkinCode')).toHaveLength(2)
  expect((screen.getByLabelText('签到二维码') as HTMLImageElement).src).not.toBe(first)
  expect(screen.getByLabelText('签到数字码').textContent).toBe('ABC 2EF')
})

it('outside the check window says why with the time, and shows no code', async () => {
  stubFetch((req) => {
    if (req.body.action === 'checkinCode') return fail('FAILED_PRECONDITION', '活动于 12月3日 19:00 开始，开始前30分钟可签到')
    if (req.body.action === 'attendance') return ok({ items: [], nextCursor: null, summary })
    return ok({ id: 'a1', title: '敬老院陪伴读报' })
  })
  render(
    <MeProvider initialMe={makeMe({ roles: [{ role: 'staff', communityId: 'cm01' }], needsConsent: false })}>
      <CheckinCodePage />
    </MeProvider>
  )
  await act(async () => {
    await jest.advanceTimersByTimeAsync(0)
  })
  expect(screen.getByText('现在不能签到')).toBeTruthy()
  expect(screen.getByText('活动于 12月3日 19:00 开始，开始前30分钟可签到')).toBeTruthy()
  expect(screen.queryByText('!')).toBeNull()
  expect(screen.queryByLabelText('签到二维码')).toBeNull()
})
