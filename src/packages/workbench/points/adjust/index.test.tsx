// Defect 13: an empty form is refused under its fields before any dialog; the confirmation names the
// person (masked) and reads as a sentence.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { callsOf, makeMe, ok, stubFetch } from '../../../../../test/components/fetch-stub'
import { taroTest } from '../../../../../test/components/taro'
import { MeProvider } from '@/hooks/useMe'
import { resetSession } from '@/services/session'
import PointsAdjustPage from './index'

beforeEach(() => resetSession())

function renderPage() {
  render(
    <MeProvider initialMe={makeMe({ roles: [{ role: 'staff', communityId: 'cm01' }], isStaff: true, needsConsent: false })}>
      <PointsAdjustPage />
    </MeProvider>
  )
}

const type = (placeholder: string, value: string) => fireEvent.change(screen.getByPlaceholderText(placeholder), { target: { value } })
const submit = () => fireEvent.click(screen.getAllByText('确认调整').find((e) => e.closest('.llt-actions')) as HTMLElement)

test('an empty form is refused under its fields, with no dialog and no call', async () => {
  const calls = stubFetch(() => ok({ items: [], nextCursor: null }))
  renderPage()
  submit()
  expect(await screen.findByText('请填写志愿者编号')).toBeTruthy()
  expect(screen.getByText('请填写调整积分')).toBeTruthy()
  expect(screen.getByText('调整原因至少2个字')).toBeTruthy()
  expect(taroTest.modals).toEqual([])
  expect(callsOf(calls, 'points', 'adjustee')).toHaveLength(0)
  expect(callsOf(calls, 'points', 'adjust')).toHaveLength(0)
})

test('the confirmation names the volunteer, masked, in one natural sentence', async () => {
  const calls = stubFetch((req) => {
    if (req.body?.action === 'adjustee') return ok({ volunteerNo: 'ZY26000123', name: '李**' })
    if (req.body?.action === 'adjust') return ok({ id: 'a1', amount: 15, status: 'applied', entry: { balanceAfter: 215 } })
    return ok({ items: [], nextCursor: null })
  })
  renderPage()
  type('如 ZY26000123', 'zy26000123')
  type('积分', '15')
  type('如：协助疫苗接种点引导', '协助疫苗接种点引导')
  submit()
  await waitFor(() => expect(taroTest.modals).toHaveLength(1))
  expect(taroTest.modals[0]).toEqual({
    title: '确认调整积分',
    content: '给志愿者李**（ZY26000123）增加 15 积分，原因：协助疫苗接种点引导。确定吗？'
  })
  await waitFor(() => expect(callsOf(calls, 'points', 'adjust')).toHaveLength(1))
  expect(callsOf(calls, 'points', 'adjust')[0].body.data).toMatchObject({ volunteerNo: 'ZY26000123', amount: 15 })
})
