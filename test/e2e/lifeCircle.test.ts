// The 15-minute life circle in the h5 build against the seeded demo district: a resident (王秀英) shares
// her location, sees what is near with distances and walking minutes, switches tier and category and opens
// a facility; then, with location refused, she picks her community and still gets results.
import type { Locator } from 'playwright-core'
import { button, currentPage, signInAs } from './support/app'
import { startHarness, type Harness } from './support/harness'

jest.setTimeout(180_000)

let h: Harness
const screen = (): Locator => currentPage(h.page)
/** Inside 青枫社区, the resident's community in the demo district. */
const AT_HOME = { latitude: 31.3312, longitude: 118.3575 }

beforeAll(async () => {
  h = await startHarness()
  await h.context.setGeolocation(AT_HOME)
})

afterAll(async () => {
  if (!h) return
  await h.screenshot('e2e-lifecircle-last-screen').catch(() => undefined)
  await h.stop()
})

async function signInFresh(name: string): Promise<void> {
  await h.open()
  await h.page.evaluate(() => {
    localStorage.removeItem('llt.openid')
    localStorage.removeItem('llt.circle.place')
  })
  await h.page.reload()
  await h.page.getByText('选择一个身份进入', { exact: false }).waitFor()
  await signInAs(h.page, name)
}

async function agreePrivacyIfAsked(): Promise<void> {
  const popup = h.page.locator('.llt-privacy:visible')
  await popup.or(screen().locator('.circle-item, .circle__notice')).first().waitFor()
  if (await popup.count()) {
    await popup.locator('.llt-privacy__button--agree').click()
    await popup.waitFor({ state: 'detached' })
  }
}

/** The distance and walk of every listed facility, once the list has settled. */
async function listed(): Promise<Array<{ name: string; category: string; metres: number; minutes: number }>> {
  await screen().locator('.circle-item').first().waitFor()
  const rows = await screen().locator('.circle-item').evaluateAll((items) =>
    items.map((item) => ({
      name: item.querySelector('.circle-item__name')?.textContent ?? '',
      walk: item.querySelector('.circle-item__walk')?.textContent ?? '',
      meta: item.querySelector('.circle-item__meta')?.textContent ?? ''
    }))
  )
  return rows.map((r) => {
    const m = /^(\d+(?:\.\d)?)(米|公里)内? · 步行约(\d+)分钟$/.exec(r.walk)
    if (!m) throw new Error(`unexpected walk text "${r.walk}"`)
    return { name: r.name, category: r.meta.split(' · ')[0], metres: Number(m[1]) * (m[2] === '公里' ? 1000 : 1), minutes: Number(m[3]) }
  })
}

async function waitForList(check: (rows: Awaited<ReturnType<typeof listed>>) => boolean): Promise<Awaited<ReturnType<typeof listed>>> {
  for (let i = 0; i < 40; i++) {
    const rows = await listed().catch(() => [])
    if (rows.length && check(rows)) return rows
    await h.page.waitForTimeout(250)
  }
  throw new Error('the list never showed what was expected')
}

describe('the 15-minute life circle', () => {
  it('a resident who shares her location sees nearby facilities, nearest first, with distance and walking minutes', async () => {
    await signInFresh('王秀英')
    await screen().getByText('15分钟社区生活圈').waitFor()
    await button(h.page, '使用我的位置').click()
    await agreePrivacyIfAsked()
    await screen().getByText('从我的当前位置查找').waitFor()
    const rows = await waitForList((r) => r.length > 3)
    expect(rows.every((r) => r.metres <= 1000 && r.minutes <= 15)).toBe(true)
    const metres = rows.map((r) => r.metres)
    expect(metres).toEqual([...metres].sort((a, b) => a - b))
  })

  it('switches to the 5-minute circle and one category', async () => {
    await screen().locator('.circle-tiers__tab').filter({ hasText: /^5分钟/ }).click()
    await screen().getByText('约300米').waitFor()
    await waitForList((r) => r.every((x) => x.metres <= 300 && x.minutes <= 5))

    await screen().locator('.circle-tiers__tab').filter({ hasText: /^15分钟/ }).click()
    await screen().locator('.circle-chips__chip').filter({ hasText: '便利店' }).click()
    const shops = await waitForList((r) => r.every((x) => x.category === '便利店'))
    expect(shops.length).toBeGreaterThan(0)
  })

  it('opens a facility with its hours, a call button and navigation', async () => {
    const first = screen().locator('.circle-item').first()
    const name = (await first.locator('.circle-item__name').textContent()) ?? ''
    await first.click()
    await screen().locator('.facility__name').filter({ hasText: name }).waitFor()
    await screen().getByText('开放时间').waitFor()
    await screen().getByText(/^距您 \d+(\.\d)?(米|公里)内? · 步行约\d+分钟$/).waitFor()
    await button(h.page, '导航前往').waitFor()
    await button(h.page, '拨打电话').waitFor()
    await h.page.goBack()
  })

  it('a resident who refuses location picks her community and still gets results', async () => {
    await h.context.clearPermissions()
    await signInFresh('王秀英')
    await button(h.page, '使用我的位置').click()
    await agreePrivacyIfAsked()
    await screen().getByText('没有获取到您的位置').waitFor()
    await button(h.page, '选择社区/小区').click()

    await screen().getByText('从青枫社区中心查找').click()
    await screen().getByText('从青枫社区（中心位置）查找').waitFor()
    await screen().getByText('未使用您的定位，距离按所选位置的中心计算。').waitFor()
    const rows = await waitForList((r) => r.length > 3)
    expect(rows.every((r) => r.metres <= 1000)).toBe(true)
    await h.screenshot('e2e-lifecircle-picked-community')
  })
})
