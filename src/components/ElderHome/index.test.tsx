// The elder-mode home: four big tiles, and 打电话给社区 dials the community's own phone.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import taro from '@tarojs/taro'
import { makeMe, ok, stubFetch } from '../../../test/components/fetch-stub'
import { taroTest } from '../../../test/components/taro'
import { MeProvider } from '@/hooks/useMe'
import { resetSession } from '@/services/session'
import { ElderHome } from '.'

const COMMUNITIES = [{ id: 'cm01', name: '青枫社区', streetId: 'st01', center: { lat: 31.35, lng: 118.43 }, phone: '0553-2123451' }]

beforeEach(() => resetSession())
afterEach(() => {
  delete (taro as { makePhoneCall?: unknown }).makePhoneCall
})

function renderHome(communityId: string | null, onFindService = jest.fn()) {
  stubFetch(() => ok(COMMUNITIES))
  render(
    <MeProvider initialMe={makeMe({ communityId, elderMode: true, needsConsent: false })}>
      <ElderHome onFindService={onFindService} />
    </MeProvider>
  )
  return onFindService
}

test('four tiles: 找服务, 许心愿, 我的心愿, 打电话给社区', async () => {
  const onFindService = renderHome('cm01')
  const tiles = screen.getAllByRole('button').map((b) => b.getAttribute('aria-label'))
  expect(tiles).toEqual(['找服务', '许心愿', '我的心愿', '打电话给社区'])
  fireEvent.click(screen.getByLabelText('找服务'))
  expect(onFindService).toHaveBeenCalled()
  fireEvent.click(screen.getByLabelText('许心愿'))
  fireEvent.click(screen.getByLabelText('我的心愿'))
  expect(taroTest.navigations.map((n) => n.url)).toEqual(['/packages/wish/post/index', '/packages/wish/mine/index'])
})

test('打电话给社区 dials the community office (tel: on h5, WeChat asks first on weapp)', async () => {
  const makePhoneCall = jest.fn(async () => ({ errMsg: 'makePhoneCall:ok' }))
  Object.assign(taro, { makePhoneCall })
  renderHome('cm01')
  await screen.findByText('青枫社区 0553-2123451')
  fireEvent.click(screen.getByLabelText('打电话给社区'))
  await waitFor(() => expect(makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '0553-2123451' }))
})

test('without a community it sends the resident to choose one in 我的', async () => {
  renderHome(null)
  expect(screen.getByText('请先选择您的社区')).toBeTruthy()
  fireEvent.click(screen.getByLabelText('打电话给社区'))
  expect(taroTest.navigations).toEqual([{ kind: 'switchTab', url: '/pages/mine/index' }])
})
