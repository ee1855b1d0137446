// Defect 27: 按我的位置选择 says what it did, and after the location is refused offers to try again.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import taro from '@tarojs/taro'
import { makeMe, ok, stubFetch } from '../../../test/components/fetch-stub'
import { MeProvider } from '@/hooks/useMe'
import { resetSession } from '@/services/session'
import { CommunityPicker } from '.'

const COMMUNITIES = [
  { id: 'cm01', name: '青枫社区', streetId: 'st01', center: { lat: 31.35, lng: 118.43 }, phone: '0553-2123451' },
  { id: 'cm02', name: '松涛社区', streetId: 'st01', center: { lat: 31.4, lng: 118.5 }, phone: '0553-2123452' }
]

const realGetLocation = taro.getLocation
beforeEach(() => resetSession())
afterEach(() => Object.assign(taro, { getLocation: realGetLocation }))

function renderPicker(onChange = jest.fn()) {
  stubFetch(() => ok(COMMUNITIES))
  render(
    <MeProvider initialMe={makeMe({ needsConsent: false })}>
      <CommunityPicker value="cm01" locatable onChange={onChange} />
    </MeProvider>
  )
  return onChange
}

test('after a refused location it says why and offers to try again; a second try that works says what it chose', async () => {
  Object.assign(taro, { getLocation: jest.fn(async () => Promise.reject(new Error('getLocation:fail auth deny'))) })
  const onChange = renderPicker()
  await screen.findByText('青枫社区')
  fireEvent.click(screen.getByText('按我的位置选择'))
  expect((await screen.findByRole('alert')).textContent).toContain('没能获取您的位置')
  const retry = screen.getByText('重新获取位置')

  Object.assign(taro, { getLocation: jest.fn(async () => ({ latitude: 31.401, longitude: 118.499 })) })
  fireEvent.click(retry)
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe('已按您的位置选择松涛社区。'))
  expect(onChange).toHaveBeenCalledWith(COMMUNITIES[1])
  expect(screen.getByText('按我的位置选择')).toBeTruthy()
})
