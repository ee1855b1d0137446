// The message centre (消息) in the h5 build against the seeded local cloud: a party member claims one of
// the resident's (王秀英) published wishes; she sees the unread count on the 消息 tab, finds the notice in
// bold, taps it and lands on the wish; back in 消息 it is read and the badge is gone.
import { eventually, openTab, settledPage, signInFresh, within } from './support/app'
import { useHarness, type Harness } from './support/harness'

jest.setTimeout(180_000)

let h: Harness
useHarness('e2e-notices-last-screen', (started) => {
  h = started
})

const badge = () => h.page.locator('.weui-tabbar__item').filter({ hasText: '消息' }).locator('.weui-badge')
const unreadStored = () => h.cloud.store.count('notices', { recipient: 'demo-resident', readAt: null })

describe('a resident hears that her wish was claimed and opens it from 消息', () => {
  let wishId = ''
  let title = ''
  let unread = 0

  it('a party member claims her published wish', async () => {
    const mine = h.cloud.store.find('wishes', { 'beneficiary.ownerId': 'demo-resident', status: 'published' }) as unknown as Array<{
      _id: string
      title: string
    }>
    expect(mine.length).toBeGreaterThan(0)
    ;({ _id: wishId, title } = mine[0])
    const answer = await h.cloud.call('wish', 'claim', { wishId }, 'demo-member')
    expect(answer).toMatchObject({ ok: true })
    expect(h.cloud.store.find('notices', { recipient: 'demo-resident', kind: 'wishClaimed', readAt: null })).toHaveLength(1)
    unread = unreadStored()
  })

  it('she sees the unread count on the tab and the notice, newest and in bold', async () => {
    await signInFresh(h, '王秀英')
    await eventually(async () => expect(await badge().textContent()).toBe(String(unread)))
    await openTab(h.page, '消息')
    const centre = within(h.page, '.notices')
    // Newest first: the claim just now tops the list (the demo's own notices are older).
    const newest = centre.locator('.notices-item').first()
    await newest.getByText('心愿已被认领').waitFor()
    await newest.getByText('已有志愿者认领您的心愿').waitFor()
    expect(await newest.getAttribute('class')).toContain('notices-item--unread')
    await h.screenshot('e2e-notices-unread')
    await newest.click()

    await h.page.waitForURL((url) => url.hash.includes(`packages/wish/detail/index?id=${wishId}`))
    const detail = within(h.page, '.wish-detail')
    await detail.getByText(title).first().waitFor()
    await h.screenshot('e2e-notices-opened')
    await eventually(() => expect(unreadStored()).toBe(unread - 1))
  })

  it('back in 消息 the notice is read and the badge counts one fewer', async () => {
    await h.page.goBack()
    const page = await settledPage(h.page)
    const newest = page.locator('.notices-item').first()
    await newest.getByText('心愿已被认领').waitFor()
    expect(await newest.getAttribute('class')).not.toContain('notices-item--unread')
    if (unread === 1) await eventually(async () => expect(await badge().count()).toBe(0))
    else await eventually(async () => expect(await badge().textContent()).toBe(String(unread - 1)))
    await h.screenshot('e2e-notices-read')
  })
})
