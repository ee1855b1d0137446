import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { callsOf, makeMe, ok, stubFetch } from '../../../test/components/fetch-stub'
import { taroTest } from '../../../test/components/taro'
import { MeProvider } from '@/hooks/useMe'
import { resetSession } from '@/services/session'
import { STORAGE_KEYS } from '@/services/storage'
import LoginPage from '.'

const DEMO_USERS = [
  {
    openid: 'demo-staff',
    nickName: '孙丽',
    label: '社区工作者 · 孙丽（青枫社区）',
    order: 5,
    roles: [{ role: 'staff', communityId: 'c01' }]
  },
  { openid: 'demo-resident', nickName: '王秀英', label: '居民 · 王秀英（72岁，青枫社区）', order: 0, roles: [] },
  { openid: 'demo-member', nickName: '陈建国', label: '在职党员 · 陈建国（税务局）', order: 2, roles: ['member', 'volunteer'] }
]

function serve() {
  return stubFetch((req) => {
    if (req.url === '/api/demo/users') return DEMO_USERS
    if (req.url === '/api/functions/user' && req.body.action === 'login') return ok(makeMe({ openid: req.headers['x-wx-openid'] }))
    throw new Error(`unexpected request ${req.url}`)
  })
}

beforeEach(() => resetSession())

describe('h5 demo login page', () => {
  it('lists the demo users grouped by role, with nickname and label', async () => {
    serve()
    render(
      <MeProvider autoSignIn={false}>
        <LoginPage />
      </MeProvider>
    )
    expect(await screen.findByText('王秀英')).toBeTruthy()
    expect(screen.getByText('居民 · 王秀英（72岁，青枫社区）')).toBeTruthy()
    expect(screen.getByText('社区工作者 · 孙丽（青枫社区）')).toBeTruthy()

    const headings = Array.from(document.querySelectorAll('.llt-section__title')).map((h) => h.textContent)
    expect(headings).toEqual(['居民', '在职党员', '社区工作者'])
  })

  it('signs in as the tapped user and opens 生活圈', async () => {
    const calls = serve()
    render(
      <MeProvider autoSignIn={false}>
        <LoginPage />
      </MeProvider>
    )
    fireEvent.click(await screen.findByText('王秀英'))
    await waitFor(() => expect(taroTest.navigations).toEqual([{ kind: 'switchTab', url: '/pages/lifeCircle/index' }]))

    expect(taroTest.storage.get(STORAGE_KEYS.openid)).toBe('demo-resident')
    const logins = callsOf(calls, 'user', 'login')
    expect(logins).toHaveLength(1)
    expect(logins[0].headers['x-wx-openid']).toBe('demo-resident')
    expect(JSON.stringify(logins[0].body)).not.toContain('demo-resident') // identity stays out of payloads
  })

  it('explains when the demo users cannot be read', async () => {
    stubFetch(() => {
      throw new Error('connection refused')
    })
    render(
      <MeProvider autoSignIn={false}>
        <LoginPage />
      </MeProvider>
    )
    expect(await screen.findByText('没能读取演示账号')).toBeTruthy()
    expect(screen.getByText('重新加载')).toBeTruthy()
  })
})
