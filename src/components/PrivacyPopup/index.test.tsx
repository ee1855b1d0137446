import { PRIVACY_VERSION } from '@contract/enums'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { callsOf, fail, makeMe, ok, stubFetch } from '../../../test/components/fetch-stub'
import { taroTest } from '../../../test/components/taro'
import { MeProvider } from '@/hooks/useMe'
import { ensurePrivacy, PrivacyDeclinedError, resetPrivacy } from '@/services/privacy'
import { resetSession } from '@/services/session'
import { PageShell } from '../PageShell'

function renderPage(needsConsent = true) {
  return render(
    <MeProvider initialMe={makeMe({ needsConsent })}>
      <PageShell>
        <span>页面内容</span>
      </PageShell>
    </MeProvider>
  )
}

beforeEach(() => {
  resetSession()
  resetPrivacy()
})

describe('PrivacyPopup', () => {
  it('is not shown until a feature needs consent', () => {
    stubFetch(() => ok(null))
    renderPage()
    expect(screen.getByText('页面内容')).toBeTruthy()
    expect(screen.queryByText('用户隐私保护提示')).toBeNull()
  })

  it('asks once: agreeing records consent once and resolves every waiting request', async () => {
    const calls = stubFetch(() => ok(makeMe({ needsConsent: false, consentVersion: PRIVACY_VERSION })))
    renderPage()
    let first!: Promise<void>
    let second!: Promise<void>
    await act(async () => {
      first = ensurePrivacy()
      second = ensurePrivacy()
    })
    expect(await screen.findByText('用户隐私保护提示')).toBeTruthy()

    const agree = screen.getByText('同意并继续')
    fireEvent.click(agree)
    fireEvent.click(agree) // a second tap while the first is on its way
    await act(async () => {
      await Promise.all([first, second])
    })

    const consents = callsOf(calls, 'user', 'consent')
    expect(consents).toHaveLength(1)
    expect(consents[0].body.data).toEqual({ version: PRIVACY_VERSION, agreed: true })
    expect(consents[0].headers['x-wx-openid']).toBeUndefined() // no demo login stored in this test
    await waitFor(() => expect(screen.queryByText('用户隐私保护提示')).toBeNull())

    // Asked once: the next privacy-scoped call goes straight through.
    await act(async () => {
      await ensurePrivacy()
    })
    expect(screen.queryByText('用户隐私保护提示')).toBeNull()
    expect(callsOf(calls, 'user', 'consent')).toHaveLength(1)
  })

  it('does not ask a person who already agreed to this version', async () => {
    const calls = stubFetch(() => ok(null))
    renderPage(false)
    await act(async () => {
      await ensurePrivacy()
    })
    expect(screen.queryByText('用户隐私保护提示')).toBeNull()
    expect(calls).toHaveLength(0)
  })

  it('declining rejects the request and records nothing', async () => {
    const calls = stubFetch(() => ok(null))
    renderPage()
    let request!: Promise<void>
    await act(async () => {
      request = ensurePrivacy()
    })
    fireEvent.click(await screen.findByText('不同意'))
    await expect(request).rejects.toBeInstanceOf(PrivacyDeclinedError)
    expect(calls).toHaveLength(0)
    expect(screen.queryByText('用户隐私保护提示')).toBeNull()
  })

  it('stays open with a toast when the server cannot record the consent', async () => {
    stubFetch(() => fail('INTERNAL', '服务开小差了，请稍后再试'))
    renderPage()
    await act(async () => {
      void ensurePrivacy()
    })
    fireEvent.click(await screen.findByText('同意并继续'))
    await waitFor(() => expect(taroTest.toasts.map((t) => t.title)).toEqual(['服务开小差了，请稍后再试']))
    expect(screen.getByText('用户隐私保护提示')).toBeTruthy()
  })
})
