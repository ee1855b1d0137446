// One wish from start to finish in the h5 build against the seeded local cloud: a resident (王秀英)
// posts a wish, staff (孙丽) publish it, a party member (陈建国) claims it, sees the delivery details,
// fulfils it with a photo, the resident confirms with thanks, and the member's assessment points rise.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Locator } from 'playwright-core'
import { openTab, signInAs } from './support/app'
import { RESULTS_DIR, startHarness, type Harness } from './support/harness'

jest.setTimeout(180_000)

let h: Harness
const TITLE = '想要一个新的电热水壶'
let wishId = ''
/** A 1×1 JPEG for the delivery photo. */
const TINY_JPEG =
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q=='

beforeAll(async () => {
  h = await startHarness()
})

afterAll(async () => {
  if (!h) return
  await h.screenshot('e2e-wish-last-screen').catch(() => undefined)
  await h.stop()
})

/** Taro's h5 keeps earlier pages in the DOM, so each step looks inside the root of its own page. */
const within = (root: string): Locator => h.page.locator(`${root}:visible`).last()
const tap = (root: Locator, text: string) => root.locator('.nut-button').filter({ hasText: text }).first().click()

async function signInFresh(name: string): Promise<void> {
  await h.open()
  await h.page.evaluate(() => localStorage.removeItem('llt.openid'))
  await h.page.reload()
  await h.page.getByText('选择一个身份进入', { exact: false }).waitFor()
  await signInAs(h.page, name)
  await h.page.waitForURL(/pages\/circle\/index/)
}

/** Agrees to the privacy guide if WeChat-style consent is asked (the first privacy-scoped action). */
async function agreePrivacyIfAsked(): Promise<void> {
  const popup = h.page.locator('.llt-privacy:visible')
  if (await popup.count()) {
    await popup.locator('.llt-privacy__button--agree').click()
    await popup.waitFor({ state: 'detached' })
  }
}

/** Taro's h5 modal: press its confirm button. */
async function confirmModal(text: string): Promise<void> {
  await h.page.locator('.taro__modal .taro-model__confirm').filter({ hasText: text }).click()
}

const points = (openid: string) =>
  (h.cloud.store.find('assessmentEntries', { openid }) as unknown as Array<{ points: number }>).reduce((s, e) => s + e.points, 0)

/** The member's assessment as the party pillar sums it (null when that function is not there). */
async function partyTotals(openid: string): Promise<{ points: number; wishes: number } | null> {
  const answer = await h.cloud.call('party', 'assessment', {}, openid).catch(() => null)
  return answer?.ok ? answer.data.totals : null
}

describe('a wish from start to finish', () => {
  it('a resident posts a wish from the wish wall', async () => {
    await signInFresh('王秀英')
    await openTab(h.page, '心愿')
    const wall = within('.wish-wall')
    await wall.locator('.wish-card').first().waitFor()
    await tap(wall, '许个心愿')

    const form = within('.wish-post')
    await form.getByText('心愿内容', { exact: true }).waitFor()
    await form.locator('.wish-chips__chip').filter({ hasText: '物资' }).click()
    await form.locator('input[placeholder="如：想要一盏护眼台灯"]').fill(TITLE)
    await form.locator('textarea').first().fill('家里的水壶烧坏了，冬天想喝口热水不方便。')
    await form.locator('input[placeholder="0"]').fill('80')
    await form.locator('.wish-chips__chip').filter({ hasText: /^奶奶$/ }).click()
    await form.getByText('心愿墙显示为：王奶奶').waitFor()
    await form.getByText(/^我已阅读并同意《心愿发布须知》/).click()
    await tap(form, '提交心愿')

    const detail = within('.wish-detail')
    await detail.getByText('待审核', { exact: true }).waitFor()
    wishId = new URL(h.page.url().replace('#/', '')).searchParams.get('id') ?? ''
    expect(wishId).toMatch(/^w[0-9a-f]+$/)
    const stored = h.cloud.store.get('wishes', wishId) as Record<string, any>
    expect(stored).toMatchObject({ status: 'submitted', submitterId: 'demo-resident', title: TITLE, beneficiary: { display: '王奶奶' } })
  })

  it('staff publish it from the review queue', async () => {
    await signInFresh('孙丽')
    await h.open('packages/workbench/wish/index')
    const card = within('.wish-review').locator('.wish-card').filter({ hasText: TITLE })
    await card.waitFor()
    await card.getByText('受助人：王秀英', { exact: false }).waitFor()
    await tap(card, '通过并公开')
    await card.waitFor({ state: 'detached' })
    expect(h.cloud.store.get('wishes', wishId)).toMatchObject({ status: 'published' })
  })

  it('a party member finds it on the wall, claims it and sees the delivery details', async () => {
    await signInFresh('陈建国')
    await openTab(h.page, '心愿')
    const card = within('.wish-wall').locator('.wish-card').filter({ hasText: TITLE })
    await card.waitFor()
    expect(await card.textContent()).not.toMatch(/1[3-9]\d{9}/)
    await card.click()

    const detail = within('.wish-detail')
    await detail.getByText('王奶奶的心愿', { exact: false }).first().waitFor()
    expect(await detail.getByText('交付信息').count()).toBe(0)
    await tap(detail, '我来认领')
    await confirmModal('确定认领')
    await detail.getByText('交付信息').waitFor()
    await detail.getByText('共产党员 陈** 认领了这个心愿').waitFor()
    expect(await detail.getByText(/^电话：1[3-9]\d{9}$/).count()).toBe(1)
    expect(h.cloud.store.get('wishes', wishId)).toMatchObject({ status: 'claimed', claimerId: 'demo-member' })
  })

  it('the member fulfils it with a note and a photo', async () => {
    await tap(within('.wish-detail'), '已送达，上传照片')
    const form = within('.wish-form')
    await form.getByText('实现情况').waitFor()
    await form.locator('textarea').first().fill('电热水壶已送到，教会了怎么用。')

    mkdirSync(RESULTS_DIR, { recursive: true })
    const picture = path.join(RESULTS_DIR, 'e2e-wish-kettle.jpg')
    writeFileSync(picture, Buffer.from(TINY_JPEG, 'base64'))
    const chooser = h.page.waitForEvent('filechooser')
    await form.locator('.wish-photos__add').click()
    await agreePrivacyIfAsked()
    await (await chooser).setFiles(picture)
    await form.locator('.wish-photos__tile').waitFor()

    await tap(form, '提交')
    await within('.wish-detail').getByText('心愿实现了').waitFor()
    const stored = h.cloud.store.get('wishes', wishId) as Record<string, any>
    expect(stored.status).toBe('fulfilled')
    expect(stored.fulfilment.photos[0]).toMatch(/^cloud:\/\/[^/]+\/users\/demo-member\//)
  })

  it('the resident confirms with thanks, and the member’s assessment points rise', async () => {
    const before = points('demo-member')
    const partyBefore = await partyTotals('demo-member')
    await signInFresh('王秀英')
    await h.open(`packages/wish/detail/index?id=${wishId}`)
    await tap(within('.wish-detail'), '确认收到，说声谢谢')
    const form = within('.wish-form')
    await form.getByText('您满意吗').waitFor()
    await form.locator('textarea').first().fill('谢谢党员同志，终于能喝上热水了！')
    await tap(form, '确认收到')

    const detail = within('.wish-detail')
    await detail.getByText('感谢与评价').waitFor()
    await detail.getByText('确认完成').waitFor()
    expect(h.cloud.store.get('wishes', wishId)).toMatchObject({ status: 'confirmed', confirmation: { rating: 5 } })
    expect(points('demo-member')).toBe(before + 5)
    const partyAfter = await partyTotals('demo-member')
    if (partyBefore && partyAfter) expect(partyAfter).toMatchObject({ points: partyBefore.points + 5, wishes: partyBefore.wishes + 1 })
  })
})
