// Defect 25: a goods form's messages name its own fields and say what is wrong with the number.
import { fireEvent, render, screen } from '@testing-library/react'
import { callsOf, makeMe, ok, stubFetch } from '../../../../../test/components/fetch-stub'
import { MeProvider } from '@/hooks/useMe'
import { resetSession } from '@/services/session'
import GoodsEditPage from './index'

beforeEach(() => resetSession())

test('empty 所需积分 asks for it, −5 in 库存 gets the range, all on the first tap, nothing sent', async () => {
  const calls = stubFetch(() => ok({}))
  render(
    <MeProvider initialMe={makeMe({ roles: [{ role: 'merchant', merchantId: 'mA' }], needsConsent: false })}>
      <GoodsEditPage />
    </MeProvider>
  )
  fireEvent.change(screen.getByPlaceholderText('如：30'), { target: { value: '-5' } })
  fireEvent.click(screen.getByText('保存'))
  expect(await screen.findByText('请填写所需积分')).toBeTruthy()
  expect(screen.getByText('库存不能小于0')).toBeTruthy()
  expect(screen.getByText('名称至少2个字')).toBeTruthy()
  expect(screen.queryByText(/必须是数字/)).toBeNull()
  expect(callsOf(calls, 'points', 'upsertGoods')).toHaveLength(0)
})
