import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { callsOf, fail, makeMe, ok, stubFetch, type Recorded } from '../../../../test/components/fetch-stub'
import { taroTest } from '../../../../test/components/taro'
import { MeProvider } from '@/hooks/useMe'
import { resetSession } from '@/services/session'
import RegisterPage from './index'

const COMMUNITIES = [{ id: 'cm01', name: '青枫社区', streetId: 'st01', center: { lat: 31.3, lng: 118.3 } }]

function server(register: (req: Recorded) => unknown = () => ok({ id: 'pm-1', status: 'pending' })) {
  return stubFetch((req) => {
    const action = req.body?.action
    if (action === 'communities') return ok(COMMUNITIES)
    if (action === 'listUnits') return ok([{ id: 'u01', name: '江城市税务局镜湖分局', org: '机关党支部' }])
    if (action === 'myRegistration') return ok({ registration: null, currentHalf: '2026H2', renewedThisHalf: false, canRenew: false })
    if (action === 'registerMember') return register(req)
    return ok({})
  })
}

function renderForm() {
  render(
    <MeProvider initialMe={makeMe({ realName: '李志强', communityId: 'cm01', needsConsent: false })}>
      <RegisterPage />
    </MeProvider>
  )
}

const type = (placeholder: string, value: string) => fireEvent.change(screen.getByPlaceholderText(placeholder), { target: { value } })

function fillIn() {
  type('11位手机号', '139 1234 0000')
  type('请填写单位名称', '江城日报社')
  type('如：某某单位机关党支部', '江城日报社党支部')
  type('如：法律咨询 书法 电器维修', '摄影，书法')
  fireEvent.click(screen.getByText('助老帮困'))
  type('如：每月至少参加一次社区志愿服务', '每周六上午为老人义务理发')
}

beforeEach(() => resetSession())

describe('member registration form', () => {
  it('checks every field with the shared schema’s messages before calling the server', async () => {
    const calls = server()
    renderForm()
    type('11位手机号', '12345')
    type('如：每月至少参加一次社区志愿服务', '为'.repeat(101))
    fireEvent.click(screen.getByText('提交报到'))
    expect(await screen.findByText('请填写正确的11位手机号')).toBeTruthy()
    expect(screen.getByText('请填写所在党支部')).toBeTruthy()
    expect(screen.getByText('请填写工作单位')).toBeTruthy()
    expect(screen.getByText('承诺不能超过100个字')).toBeTruthy()
    expect(screen.getByText('101/100')).toBeTruthy()
    expect(callsOf(calls, 'party', 'registerMember')).toHaveLength(0)
  })

  it('sends the registration and opens the status page', async () => {
    const calls = server()
    renderForm()
    fillIn()
    fireEvent.click(screen.getByText('提交报到'))
    await waitFor(() => expect(taroTest.navigations).toEqual([{ kind: 'redirectTo', url: '/packages/party/status/index' }]))
    const [sent] = callsOf(calls, 'party', 'registerMember').map((c) => c.body.data)
    expect(sent).toMatchObject({
      communityId: 'cm01',
      name: '李志强',
      phone: '139 1234 0000',
      workUnit: '江城日报社',
      branch: '江城日报社党支部',
      skills: ['摄影', '书法'],
      intentions: ['elderly'],
      pledge: '每周六上午为老人义务理发'
    })
    expect(sent.unitId).toBeUndefined()
  })

  it('shows the server’s refusal next to its field and retries with the same request id', async () => {
    let attempt = 0
    const calls = server(() =>
      ++attempt === 1
        ? {
            ok: false,
            error: {
              code: 'INVALID_ARGUMENT',
              message: '姓名格式不正确',
              details: { fields: [{ path: 'name', message: '姓名格式不正确' }] }
            }
          }
        : attempt === 2
          ? fail('FAILED_PRECONDITION', '所选单位未在该社区报到，请重新选择或直接填写单位名称')
          : ok({ id: 'pm-1' })
    )
    renderForm()
    fillIn()
    fireEvent.click(screen.getByText('提交报到'))
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', '姓名格式不正确')
    fireEvent.click(screen.getByText('提交报到'))
    await waitFor(() => expect(taroTest.toasts.map((t) => t.title)).toContain('所选单位未在该社区报到，请重新选择或直接填写单位名称'))
    fireEvent.click(screen.getByText('提交报到'))
    await waitFor(() => expect(taroTest.navigations).toHaveLength(1))
    const ids = callsOf(calls, 'party', 'registerMember').map((c) => c.body.data.requestId)
    expect(ids).toHaveLength(3)
    expect(new Set(ids).size).toBe(1)
  })
})
