import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { NoticeView } from '@contract/schemas/user'
import { callsOf, fail, makeMe, ok, stubFetch, type Recorded } from '../../../test/components/fetch-stub'
import { taroTest } from '../../../test/components/taro'
import { MeProvider } from '@/hooks/useMe'
import { SUBPACKAGES, TAB_PAGES } from '@/routes'
import { NOTICES_TAB_INDEX, targetUrl } from '@/services/notices'
import { resetSession } from '@/services/session'
import { NOTICE_PAGES } from '@contract/enums'
import NoticesPage from '.'

const notice = (id: string, over: Partial<NoticeView> = {}): NoticeView => ({
  id,
  kind: 'wishClaimed',
  title: '心愿已被认领',
  body: '已有志愿者认领您的心愿',
  target: { page: 'packages/wish/detail/index', params: { id: 'w1' } },
  createdAt: '2026-11-20T02:00:00.000Z',
  readAt: null,
  ...over
})

function serve(items: NoticeView[], unread = items.filter((n) => !n.readAt).length) {
  return (req: Recorded) => {
    if (req.body.action === 'notices') return ok({ items, nextCursor: null })
    if (req.body.action === 'markRead') return ok({ unread: req.body.data.all ? 0 : unread - 1 })
    if (req.body.action === 'unreadCount') return ok({ unread })
    return fail('INTERNAL', '未知')
  }
}

function renderPage() {
  render(
    <MeProvider initialMe={makeMe({ needsConsent: false, communityId: 'cm01' })}>
      <NoticesPage />
    </MeProvider>
  )
}

beforeEach(() => {
  resetSession()
  taroTest.route = { path: `/${TAB_PAGES.notices}`, params: {} }
})

describe('消息 tab', () => {
  it('lists notices with the unread ones in bold and counts them on the tab', async () => {
    const calls = stubFetch(
      serve([notice('n2'), notice('n1', { kind: 'wishPublished', title: '心愿已公开征集', readAt: '2026-11-19T00:00:00.000Z' })])
    )
    renderPage()
    const unread = await screen.findByRole('button', { name: '未读，心愿已被认领' })
    expect(unread.className).toContain('notices-item--unread')
    expect(screen.getByRole('button', { name: '心愿已公开征集' }).className).not.toContain('notices-item--unread')
    await waitFor(() => expect(taroTest.badges).toContainEqual({ index: NOTICES_TAB_INDEX, text: '1' }))
    expect(callsOf(calls, 'user', 'unreadCount')).toHaveLength(1)
  })

  it('marks a notice read when tapped and opens what it is about', async () => {
    const calls = stubFetch(serve([notice('n2')]))
    renderPage()
    fireEvent.click(await screen.findByRole('button', { name: '未读，心愿已被认领' }))
    expect(taroTest.navigations).toEqual([{ kind: 'navigateTo', url: '/packages/wish/detail/index?id=w1' }])
    await waitFor(() => expect(callsOf(calls, 'user', 'markRead').map((c) => c.body.data)).toEqual([{ ids: ['n2'] }]))
    await waitFor(() => expect(taroTest.badges.at(-1)).toEqual({ index: NOTICES_TAB_INDEX, text: null }))
    expect(screen.getByRole('button', { name: '心愿已被认领' }).className).not.toContain('notices-item--unread')
    // Opening it again marks nothing more.
    fireEvent.click(screen.getByRole('button', { name: '心愿已被认领' }))
    expect(callsOf(calls, 'user', 'markRead')).toHaveLength(1)
  })

  it('marks all read at once', async () => {
    const calls = stubFetch(serve([notice('n3'), notice('n2')]))
    renderPage()
    fireEvent.click(await screen.findByRole('button', { name: '全部已读' }))
    await waitFor(() => expect(callsOf(calls, 'user', 'markRead').map((c) => c.body.data)).toEqual([{ all: true }]))
    expect(screen.queryByRole('button', { name: /^未读/ })).toBeNull()
    expect(screen.queryByRole('button', { name: '全部已读' })).toBeNull()
  })

  it('says so in Chinese when there is nothing', async () => {
    stubFetch(serve([]))
    renderPage()
    expect(await screen.findByText('暂无消息')).toBeTruthy()
    await waitFor(() => expect(taroTest.badges).toContainEqual({ index: NOTICES_TAB_INDEX, text: null }))
  })

  it('opens only pages the app has', () => {
    const pages = Object.entries(SUBPACKAGES).flatMap(([feature, p]) => Object.values(p).map((page) => `packages/${feature}/${page}`))
    for (const page of NOTICE_PAGES) {
      expect(pages).toContain(page)
      expect(targetUrl({ page, params: {} })).toBe(`/${page}`)
    }
    expect(targetUrl({ page: 'packages/evil/index' as (typeof NOTICE_PAGES)[number], params: {} })).toBeNull()
  })
})
