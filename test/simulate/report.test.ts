// The report subpackage in the built weapp: the 随手拍 form renders its category tree from the report
// function, and the 我的 tab links to it; nothing asks for location or camera before the person taps.
import { makeMe } from '../support/me'
import { bootWeapp } from './support/weapp'

const ME = makeMe({ openid: 'o-wechat-resident', nickName: '王秀英', realName: '王秀英', needsConsent: false })

const CATEGORIES = [
  {
    id: 'fire',
    parentId: null,
    name: '消防安全',
    kind: 'complain',
    leaf: false,
    acceptHours: 2,
    handleDays: 10,
    duplicateRadius: 100,
    evidenceRadius: 100,
    departmentKind: null
  },
  {
    id: 'fireLane',
    parentId: 'fire',
    name: '消防通道堵塞',
    kind: 'complain',
    leaf: true,
    acceptHours: 2,
    handleDays: 10,
    duplicateRadius: 100,
    evidenceRadius: 100,
    departmentKind: 'urban'
  }
]

const weapp = bootWeapp(({ name, action }) => {
  if (name === 'report' && action === 'categories') return { ok: true, data: { items: CATEGORIES } }
  if (name === 'report' && action === 'mine') return { ok: true, data: { items: [], nextCursor: null } }
  if (action === 'communities') return { ok: true, data: [] }
  return { ok: true, data: ME }
})

describe('built weapp: 随手拍', () => {
  it('the report form renders in its subpackage with the category tree, and asks for nothing yet', async () => {
    const page = await weapp.renderPage('packages/report/post/index', '消防安全')
    const text = page.dom.textContent ?? ''
    expect(text).toContain('遇到了什么问题')
    expect(text).toContain('使用我的位置')
    expect(text).toContain('随手拍须知')
    expect(text).not.toContain('用户隐私保护提示')
    expect(weapp.calls.filter((c) => c.name === 'report').map((c) => c.action)).toEqual(['categories'])
  })

  it('my reports render, empty, with a way to report', async () => {
    const page = await weapp.renderPage('packages/report/mine/index', '您还没有反映过问题')
    expect(page.dom.innerHTML).toContain('llt-page')
  })
})
