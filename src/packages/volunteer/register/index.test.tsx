import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { callsOf, makeMe, ok, stubFetch } from '../../../../test/components/fetch-stub'
import { taroTest } from '../../../../test/components/taro'
import { MeProvider } from '@/hooks/useMe'
import { resetSession } from '@/services/session'
import VolunteerRegisterPage, { RULES_TEXT } from './index'

beforeEach(() => resetSession())

function renderForm() {
  return render(
    <MeProvider initialMe={makeMe({ realName: '王秀英', communityId: 'cm01', needsConsent: false })}>
      <VolunteerRegisterPage />
    </MeProvider>
  )
}

describe('volunteer registration form', () => {
  it('asks for consent before calling the server', async () => {
    const calls = stubFetch((req) =>
      req.body.action === 'communities'
        ? ok([{ id: 'cm01', name: '青枫社区', streetId: 'st01', center: { lat: 31.3, lng: 118.3 } }])
        : ok({})
    )
    renderForm()
    fireEvent.click(screen.getByText('提交登记'))
    expect(await screen.findByText('请先阅读并同意志愿服务记录规则')).toBeTruthy()
    expect(callsOf(calls, 'volunteer', 'register')).toHaveLength(0)
  })

  it('shows the server’s message next to the field, then registers and refreshes who I am', async () => {
    let attempt = 0
    const calls = stubFetch((req) => {
      if (req.body.action === 'communities') return ok([])
      if (req.body.action === 'me') return ok(makeMe({ roles: [{ role: 'volunteer', communityId: 'cm01' }] }))
      attempt++
      return attempt === 1
        ? {
            ok: false,
            error: {
              code: 'INVALID_ARGUMENT',
              message: '请填写正确的11位手机号',
              details: { fields: [{ path: 'phone', message: '请填写正确的11位手机号' }] }
            }
          }
        : ok({ volunteerNo: 'ZY26000301' })
    })
    renderForm()
    fireEvent.change(screen.getByPlaceholderText('11位手机号'), { target: { value: '12345' } })
    fireEvent.click(screen.getByText('理发'))
    fireEvent.click(screen.getByText(RULES_TEXT))
    fireEvent.click(screen.getByText('提交登记'))
    expect((await screen.findByRole('alert')).textContent).toBe('请填写正确的11位手机号')
    fireEvent.click(screen.getByText('提交登记'))
    await waitFor(() => expect(taroTest.navigations).toEqual([{ kind: 'redirectTo', url: '/packages/volunteer/mine/index' }]))
    expect(callsOf(calls, 'volunteer', 'register')[1].body.data).toMatchObject({
      realName: '王秀英',
      communityId: 'cm01',
      skills: ['理发'],
      consent: true,
      boardOptIn: false
    })
    expect(callsOf(calls, 'user', 'me')).toHaveLength(1)
  })
})
