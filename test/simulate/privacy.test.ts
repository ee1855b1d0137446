// WeChat's privacy flow in the built weapp: the first privacy-scoped action shows our popup; WeChat's
// agree event on its button (open-type agreePrivacyAuthorization) records the consent once.
import { makeMe } from '../support/me'
import { bootWeapp } from './support/weapp'

const ME = makeMe({ openid: 'o-wechat-2', nickName: '李志强', phone: null, communityId: null, communityName: null })

const weapp = bootWeapp(({ action }) => {
  if (action === 'communities')
    return { ok: true, data: [{ id: 'c01', name: '青枫社区', streetId: 'st01', center: { lat: 31.35, lng: 118.43 } }] }
  if (action === 'consent') return { ok: true, data: { ...ME, needsConsent: false, consentVersion: '2026-11' } }
  return { ok: true, data: ME }
})

interface Node {
  dom: HTMLElement
  dispatchEvent: (name: string, detail?: unknown) => void
  querySelector: (selector: string) => Node | undefined
}

const waitFor = async (check: () => boolean, what: string) => {
  const deadline = Date.now() + 3000
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('privacy consent on weapp', () => {
  it('asks with WeChat’s agree button at the first location use, and records consent once', async () => {
    // '请选择' replaces '正在加载…' once the communities are in, and the locate button is enabled.
    const page = (await weapp.renderPage('pages/mine/index', '请选择')) as unknown as Node
    expect(page.dom.textContent).not.toContain('用户隐私保护提示') // never at start-up

    page.querySelector('.llt-community-picker__locate')!.dispatchEvent('tap')
    await waitFor(() => (page.dom.textContent ?? '').includes('用户隐私保护提示'), 'the privacy popup')

    // WeChat fires this event on the button whose open-type is agreePrivacyAuthorization.
    page.querySelector('.llt-privacy__button--agree')!.dispatchEvent('agreeprivacyauthorization')
    await waitFor(() => !(page.dom.textContent ?? '').includes('用户隐私保护提示'), 'the popup to close')
    expect(weapp.calls.filter((c) => c.action === 'consent')).toEqual([
      { name: 'user', action: 'consent', data: { version: '2026-11', agreed: true } }
    ])
  })
})
