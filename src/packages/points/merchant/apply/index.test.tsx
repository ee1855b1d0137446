// Defect 25: the 店名 field's message says 店名; 所在社区 is written once.
import { fireEvent, render, screen } from '@testing-library/react'
import { callsOf, makeMe, ok, stubFetch } from '../../../../../test/components/fetch-stub'
import { MeProvider } from '@/hooks/useMe'
import { resetSession } from '@/services/session'
import MerchantApplyPage from './index'

beforeEach(() => resetSession())

test('messages name the fields as the form does, and the community label is not doubled', async () => {
  const calls = stubFetch((req) => (req.body?.action === 'communities' ? ok([]) : ok({})))
  render(
    <MeProvider initialMe={makeMe({ communityId: null, needsConsent: false })}>
      <MerchantApplyPage />
    </MeProvider>
  )
  expect(screen.getAllByText('所在社区')).toHaveLength(1)
  fireEvent.click(screen.getByText('提交申请'))
  expect(await screen.findByText('店名至少2个字')).toBeTruthy()
  expect(screen.queryByText(/商家名称/)).toBeNull()
  expect(callsOf(calls, 'points', 'applyMerchant')).toHaveLength(0)
})
