// Pillar 3 from end to end in the h5 build against the seeded local cloud: a volunteer (李志强) enrolls in an
// activity from the 志愿 tab and shows their own check-in code (QR and typed code); staff (孙丽) check them
// in with the page's camera (Chromium's fake camera plays a video of the code) and check them out by typing
// the short code; the volunteer earns points, redeems a good in the points supermarket and gets a pickup
// code, and the shop (刘芳, 惠民便利店) verifies the pickup. No console error on the way.
// Time passing at the venue is simulated by moving the activity and the check-in time back in the store.
import { enrollmentIdFor } from '../../cloudfunctions/volunteer/src/docs'
import { ledgerId } from '../../cloudfunctions/_shared/domain/ledgerRules'
import type { Locator } from 'playwright-core'
import { agreePrivacyIfAsked, confirmModal, openTab, signInFresh, tap, within } from './support/app'
import { useHarness, type Harness } from './support/harness'
import { writeBlankCamera, writeQrCamera } from './support/y4m'

jest.setTimeout(240_000)

let h: Harness
const HOUR = 3_600_000
const TITLE = '社区长者防诈骗讲座协助'
/** Where the harness's phone is (its geolocation); the venue is there too. */
const HERE = { lat: 31.3526, lng: 118.4331 }
let activityId = ''
let orderId = ''

useHarness('e2e-volunteer-last-screen', (started) => {
  h = started
})

/** Moves the activity (and the copies on its enrollments) so that it started `msAgo` ago and lasts 3 hours. */
function startedAgo(msAgo: number) {
  const start = new Date(Date.now() - msAgo)
  const end = new Date(start.getTime() + 3 * HOUR)
  h.cloud.store.update('activities', { _id: activityId }, { $set: { start, end, enrollDeadline: new Date(start.getTime() - HOUR) } })
  h.cloud.store.update('enrollments', { activityId }, { $set: { activityStart: start, activityEnd: end } }, { multi: true })
}

/** The volunteer's own code right now (the same action their 我的签到码 page calls every 30 s). */
async function volunteerCode(): Promise<{ payload: string; shortCode: string }> {
  const answer = await h.cloud.call('volunteer', 'myCheckinCode', { activityId }, 'demo-volunteer')
  expect(answer.ok).toBe(true)
  return answer.data
}

/** The staff's scan page, set to check in or out. */
async function staffScanPage(kind: '签到' | '签退'): Promise<Locator> {
  await h.open(`packages/workbench/activity/scan/index?id=${activityId}`)
  const scan = within(h.page, '.wb-scan')
  await scan.getByText(TITLE).waitFor()
  if (kind === '签退') await scan.getByRole('radio', { name: '签退' }).click()
  return scan
}

/** Scanning asks for the location: the first time, behind the privacy question. Then it succeeds or fails. */
const settled = (scan: Locator) => agreePrivacyIfAsked(h.page, scan.locator('.wb-scan__done, [role="alert"]'))

describe('volunteer service and the points supermarket', () => {
  it('staff publish an activity at the venue', async () => {
    const start = new Date(Date.now() + HOUR)
    const answer = await h.cloud.call(
      'volunteer',
      'createActivity',
      {
        requestId: 'e2e-volunteer-activity',
        title: TITLE,
        content: '协助民警为老人讲解常见诈骗手法，帮老人安装反诈App。',
        venue: '青枫社区党群服务中心二楼',
        location: HERE,
        start: start.toISOString(),
        end: new Date(start.getTime() + 3 * HOUR).toISOString(),
        enrollDeadline: new Date(start.getTime() - 10 * 60_000).toISOString(),
        capacity: 10,
        pointsPerHour: 10,
        pointsCap: 50,
        radius: 300
      },
      'demo-staff'
    )
    expect(answer.ok).toBe(true)
    activityId = answer.data.id
  })

  it('a volunteer finds it on the 志愿 tab and enrolls', async () => {
    await signInFresh(h, '李志强')
    await openTab(h.page, '志愿')
    const card = within(h.page, '.vol-tab').locator('.vol-card').filter({ hasText: TITLE })
    await card.waitFor()
    await card.click()
    const detail = within(h.page, '.vol-activity')
    await detail.getByText('每小时 10 积分，本次最多 50 积分').waitFor()
    await tap(detail, '我要报名')
    await detail.getByText('我的报名').waitFor()
    expect(h.cloud.store.get('enrollments', enrollmentIdFor(activityId, 'demo-volunteer'))).toMatchObject({ status: 'enrolled' })
  })

  it('the volunteer shows their own code: the QR and the short code in large type', async () => {
    startedAgo(5 * 60_000)
    await h.open(`packages/volunteer/activity/index?id=${activityId}`)
    const detail = within(h.page, '.vol-activity')
    await tap(detail, '出示我的签到码签到')
    const mine = within(h.page, '.vol-mycode')
    await mine.getByText(TITLE).waitFor()
    await mine.getByText('请出示给现场工作人员扫码签到').waitFor()
    await mine.getByText(/\d+ 秒后自动更新/).waitFor()
    expect(await mine.locator('.points-qr img').getAttribute('src')).toMatch(/^data:image\/gif;base64,/)
    const shown = (await mine.getByLabel('签到数字码').textContent())!.replace(' ', '')
    expect(shown).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/)
    await h.screenshot('e2e-volunteer-my-code')
  })

  it('staff check the volunteer in with the camera, and later out with the typed code; points are earned', async () => {
    await signInFresh(h, '孙丽')
    const before = (h.cloud.store.get('pointsAccounts', 'demo-volunteer')?.balance as number) ?? 0
    // The camera sees the volunteer's screen: a video of their current QR code.
    const used = await volunteerCode()
    writeQrCamera(h.cameraFile, used.payload)
    const scan = await staffScanPage('签到')
    await tap(scan, '扫码签到')
    await settled(scan)
    await scan.getByText('✓ 签到成功：李志强').waitFor()
    await h.screenshot('e2e-volunteer-staff-scanned')
    writeBlankCamera(h.cameraFile)
    expect(h.cloud.store.get('enrollments', enrollmentIdFor(activityId, 'demo-volunteer'))).toMatchObject({
      status: 'checkedIn',
      checkInBy: 'demo-staff'
    })

    // Two hours of service pass; the volunteer reads out the short code under their QR code.
    startedAgo(2 * HOUR + 5 * 60_000)
    h.cloud.store.update(
      'enrollments',
      { _id: enrollmentIdFor(activityId, 'demo-volunteer') },
      { $set: { checkInAt: new Date(Date.now() - 2 * HOUR) } }
    )
    const out = await staffScanPage('签退')
    // A code is used once: the one that checked in stays used until the volunteer's screen shows the next.
    let { shortCode } = await volunteerCode()
    for (let i = 0; i < 40 && shortCode === used.shortCode; i++) {
      await h.page.waitForTimeout(1000)
      shortCode = (await volunteerCode()).shortCode
    }
    await out.locator('input[placeholder="输入志愿者的6位签到码"]').fill(`${shortCode.slice(0, 3)} ${shortCode.slice(3)}`)
    await tap(out, '确定')
    await settled(out)
    await out.getByText('✓ 签退成功：李志强').waitFor()
    await out.getByText('本次服务 2小时，获得 20 积分').waitFor()
    expect(h.cloud.store.get('pointsAccounts', 'demo-volunteer')?.balance).toBe(before + 20)
    expect(h.cloud.store.get('pointsLedger', ledgerId.credit(enrollmentIdFor(activityId, 'demo-volunteer')))).toMatchObject({ amount: 20 })
    await signInFresh(h, '李志强')
  })

  it('the volunteer redeems a good and gets a pickup code with its QR code', async () => {
    await h.open('packages/points/index/index')
    const mall = within(h.page, '.points-home')
    const goods = mall.locator('.points-goods').filter({ hasText: '抽纸一提' })
    await goods.waitFor()
    // Goods photos are cloud files: the browser shows them through temporary URLs (issue 19, defects 2, 23).
    const photo = goods.locator('.points-goods__photo img')
    await photo.waitFor()
    await h.page.waitForFunction(
      (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
      await photo.elementHandle()
    )
    expect(await photo.getAttribute('src')).toMatch(/\/files\/users\/.+\.svg$/)
    await goods.click()
    const detail = within(h.page, '.points-goods-page')
    await tap(detail, '立即兑换')
    await confirmModal(h.page, '兑换')
    const orders = within(h.page, '.points-orders')
    const order = orders.locator('.points-order').filter({ hasText: '抽纸一提' }).first()
    await order.getByText('待领取').waitFor()
    const stored = h.cloud.store.find('redemptions', { openid: 'demo-volunteer', goodsName: '抽纸一提', status: 'pending' })
    expect(stored).toHaveLength(1)
    orderId = stored[0]._id as string
    const digits = String(stored[0].pickupCode)
    await order.getByText(`${digits.slice(0, 3)} ${digits.slice(3)}`).waitFor()
    expect(await order.locator('.points-qr img').getAttribute('src')).toMatch(/^data:image\/gif;base64,/)
  })

  it('the shop verifies the pickup by the six digits', async () => {
    const digits = String(h.cloud.store.get('redemptions', orderId)?.pickupCode)
    await signInFresh(h, '刘芳')
    await h.open('packages/points/merchant/pickup/index?merchantId=m01')
    const pickup = within(h.page, '.points-pickup')
    await pickup.locator('input[placeholder="输入6位取货码"]').fill(digits)
    await tap(pickup, '确定')
    await pickup.getByText('✓ 核销成功，请交付商品').waitFor()
    expect(h.cloud.store.get('redemptions', orderId)).toMatchObject({ status: 'pickedUp', closedBy: 'demo-merchant' })
  })

  it('logged no console error on the way', () => {
    expect(h.consoleErrors).toEqual([])
  })
})
