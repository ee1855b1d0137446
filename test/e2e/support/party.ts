// The dual-registration steps several journeys share: a person fills in the member registration form,
// and community staff approve it with a grid from the review queue.
import { button, currentPage } from './app'
import type { Harness } from './harness'

export interface MemberForm {
  phone: string
  unit: string
  branch: string
  intention: string
  pledge: string
}

/** Opens 我要报到 from the party hub and fills in every field (does not submit). */
export async function fillMemberRegistration(h: Harness, form: MemberForm): Promise<void> {
  await h.open('packages/party/mine/index')
  await button(h.page, '我要报到').click()
  const screen = currentPage(h.page)
  await screen.getByText('我的承诺').first().waitFor()
  await screen.locator('input[placeholder="11位手机号"]').fill(form.phone)
  await screen.locator('input[placeholder="请填写单位名称"]').fill(form.unit)
  await screen.locator('input[placeholder="如：某某单位机关党支部"]').fill(form.branch)
  await screen.locator('.llt-chip').filter({ hasText: form.intention }).click()
  await screen.locator('textarea').first().fill(form.pledge)
}

/** Submits the filled form and waits for the pending status. */
export async function submitMemberRegistration(h: Harness): Promise<void> {
  await button(h.page, '提交报到').click()
  await currentPage(h.page).getByText('报到状态').waitFor()
  await currentPage(h.page).getByText('待审核').first().waitFor()
}

/** Staff approve `name`'s registration from the review queue, assigning `grid`. */
export async function approveRegistration(h: Harness, name: string, grid: string, expectPhone?: string): Promise<void> {
  await h.open('packages/workbench/party/review/index')
  const card = currentPage(h.page).locator('.review__card').filter({ hasText: name })
  await card.waitFor()
  if (expectPhone) await card.getByText(expectPhone).waitFor()
  await card.locator('.llt-chip').filter({ hasText: grid }).click()
  await card.locator('.nut-button').filter({ hasText: '通过并分配网格' }).click()
  await card.waitFor({ state: 'detached' })
}
