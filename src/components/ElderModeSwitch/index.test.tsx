import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { callsOf, fail, makeMe, ok, stubFetch } from '../../../test/components/fetch-stub'
import { taroTest } from '../../../test/components/taro'
import { MeProvider } from '@/hooks/useMe'
import { resetSession } from '@/services/session'
import { STORAGE_KEYS } from '@/services/storage'
import { PageShell } from '../PageShell'
import { ElderModeSwitch } from '.'

function renderPage(elderMode = false) {
  const { container } = render(
    <MeProvider initialMe={makeMe({ elderMode })}>
      <PageShell>
        <ElderModeSwitch />
      </PageShell>
    </MeProvider>
  )
  return () => container.querySelector('.llt-page') as HTMLElement
}

beforeEach(() => resetSession())

describe('elder mode', () => {
  it('switches the page root class at once, remembers it and tells the server', async () => {
    const calls = stubFetch((req) => ok(makeMe({ elderMode: req.body.data.on })))
    const root = renderPage()
    expect(root().classList.contains('llt-elder')).toBe(false)

    fireEvent.click(screen.getByRole('switch', { name: '长辈模式' }))
    expect(root().classList.contains('llt-elder')).toBe(true)
    expect(taroTest.storage.get(STORAGE_KEYS.elderMode)).toBe(true)
    await waitFor(() => expect(callsOf(calls, 'user', 'setElderMode')).toHaveLength(1))
    expect(callsOf(calls, 'user', 'setElderMode')[0].body.data).toEqual({ on: true })

    fireEvent.click(screen.getByRole('switch', { name: '长辈模式' }))
    await waitFor(() => expect(root().classList.contains('llt-elder')).toBe(false))
    expect(taroTest.storage.get(STORAGE_KEYS.elderMode)).toBe(false)
  })

  it('starts in elder mode from the device before the server answers', () => {
    taroTest.storage.set(STORAGE_KEYS.elderMode, true)
    resetSession()
    const { container } = render(
      <MeProvider autoSignIn={false}>
        <PageShell requireSignIn={false} />
      </MeProvider>
    )
    expect(container.querySelector('.llt-page')?.classList.contains('llt-elder')).toBe(true)
  })

  it('rolls back and explains when the server refuses', async () => {
    stubFetch(() => fail('UNAUTHENTICATED', '请先登录'))
    const root = renderPage()
    fireEvent.click(screen.getByRole('switch', { name: '长辈模式' }))
    await waitFor(() => expect(taroTest.toasts.map((t) => t.title)).toEqual(['请先登录']))
    expect(root().classList.contains('llt-elder')).toBe(false)
    expect(taroTest.storage.get(STORAGE_KEYS.elderMode)).toBe(false)
  })
})
