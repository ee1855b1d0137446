// The staff workbench in the h5 build against the seeded local cloud: staff (孙丽) open the workbench, see
// their queues with the counts the database holds, tap into the wish queue, publish the oldest wish and come
// back to one fewer; they open the dashboard and download a CSV report. A street admin (周明) compares the
// communities of the street in the sortable table.
import { readFileSync } from 'node:fs'
import type { Locator } from 'playwright-core'
import { volunteerDoc } from '../hardening/support/world'
import { confirmModal, currentPage, eventually, signInFresh } from './support/app'
import { useHarness, type Harness } from './support/harness'

jest.setTimeout(180_000)

let h: Harness

useHarness('e2e-workbench-last-screen', (started) => {
  h = started
})

const screen = (): Locator => currentPage(h.page).last()

const submitted = () =>
  h.cloud.store.find('wishes', { communityId: 'cm01', status: 'submitted' }, { sort: { createdAt: 1, _id: 1 } }) as Array<{
    _id: string
    title: string
  }>

const card = (title: string) => screen().locator('.wb-queue').filter({ hasText: title })

describe('the staff workbench', () => {
  it('staff see their queues with the counts the database holds, the longest waiting first', async () => {
    await signInFresh(h, '孙丽')
    await h.open('packages/workbench/index/index')
    await screen().locator('.wb-queue').first().waitFor()
    const waiting = submitted()
    expect(waiting.length).toBeGreaterThan(0)
    await card('待审核心愿').getByText(`${waiting.length}个`, { exact: false }).waitFor()
    await card('待审核心愿').getByText(waiting[0].title).waitFor()
    const pendingRegistrations =
      h.cloud.store.count('partyMembers', { communityId: 'cm01', status: 'pending' }) +
      h.cloud.store.count('partyUnits', { communityId: 'cm01', status: 'pending' }) +
      h.cloud.store.count('volunteers', { communityId: 'cm01', status: 'pending' })
    await card('待审核报到').getByText(`${pendingRegistrations}份`, { exact: false }).waitFor()
    // Cards with work come before empty ones.
    const counts = await screen().locator('.wb-queue__count').allInnerTexts()
    const numbers = counts.map((t) => Number.parseInt(t, 10))
    const firstEmpty = numbers.indexOf(0)
    if (firstEmpty >= 0) expect(numbers.slice(firstEmpty).every((n) => n === 0)).toBe(true)
  })

  it('staff tap into the wish queue, publish the oldest wish and come back to one fewer', async () => {
    const [oldest, ...rest] = submitted()
    await card('待审核心愿').click()
    const review = h.page.locator('.wish-review:visible')
    const item = review.locator('.llt-paged__item').filter({ hasText: oldest.title }).first()
    await item.waitFor()
    await item.locator('.nut-button').filter({ hasText: '通过并公开' }).first().click()
    await eventually(async () =>
      expect(await h.cloud.call('wish', 'detail', { wishId: oldest._id }, 'demo-staff')).toMatchObject({
        ok: true,
        data: { status: 'published' }
      })
    )
    expect(submitted()).toHaveLength(rest.length)
    await h.page.goBack()
    await card('待审核心愿').getByText(`${rest.length}个`, { exact: false }).waitFor()
  })

  it('staff open the dashboard and download a report as CSV with a BOM', async () => {
    await screen().getByText('数据看板', { exact: true }).click()
    const board = screen()
    await board.getByText('办结率', { exact: true }).first().waitFor()
    await board.locator('.llt-chart__row').first().waitFor()
    await board.getByText('每月趋势').waitFor()
    const [download] = await Promise.all([
      h.page.waitForEvent('download'),
      board.locator('.nut-button').filter({ hasText: '微心愿台账' }).click()
    ])
    expect(download.suggestedFilename()).toMatch(/^青枫社区-\d{4}年\d{1,2}月-微心愿台账\.csv$/)
    const text = readFileSync((await download.path()) as string, 'utf8')
    expect(text.startsWith('\uFEFF序号,类别,标题,受助人')).toBe(true)
  })
})

describe('trust: vetting volunteers and ending claims', () => {
  it('staff open 志愿者注册审核 from the workbench and approve a pending volunteer', async () => {
    h.cloud.store.insert('volunteers', [volunteerDoc('e2e-newcomer', '钟敏', 999_001, { communityId: 'cm01', status: 'pending' })])
    await signInFresh(h, '孙丽')
    await h.open('packages/workbench/index/index')
    await screen().getByText('志愿者注册审核', { exact: true }).click()
    const item = screen().locator('.vol-review__card').filter({ hasText: '钟敏' })
    await item.getByText('手机号：13900999001').waitFor()
    await item.locator('.nut-button').filter({ hasText: '通过' }).first().click()
    await eventually(() => expect(h.cloud.store.get('volunteers', 'e2e-newcomer')).toMatchObject({ status: 'approved' }))
    await screen().getByText('没有待审核的志愿者', { exact: false }).waitFor()
  })

  it('staff force-release a claimed wish with a listed reason, after a confirmation naming the claimer', async () => {
    const [claimed] = h.cloud.store.find(
      'wishes',
      { communityId: 'cm01', status: 'claimed' },
      { sort: { claimedAt: 1, _id: 1 } }
    ) as Array<{
      _id: string
      title: string
      claimer: { displayName: string }
    }>
    expect(claimed).toBeDefined()
    await h.open('packages/workbench/wish/index')
    await screen().locator('.llt-chip').filter({ hasText: '认领中' }).click()
    const item = screen().locator('.llt-paged__item').filter({ hasText: claimed.title }).first()
    await item.waitFor()
    await item.locator('.nut-button').filter({ hasText: '强制释放' }).click()
    await item.locator('.llt-chip').filter({ hasText: '认领人联系不上' }).click()
    await item.locator('.nut-button').filter({ hasText: '确认释放' }).click()
    await h.page
      .locator('.taro__modal')
      .getByText(`将结束${claimed.claimer.displayName}对“${claimed.title}”的认领`, { exact: false })
      .waitFor()
    await confirmModal(h.page, '确定释放')
    await eventually(() => expect(h.cloud.store.get('wishes', claimed._id)).toMatchObject({ status: 'published' }))
    const history = (h.cloud.store.get('wishes', claimed._id) as unknown as { history: Array<{ why?: string }> }).history
    expect(history.at(-1)?.why).toBe('认领人联系不上')
  })
})

describe('the street comparison', () => {
  it('a street admin compares the communities and sorts them by 办结率', async () => {
    await signInFresh(h, '周明')
    await h.open('packages/workbench/index/index')
    await screen().getByText('街道对比', { exact: true }).click()
    const table = screen().locator('.llt-table__grid')
    await table.waitFor()
    const rows = table.locator('.llt-table__row')
    // Heading, street total, and the ten communities of the demo street.
    await eventually(async () => expect(await rows.count()).toBeGreaterThanOrEqual(12))
    expect(await rows.nth(1).innerText()).toContain('街道合计')
    await table.locator('.llt-table__sort').filter({ hasText: '办结率' }).click()
    await table.locator('.llt-table__sort--active').filter({ hasText: '办结率 ↓' }).waitFor()
    const rates = await table
      .locator('.llt-table__row:not(.llt-table__row--head):not(.llt-table__row--pinned)')
      .evaluateAll((els) => els.map((el) => el.querySelectorAll('.llt-table__cell')[2]?.textContent ?? ''))
    expect(rates).toHaveLength(10)
    const values = rates.map((r) => (r === '—' ? -1 : Number.parseFloat(r)))
    expect(values).toEqual([...values].sort((a, b) => b - a))
  })
})
