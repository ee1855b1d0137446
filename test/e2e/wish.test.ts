// A resident's and a party member's journey in the h5 build against the seeded local cloud: a resident
// (王秀英) finds a canteen within a 10-minute walk and posts a wish; 李志强 registers as an in-service party
// member; staff (孙丽) approve him and publish the wish; he claims it, sees the delivery details and fulfils
// it with a photo; the resident confirms with thanks, and his assessment points rise.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { agreePrivacyIfAsked, confirmModal, openTab, signInFresh, tap, within } from './support/app'
import { waitForList } from './support/lifeCircle'
import { RESULTS_DIR, useHarness, type Harness } from './support/harness'
import { approveRegistration, fillMemberRegistration, submitMemberRegistration } from './support/party'

jest.setTimeout(240_000)

let h: Harness
const TITLE = '想要一个新的电热水壶'
let wishId = ''
/** A 1×1 JPEG for the delivery photo. */
const TINY_JPEG =
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q=='

/** Inside 青枫社区, near the resident's home. */
const AT_HOME = { latitude: 31.3312, longitude: 118.3575 }
const MEMBER = { name: '李志强', openid: 'demo-volunteer' }

useHarness('e2e-wish-last-screen', async (started) => {
  h = started
  await h.context.setGeolocation(AT_HOME)
})

const points = (openid: string) =>
  (h.cloud.store.find('assessmentEntries', { openid }) as unknown as Array<{ points: number }>).reduce((s, e) => s + e.points, 0)

/** The member's assessment as the party pillar sums it (null when that function is not there). */
async function partyTotals(openid: string): Promise<{ points: number; wishes: number } | null> {
  const answer = await h.cloud.call('party', 'assessment', {}, openid).catch(() => null)
  return answer?.ok ? answer.data.totals : null
}

describe('a resident and a party member: a canteen nearby, a wish posted, claimed, fulfilled, confirmed', () => {
  it('a resident finds a canteen within a 10-minute walk', async () => {
    await signInFresh(h, '王秀英')
    const circle = within(h.page, '.llt-page')
    await tap(circle, '使用我的位置')
    await agreePrivacyIfAsked(h.page, circle.locator('.life-circle-item, .life-circle__notice'))
    await circle
      .locator('.life-circle-tiers__tab')
      .filter({ hasText: /^10分钟/ })
      .click()
    await circle.locator('.life-circle-chips__chip').filter({ hasText: '助餐' }).click()
    const canteens = await waitForList(h.page, (rows) => rows.every((r) => r.category.includes('助餐')))
    expect(canteens[0]).toMatchObject({ name: '青枫老年助餐点' })
    expect(canteens.every((r) => r.minutes <= 10)).toBe(true)
  })

  it('she posts a wish from the wish wall', async () => {
    await openTab(h.page, '心愿')
    const wall = within(h.page, '.wish-wall')
    await wall.locator('.wish-card').first().waitFor()
    await tap(wall, '许个心愿')

    const form = within(h.page, '.wish-post')
    await form.getByText('心愿内容', { exact: true }).waitFor()
    await form.locator('.llt-chip').filter({ hasText: '物资' }).click()
    await form.locator('input[placeholder="如：想要一盏护眼台灯"]').fill(TITLE)
    await form.locator('textarea').first().fill('家里的水壶烧坏了，冬天想喝口热水不方便。')
    await form.locator('input[placeholder="0"]').fill('80')
    await form
      .locator('.llt-chip')
      .filter({ hasText: /^奶奶$/ })
      .click()
    await form.getByText('心愿墙显示为：王奶奶').waitFor()
    await form.getByText(/^我已阅读并同意《心愿发布须知》/).click()
    await tap(form, '提交心愿')

    const detail = within(h.page, '.wish-detail')
    await detail.getByText('待审核', { exact: true }).waitFor()
    wishId = new URL(h.page.url().replace('#/', '')).searchParams.get('id') ?? ''
    expect(wishId).toMatch(/^w_[0-9a-f]{24}$/)
    const stored = h.cloud.store.get('wishes', wishId) as Record<string, any>
    expect(stored).toMatchObject({ status: 'submitted', submitterId: 'demo-resident', title: TITLE, beneficiary: { display: '王奶奶' } })
  })

  it('李志强 registers as an in-service party member', async () => {
    await signInFresh(h, MEMBER.name)
    await fillMemberRegistration(h, {
      phone: '13912340000',
      unit: '江城日报社',
      branch: '江城日报社第二党支部',
      intention: '助老帮困',
      pledge: '每周帮社区老人办一件实事'
    })
    await submitMemberRegistration(h)
    expect(h.cloud.store.find('partyMembers', { openid: MEMBER.openid })).toEqual([expect.objectContaining({ status: 'pending' })])
  })

  it('staff approve him, then publish the wish from the review queue', async () => {
    await signInFresh(h, '孙丽')
    await approveRegistration(h, MEMBER.name, '第一网格')
    expect(h.cloud.store.get('users', MEMBER.openid)?.roles).toContainEqual({ role: 'member', communityId: 'cm01' })
    await h.open('packages/workbench/wish/index')
    const card = within(h.page, '.wish-review').locator('.wish-card').filter({ hasText: TITLE })
    await card.waitFor()
    await card.getByText('受助人：王秀英', { exact: false }).waitFor()
    await tap(card, '通过并公开')
    await card.waitFor({ state: 'detached' })
    expect(h.cloud.store.get('wishes', wishId)).toMatchObject({ status: 'published' })
  })

  it('the new party member finds it on the wall, claims it and sees the delivery details', async () => {
    await signInFresh(h, MEMBER.name)
    await openTab(h.page, '心愿')
    const card = within(h.page, '.wish-wall').locator('.wish-card').filter({ hasText: TITLE })
    await card.waitFor()
    expect(await card.textContent()).not.toMatch(/1[3-9]\d{9}/)
    await card.click()

    const detail = within(h.page, '.wish-detail')
    await detail.getByText('王奶奶的心愿', { exact: false }).first().waitFor()
    expect(await detail.getByText('交付信息').count()).toBe(0)
    await tap(detail, '我来认领')
    await confirmModal(h.page, '确定认领')
    await detail.getByText('交付信息').waitFor()
    await detail.getByText('共产党员 李** 认领了这个心愿').waitFor()
    expect(await detail.getByText(/^电话：1[3-9]\d{9}$/).count()).toBe(1)
    expect(h.cloud.store.get('wishes', wishId)).toMatchObject({ status: 'claimed', claimerId: MEMBER.openid })
  })

  it('the member fulfils it with a note and a photo', async () => {
    await tap(within(h.page, '.wish-detail'), '已送达，上传照片')
    const form = within(h.page, '.wish-form')
    await form.getByText('实现情况').waitFor()
    await form.locator('textarea').first().fill('电热水壶已送到，教会了怎么用。')

    mkdirSync(RESULTS_DIR, { recursive: true })
    const picture = path.join(RESULTS_DIR, 'e2e-wish-kettle.jpg')
    writeFileSync(picture, Buffer.from(TINY_JPEG, 'base64'))
    const chooser = h.page.waitForEvent('filechooser')
    await form.locator('.wish-photos__add').click()
    await agreePrivacyIfAsked(h.page, chooser)
    await (await chooser).setFiles(picture)
    await form.locator('.wish-photos__tile').waitFor()

    await tap(form, '提交')
    await within(h.page, '.wish-detail').getByText('心愿实现了').waitFor()
    const stored = h.cloud.store.get('wishes', wishId) as Record<string, any>
    expect(stored.status).toBe('fulfilled')
    expect(stored.fulfilment.photos[0]).toMatch(/^cloud:\/\/[^/]+\/users\/demo-volunteer\//)
  })

  it('the resident confirms with thanks, and the member’s assessment points rise', async () => {
    const before = points(MEMBER.openid)
    const partyBefore = await partyTotals(MEMBER.openid)
    await signInFresh(h, '王秀英')
    await h.open(`packages/wish/detail/index?id=${wishId}`)
    await tap(within(h.page, '.wish-detail'), '确认收到，说声谢谢')
    const form = within(h.page, '.wish-form')
    await form.getByText('您满意吗').waitFor()
    await form.locator('textarea').first().fill('谢谢党员同志，终于能喝上热水了！')
    await tap(form, '确认收到')

    const detail = within(h.page, '.wish-detail')
    await detail.getByText('感谢与评价').waitFor()
    await detail.getByText('确认完成').waitFor()
    expect(h.cloud.store.get('wishes', wishId)).toMatchObject({ status: 'confirmed', confirmation: { rating: 5 } })
    expect(points(MEMBER.openid)).toBe(before + 5)
    const partyAfter = await partyTotals(MEMBER.openid)
    if (partyBefore && partyAfter) expect(partyAfter).toMatchObject({ points: partyBefore.points + 5, wishes: partyBefore.wishes + 1 })
  })
})
