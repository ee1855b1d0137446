// The h5 title bar as every page gets it from PageShell.
import { fireEvent, render, screen } from '@testing-library/react'
import type { Me } from '@contract'
import { makeMe, ok, stubFetch } from '../../../test/components/fetch-stub'
import { taroTest } from '../../../test/components/taro'
import { MeProvider } from '@/hooks/useMe'
import { resetSession } from '@/services/session'
import { PageShell } from '../PageShell'

const RESIDENT = makeMe({ needsConsent: false, consentVersion: '2026-11' })

function open(path: string, me: Me = RESIDENT) {
  taroTest.route = { path, params: {} }
  stubFetch(() => ok(me))
  return render(
    <MeProvider initialMe={me}>
      <PageShell>
        <span>页面内容</span>
      </PageShell>
    </MeProvider>
  )
}

beforeEach(() => {
  resetSession()
  taroTest.reset()
})

describe('the title bar', () => {
  it('titles a sub-page from its config and goes back to the page it came from', () => {
    taroTest.pageConfig = { navigationBarTitleText: '我的心愿' }
    taroTest.stackDepth = 2
    open('/packages/wish/mine/index')
    expect(screen.getByRole('navigation').textContent).toContain('我的心愿')
    fireEvent.click(screen.getByLabelText('返回'))
    expect(taroTest.navigations).toEqual([{ kind: 'navigateBack', url: '' }])
  })

  it('goes home from a page opened directly (no history)', () => {
    open('packages/wish/confirm/index')
    fireEvent.click(screen.getByLabelText('返回'))
    expect(taroTest.navigations).toEqual([{ kind: 'switchTab', url: '/pages/lifeCircle/index' }])
  })

  it('is not on tab pages nor on the demo login', () => {
    open('/pages/wish/index')
    expect(screen.queryByLabelText('返回')).toBeNull()
    expect(screen.getByText('页面内容')).toBeTruthy()
  })
})
