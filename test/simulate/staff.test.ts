// A staff member in elder mode: the workbench entry appears in 我的 and opens the workbench subpackage;
// elder mode, remembered on the server, is applied on every page root.
import { makeMe } from '../support/me'
import { bootWeapp } from './support/weapp'

const STAFF = makeMe({
  openid: 'o-wechat-staff',
  nickName: '孙丽',
  realName: '孙丽',
  phone: '139****0001',
  roles: [{ role: 'staff', communityId: 'c01' }],
  elderMode: true,
  isStaff: true
})

const weapp = bootWeapp(({ action }) => (action === 'communities' ? { ok: true, data: [] } : { ok: true, data: STAFF }))

describe('built weapp for a staff member', () => {
  it('我的 shows the workbench entry and the page root is in elder mode', async () => {
    const page = await weapp.renderPage('pages/mine/index', '社区工作台')
    expect(page.dom.textContent).toContain('社区工作者')
    expect(page.dom.innerHTML).toContain('llt-elder')
    expect(weapp.storage.get('llt.elderMode')).toBe(true)
  })

  it('the workbench subpackage opens for staff, scoped to their community', async () => {
    const page = await weapp.renderPage('packages/workbench/index/index', '社区工作者 · 青枫社区')
    expect(page.dom.textContent).not.toContain('仅对社区工作人员开放')
    expect(page.dom.innerHTML).toContain('llt-elder')
  })

  it('the party subpackage entry renders', async () => {
    const page = await weapp.renderPage('packages/party/mine/index', '双报到')
    expect(page.dom.innerHTML).toContain('llt-page')
  })
})
