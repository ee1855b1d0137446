// Dual registration in the h5 build against the seeded local cloud: a party member (李志强) registers —
// the form answers a wrong phone number with the shared schema's message — staff (孙丽) approve and
// assign a grid, the member's badge and pledge appear (亮身份), and a unit admin (赵磊) reads the
// 双重考评 report of the unit's members and exports it as CSV.
import type { Locator } from 'playwright-core'
import { button, currentPage, settledPage, signInFresh } from './support/app'
import { useHarness, type Harness } from './support/harness'
import { approveRegistration, fillMemberRegistration, submitMemberRegistration } from './support/party'

jest.setTimeout(180_000)

let h: Harness
const PLEDGE = '每周六上午到社区为老人义务理发'
const PHONE = '13912340000'
const FORM = { phone: PHONE, unit: '江城日报社', branch: '江城日报社第二党支部', intention: '助老帮困', pledge: PLEDGE }

useHarness('e2e-party-last-screen', (started) => {
  h = started
})

const screen = (): Locator => currentPage(h.page)

const registration = () => h.cloud.store.find('partyMembers', { openid: 'demo-volunteer' }) as Array<Record<string, any>>

describe('dual registration from the form to the badge and the unit’s report', () => {
  it('a party member fills in the registration form; a wrong phone number is caught on the spot', async () => {
    await signInFresh(h, '李志强')
    await fillMemberRegistration(h, { ...FORM, phone: '12345' })
    await button(h.page, '提交报到').click()
    await screen().getByText('请填写正确的11位手机号').waitFor()
    expect(registration()).toHaveLength(0)

    await screen().locator('input[placeholder="11位手机号"]').fill(PHONE)
    await submitMemberRegistration(h)
    expect(registration()).toEqual([
      expect.objectContaining({ status: 'pending', communityId: 'cm01', phone: PHONE, pledge: PLEDGE, intentions: ['elderly'] })
    ])
  })

  it('staff approve it from the review queue and assign a grid', async () => {
    await signInFresh(h, '孙丽')
    await approveRegistration(h, '李志强', '第二网格', PHONE) // staff of the community see the full number
    const [reg] = registration()
    expect(reg).toMatchObject({ status: 'approved', gridId: 'cm01-g2' })
    expect(reg.history.map((e: { event: string }) => e.event)).toEqual(['submit', 'approve'])
    expect(h.cloud.store.get('users', 'demo-volunteer')?.roles).toContainEqual({ role: 'member', communityId: 'cm01' })
  })

  it('the member’s badge and pledge appear (亮身份、亮承诺)', async () => {
    await signInFresh(h, '李志强')
    await h.open('packages/party/mine/index')
    const card = screen().locator('.party-card')
    await card.waitFor()
    await card.getByText('共产党员').waitFor()
    await card.getByText(PLEDGE).waitFor()
    await card.getByText('江城日报社第二党支部').waitFor()
    await h.open('pages/mine/index')
    await screen().getByText(`我的承诺：${PLEDGE}`).waitFor()
    await screen().getByText('共产党员 · 江城日报社第二党支部').waitFor()
  })

  it('a unit admin reads the 双重考评 report of the unit’s members, phones masked, and exports it', async () => {
    await signInFresh(h, '赵磊')
    await h.open('packages/party/unit/index')
    await screen().getByText('江城市税务局镜湖分局').first().waitFor()
    await screen().getByText('双重考评反馈').click()

    const row = screen().locator('.party-report-row').filter({ hasText: '陈建国' })
    await row.waitFor()
    await row.getByText(/积分 \d+/).waitFor()
    const text = (await (await settledPage(h.page)).textContent()) ?? ''
    expect(text).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/)
    expect(text).toMatch(/1\d{2}\*{4}\d{4}/)

    const download = h.page.waitForEvent('download')
    await button(h.page, '导出表格').click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^江城市税务局镜湖分局-\d{4}年度党员双重考评\.csv$/)
  })
})
