// The five tab pages of the built weapp render in WeChat's template engine, after the automatic
// sign-in at app start (user.login through wx.cloud).
import { makeMe } from '../support/me'
import { bootWeapp, type CloudCall } from './support/weapp'

const ME = makeMe({ openid: 'o-wechat-1', roles: [{ role: 'volunteer', communityId: 'c01' }] })

function cloud({ name, action }: CloudCall) {
  if (name === 'user' && (action === 'login' || action === 'me')) return { ok: true, data: ME }
  if (name === 'user' && action === 'communities') {
    return { ok: true, data: [{ id: 'c01', name: '青枫社区', streetId: 'st01', center: { lat: 31.35, lng: 118.43 } }] }
  }
  if (name === 'user' && action === 'notices') return { ok: true, data: { items: [], nextCursor: null } }
  if (name === 'user' && action === 'unreadCount') return { ok: true, data: { unread: 0 } }
  return { ok: false, error: { code: 'NOT_FOUND', message: '内容不存在或已被删除' } }
}

const weapp = bootWeapp(cloud)

// Feature pages (filled in by their features) may call other functions: those answer NOT_FOUND here,
// so the assertions stick to what the app shell guarantees on every tab.
describe('built weapp tab pages', () => {
  it('signs in through wx.cloud at start, with no identity in the payload', async () => {
    await weapp.renderPage('pages/lifeCircle/index', '生活圈')
    expect(weapp.calls[0]).toEqual({ name: 'user', action: 'login', data: {} })
  })

  it.each([
    ['pages/lifeCircle/index', '生活圈'],
    ['pages/wish/index', '心愿'],
    ['pages/volunteer/index', '志愿']
  ])('%s renders inside the page shell, signed in', async (route, text) => {
    const page = await weapp.renderPage(route, text)
    expect(page.dom.innerHTML).toContain('llt-page')
    expect(page.dom.textContent).not.toContain('正在登录')
    expect(page.dom.innerHTML).not.toContain('llt-elder')
  })

  it('消息 says in Chinese that there is nothing yet', async () => {
    const page = await weapp.renderPage('pages/notices/index', '暂无消息')
    expect(page.dom.innerHTML).toContain('llt-page')
  })

  it('我的 shows the profile, roles, community and elder mode, and no workbench for residents', async () => {
    const page = await weapp.renderPage('pages/mine/index', '王秀英')
    const text = page.dom.textContent ?? ''
    expect(text).toContain('138****5678')
    expect(text).toContain('志愿者')
    expect(text).toContain('长辈模式')
    expect(text).toContain('注销账号')
    expect(text).not.toContain('社区工作台')
    expect(text).not.toContain('退出登录') // h5 only
    await weapp.renderPage('pages/mine/index', '青枫社区') // from user.communities
  })
})
