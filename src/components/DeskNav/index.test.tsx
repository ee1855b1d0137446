// The desk navigation PageShell puts beside workbench pages at PC width.
import { fireEvent, render, screen } from '@testing-library/react'
import type { Me } from '@contract'
import { makeMe, ok, stubFetch } from '../../../test/components/fetch-stub'
import { setDeskWidth } from '../../../test/components/desk-width'
import { taroTest } from '../../../test/components/taro'
import { MeProvider } from '@/hooks/useMe'
import { resetSession } from '@/services/session'
import { PageShell } from '../PageShell'

const RESIDENT = makeMe({ needsConsent: false, consentVersion: '2026-11' })
const STAFF = makeMe({ roles: [{ role: 'staff', communityId: 'cm01' }], isStaff: true, needsConsent: false, consentVersion: '2026-11' })
const STREET = makeMe({ roles: [{ role: 'streetAdmin', streetId: 'st01' }], isStaff: true, needsConsent: false, consentVersion: '2026-11' })

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

describe('the desk navigation', () => {
  beforeEach(() => setDeskWidth(true))

  it('lists a staff member’s workbench pages beside a workbench page, the open one marked', () => {
    open('/packages/workbench/wish/index', STAFF)
    const nav = screen.getByLabelText('工作台导航')
    const items = Array.from(nav.children).map((el) => el.textContent)
    expect(items.slice(0, 3)).toEqual(['社区工作台', '数据看板', '心愿审核'])
    expect(items).not.toContain('街道对比')
    expect(screen.getByText('心愿审核').closest('[aria-current]')?.getAttribute('aria-current')).toBe('page')
    fireEvent.click(screen.getByText('活动管理'))
    expect(taroTest.navigations).toEqual([{ kind: 'redirectTo', url: '/packages/workbench/activity/index' }])
  })

  it('gives a street admin the street pages and no community staff pages', () => {
    open('/packages/workbench/street/index', STREET)
    const items = Array.from(screen.getByLabelText('工作台导航').children).map((el) => el.textContent)
    expect(items).toEqual(['街道工作台', '数据看板', '街道对比'])
  })

  it('is not on other pages, for people without a workbench of their own, nor below PC width', () => {
    const resident = open('/packages/workbench/index/index')
    expect(screen.queryByLabelText('工作台导航')).toBeNull()
    resident.unmount()
    open('/packages/wish/mine/index', STAFF).unmount()
    expect(screen.queryByLabelText('工作台导航')).toBeNull()
    setDeskWidth(false)
    open('/packages/workbench/wish/index', STAFF)
    expect(screen.queryByLabelText('工作台导航')).toBeNull()
  })
})
