// The points function through the local cloud, with the real wx-server-sdk: merchants and their review,
// goods, redemption (200 concurrent redemptions of 20 items, the same request id twice), the per-person
// limit, cancel and expiry refunding exactly once (also at the same moment), pickup by the right shop only,
// staff adjustments, the board, and the ledger invariant: every balance equals the sum of its ledger.
import { merchantIdFor } from '../../cloudfunctions/points/src/domain/merchant'
import { useLocalCloud } from '../support/cloud'
import { communitySettings, nextRequestId, STREET, twoCommunities } from '../support/fixtures'
import { typedClient, type Input } from '../support/client'
import { fails, ok, present } from '../support/envelope'

const lc = useLocalCloud()

// --- fixtures ------------------------------------------------------------------------------------------

const CROWD = Array.from({ length: 200 }, (_, i) => `c${String(i + 1).padStart(3, '0')}`)
const AT = new Date('2026-01-05T00:00:00Z')

function user(openid: string, name: string, communityId: string, roles: object[]) {
  return {
    _id: openid,
    nickName: name,
    realName: name,
    phone: '13800001234',
    communityId,
    compoundId: null,
    roles,
    elderMode: false,
    consent: null,
    createdAt: AT,
    updatedAt: AT,
    deletedAt: null
  }
}
const vol = (cm = 'cm01') => [{ role: 'volunteer', communityId: cm }]
const shop = (id: string, cm = 'cm01') => [{ role: 'merchant', merchantId: id, communityId: cm }]

function volunteer(openid: string, name: string, communityId: string, no: number, boardOptIn: boolean) {
  return {
    _id: openid,
    volunteerNo: `ZY26${String(no).padStart(6, '0')}`,
    realName: name,
    phone: '13900001111',
    communityId,
    skills: [],
    idCardMasked: null,
    idCardHash: null,
    boardOptIn,
    consentAt: AT,
    halfHours: 0,
    activityCount: 0,
    lastEnrollmentId: null,
    firstServiceAt: null,
    lastServiceAt: null,
    createdAt: AT,
    updatedAt: AT
  }
}

function merchant(id: string, name: string, communityId: string, ownerId: string, status = 'approved') {
  return {
    _id: id,
    name,
    kind: 'shop',
    communityId,
    ownerId,
    contactName: '刘芳',
    contactPhone: '13700002222',
    address: '青枫路8号',
    description: '便民小店',
    status,
    reason: null,
    appliedAt: AT,
    reviewedAt: status === 'approved' ? AT : null,
    reviewedBy: null,
    updatedAt: AT
  }
}

/** Gives `openid` `amount` points through a consistent ledger entry. */
function fund(openid: string, amount: number, communityId = 'cm01') {
  const s = lc.cloud.store
  s.insert('pointsLedger', {
    _id: `credit_seed_${openid}`,
    openid,
    communityId,
    kind: 'credit',
    amount,
    balanceAfter: amount,
    reason: '志愿服务',
    sourceId: `seed_${openid}`,
    by: null,
    at: AT
  })
  s.insert('pointsAccounts', { _id: openid, communityId, balance: amount, earned: amount, spent: 0, createdAt: AT, updatedAt: AT })
}

function seedFixtures() {
  const s = lc.cloud.store
  s.insert('streets', [STREET])
  s.insert('communities', twoCommunities(communitySettings()))
  s.insert('users', [
    user('res1', '王秀英', 'cm01', []),
    user('applicant', '王师傅', 'cm01', []),
    user('staff1', '孙丽', 'cm01', [{ role: 'staff', communityId: 'cm01' }]),
    user('staff2', '周敏', 'cm02', [{ role: 'staff', communityId: 'cm02' }]),
    user('shop1', '刘芳', 'cm01', shop('m1')),
    user('shop2', '何平', 'cm01', shop('m2')),
    user('shop3', '高伟', 'cm02', shop('m3', 'cm02')),
    user('vol1', '李志强', 'cm01', vol()),
    user('vol2', '马丽', 'cm01', vol()),
    user('vol3', '钱进', 'cm02', vol('cm02')),
    ...CROWD.map((id) => user(id, '群众', 'cm01', vol()))
  ])
  s.insert('volunteers', [
    volunteer('vol1', '李志强', 'cm01', 1, true),
    volunteer('vol2', '马丽', 'cm01', 2, false),
    volunteer('vol3', '钱进', 'cm02', 3, true),
    ...CROWD.map((id, i) => volunteer(id, '群众', 'cm01', 100 + i, false))
  ])
  s.insert('merchants', [
    merchant('m1', '惠民便利店', 'cm01', 'shop1'),
    merchant('m2', '好邻居生鲜', 'cm01', 'shop2'),
    merchant('m3', '老周理发', 'cm02', 'shop3')
  ])
  fund('vol1', 200)
  fund('vol2', 30)
  fund('vol3', 100, 'cm02')
}

beforeEach(() => {
  lc.cloud.store.clear()
  seedFixtures()
})

// --- helpers -------------------------------------------------------------------------------------------

const api = typedClient(lc)
const store = () => lc.cloud.store
let serial = 0
const req = () => `req-${String(++serial).padStart(8, '0')}`

const WATCHED = ['users', 'merchants', 'goods', 'redemptions', 'redemptionQuotas', 'pointsAccounts', 'pointsLedger']
const snapshot = () => JSON.stringify(WATCHED.map((c) => store().find(c, {}, { sort: { _id: 1 } })))

type GoodsData = Input<'points', 'upsertGoods'>

const goodsInput = (over: Partial<GoodsData> = {}): GoodsData => ({
  requestId: nextRequestId('goods'),
  merchantId: 'm1',
  name: '东北大米5斤',
  kind: 'item',
  description: '新米',
  price: 50,
  stock: 10,
  limitCount: 2,
  limitPeriod: 'month',
  pickupPlace: '惠民便利店收银台',
  pickupDays: 7,
  ...over
})

async function listed(over: Partial<GoodsData> = {}, by = 'shop1'): Promise<string> {
  return (await ok(api.points.upsertGoods(goodsInput(over), by))).id
}

const balanceOf = (openid: string) => (store().get('pointsAccounts', openid) as { balance: number } | null)?.balance ?? 0
const stockOf = (goodsId: string) => store().get('goods', goodsId)!.stock as number

/** The invariant: every balance is ≥ 0, equals the sum of its ledger and earned − spent. */
function expectLedgersBalance() {
  const sums = new Map<string, number>()
  for (const e of store().find('pointsLedger')) sums.set(e.openid as string, (sums.get(e.openid as string) ?? 0) + (e.amount as number))
  const accounts = store().find('pointsAccounts')
  expect(accounts.length).toBe(sums.size)
  for (const a of accounts) {
    expect(a.balance).toBeGreaterThanOrEqual(0)
    expect(a.balance).toBe(sums.get(a._id as string))
    expect(a.balance).toBe((a.earned as number) - (a.spent as number))
  }
}

// --- merchants -----------------------------------------------------------------------------------------

describe('merchants', () => {
  const application: Input<'points', 'applyMerchant'> = {
    name: '王师傅修鞋',
    kind: 'talent',
    communityId: 'cm01',
    contactName: '王师傅',
    contactPhone: '13600001111',
    address: '菜市场东门',
    description: '修鞋配钥匙'
  }

  const SHOP = merchantIdFor('applicant')

  it('a resident applies; staff of that community approve, granting the merchant role in the same step', async () => {
    const applied = await ok(api.points.applyMerchant(application, 'applicant'))
    expect(applied).toMatchObject({ id: SHOP, status: 'pending', contactPhone: '13600001111', mine: true })
    await fails(api.points.applyMerchant(application, 'applicant'), 'CONFLICT', /审核中/)
    await fails(api.points.reviewMerchant({ merchantId: SHOP, approve: true }, 'staff2'), 'PERMISSION_DENIED')
    await fails(api.points.reviewMerchant({ merchantId: SHOP, approve: true }, 'vol1'), 'PERMISSION_DENIED')
    const queue = await ok(api.points.listMerchants({ status: 'pending' }, 'staff1'))
    expect(queue.items.map((m: { id: string }) => m.id)).toEqual([SHOP])
    expect(await ok(api.points.reviewMerchant({ merchantId: SHOP, approve: true }, 'staff1'))).toMatchObject({
      status: 'approved'
    })
    expect(store().get('users', 'applicant')!.roles).toEqual([{ role: 'merchant', merchantId: SHOP, communityId: 'cm01' }])
    expect(store().find('outbox', { touser: 'applicant' })).toHaveLength(1)
    await fails(api.points.reviewMerchant({ merchantId: SHOP, approve: false, reason: '重复' }, 'staff1'), 'CONFLICT')
    expect(await ok(api.points.myMerchant({}, 'applicant'))).toMatchObject({ id: SHOP, status: 'approved' })
    await ok(api.points.upsertGoods(goodsInput({ merchantId: SHOP, kind: 'service', name: '修鞋一次' }), 'applicant'))
  })

  it('a rejection needs a reason; the applicant may apply again; others see the contact masked', async () => {
    await ok(api.points.applyMerchant(application, 'applicant'))
    await fails(api.points.reviewMerchant({ merchantId: SHOP, approve: false }, 'staff1'), 'INVALID_ARGUMENT', /原因/)
    expect(await ok(api.points.reviewMerchant({ merchantId: SHOP, approve: false, reason: '请补充营业执照' }, 'staff1'))).toMatchObject({
      status: 'rejected',
      reason: '请补充营业执照'
    })
    expect(store().get('users', 'applicant')!.roles).toEqual([])
    await fails(api.points.upsertGoods(goodsInput({ merchantId: SHOP }), 'applicant'), 'PERMISSION_DENIED')
    expect(await ok(api.points.applyMerchant(application, 'applicant'))).toMatchObject({ status: 'pending' })
    expect(await ok(api.points.myMerchant({}, 'shop1'))).toMatchObject({ id: 'm1', contactPhone: '13700002222' })
    await fails(api.points.listMerchants({}, 'shop1'), 'PERMISSION_DENIED')
  })

  it('refuses bad applications readably, writing nothing', async () => {
    const before = snapshot()
    await fails(api.points.applyMerchant({ ...application, contactPhone: '110' }, 'applicant'), 'INVALID_ARGUMENT', /手机号/)
    // An unknown kind is outside the contract's type on purpose.
    await fails(api.callRaw('points', 'applyMerchant', { ...application, kind: 'bank' }, 'applicant'), 'INVALID_ARGUMENT', /商家类型/)
    await fails(api.points.applyMerchant({ ...application, communityId: 'cm99' }, 'applicant'), 'INVALID_ARGUMENT', /社区不存在/)
    expect(snapshot()).toBe(before)
  })
})

// --- goods ---------------------------------------------------------------------------------------------

describe('goods', () => {
  it('the merchant or staff of its community list and edit goods; other shops may not', async () => {
    const id = await listed()
    expect(store().get('goods', id)).toMatchObject({ merchantId: 'm1', communityId: 'cm01', status: 'onSale', stock: 10, redeemed: 0 })
    await ok(api.points.upsertGoods(goodsInput({ goodsId: id, stock: 15, price: 60 }), 'staff1'))
    expect(store().get('goods', id)).toMatchObject({ stock: 15, price: 60 })
    await fails(api.points.upsertGoods(goodsInput({ goodsId: id }), 'shop2'), 'PERMISSION_DENIED')
    await fails(api.points.upsertGoods(goodsInput({ goodsId: id, merchantId: 'm2' }), 'shop2'), 'PERMISSION_DENIED', /不属于/)
    await fails(api.points.upsertGoods(goodsInput(), 'staff2'), 'PERMISSION_DENIED')
    await fails(api.points.upsertGoods(goodsInput(), 'vol1'), 'PERMISSION_DENIED')
  })

  it('lists a new item once when the same request arrives twice, even at the same moment', async () => {
    const input = goodsInput({ name: '挂面一把' })
    const saved = await Promise.all(['shop1', 'shop1', 'staff1'].map((who) => ok(api.points.upsertGoods(input, who))))
    expect(new Set(saved.map((g) => g.id)).size).toBe(1)
    expect(store().count('goods', { name: '挂面一把' })).toBe(1)
    await fails(api.points.upsertGoods({ ...input, requestId: undefined }, 'shop1'), 'INVALID_ARGUMENT', /请求编号/)
  })

  it.each([
    ['a price of 0', { price: 0 }, /所需积分不能小于1/],
    ['negative stock', { stock: -1 }, /库存不能小于0/],
    ['an unknown period', { limitPeriod: 'forever' }, /限兑周期/],
    ['a photo that is not a cloud file', { photo: 'http://x/y.jpg' }, /图片格式不正确/],
    ['a pickup validity of 365 days', { pickupDays: 365 }, /领取有效期不能大于90/]
  ])('refuses %s readably and writes nothing', async (_l, over, message) => {
    const before = snapshot()
    // Some cases are outside the contract's input type on purpose: callRaw.
    await fails(api.callRaw('points', 'upsertGoods', { ...goodsInput(), ...over }, 'shop1'), 'INVALID_ARGUMENT', message)
    expect(snapshot()).toBe(before)
  })

  it('volunteers see goods on sale in their community; the merchant sees all of its own', async () => {
    const a = await listed({ name: '大米' })
    const b = await listed({ name: '下架的油', onSale: false })
    await listed({ merchantId: 'm3', name: '理发' }, 'shop3')
    const forVolunteer = await ok(api.points.listGoods({}, 'vol1'))
    expect(forVolunteer.items.map((g: { id: string }) => g.id)).toEqual([a])
    const forShop = await ok(api.points.listGoods({ merchantId: 'm1' }, 'shop1'))
    expect(forShop.items.map((g: { id: string }) => g.id).sort()).toEqual([a, b].sort())
    const detail = await ok(api.points.goods({ goodsId: a }, 'vol1'))
    expect(detail).toMatchObject({ available: true, myUsed: 0, canManage: false, limitCount: 2 })
    await fails(api.points.goods({ goodsId: b }, 'vol1'), 'NOT_FOUND', /下架/)
  })
})

// --- redemption ------------------------------------------------------------------------------------------

describe('redeem', () => {
  it('takes the points, the stock and the quota and issues a pickup code, all at once', async () => {
    const id = await listed({ price: 50, stock: 10 })
    const order = await ok(api.points.redeem({ goodsId: id, quantity: 2, requestId: req() }, 'vol1'))
    expect(order).toMatchObject({
      status: 'pending',
      quantity: 2,
      points: 100,
      goodsName: '东北大米5斤',
      merchantName: '惠民便利店',
      pickupPlace: '惠民便利店收银台'
    })
    expect(order.pickupCode).toMatch(/^\d{6}$/)
    expect(order.qrPayload).toBe(`LLT-PICKUP:${order.id}.${order.pickupCode}`)
    expect(balanceOf('vol1')).toBe(100)
    expect(stockOf(id)).toBe(8)
    expect(store().get('pointsLedger', `redeem_${order.id}`)).toMatchObject({ kind: 'redemption', amount: -100, balanceAfter: 100 })
    expect(store().find('redemptionQuotas')).toEqual([expect.objectContaining({ goodsId: id, openid: 'vol1', used: 2 })])
    expect(store().find('outbox', { touser: 'vol1' })).toHaveLength(1)
    expectLedgersBalance()
  })

  it('the same request id twice (one after the other, or at once) gives the same order, never a second', async () => {
    const id = await listed({ price: 10, stock: 10, limitCount: 10 })
    const requestId = req()
    const first = await ok(api.points.redeem({ goodsId: id, quantity: 1, requestId }, 'vol1'))
    const again = await ok(api.points.redeem({ goodsId: id, quantity: 1, requestId }, 'vol1'))
    expect(again).toEqual(first)
    const twin = req()
    const both = await Promise.all([1, 2, 3].map(() => ok(api.points.redeem({ goodsId: id, quantity: 1, requestId: twin }, 'vol1'))))
    expect(new Set(both.map((o) => o.id)).size).toBe(1)
    expect(store().count('redemptions')).toBe(2)
    expect(stockOf(id)).toBe(8)
    expect(balanceOf('vol1')).toBe(180)
    expectLedgersBalance()
  })

  it('refuses without enough points, stock or quota, off the shelf, and for non-volunteers, writing nothing', async () => {
    const rice = await listed({ price: 50, stock: 1, limitCount: 1 })
    const gone = await listed({ price: 5, stock: 0 })
    const off = await listed({ price: 5, onSale: false })
    const before = snapshot()
    await fails(api.points.redeem({ goodsId: rice, quantity: 1, requestId: req() }, 'vol2'), 'FAILED_PRECONDITION', /积分不足/)
    await fails(api.points.redeem({ goodsId: gone, quantity: 1, requestId: req() }, 'vol1'), 'FAILED_PRECONDITION', /已兑完/)
    await fails(api.points.redeem({ goodsId: off, quantity: 1, requestId: req() }, 'vol1'), 'FAILED_PRECONDITION', /已下架/)
    await fails(api.points.redeem({ goodsId: rice, quantity: 2, requestId: req() }, 'vol1'), 'FAILED_PRECONDITION', /库存不足/)
    await fails(api.points.redeem({ goodsId: rice, quantity: 1, requestId: req() }, 'res1'), 'PERMISSION_DENIED')
    await fails(api.points.redeem({ goodsId: 'nope', quantity: 1, requestId: req() }, 'vol1'), 'NOT_FOUND')
    expect(snapshot()).toBe(before)
    const limited = await listed({ price: 10, stock: 10, limitCount: 1 })
    await ok(api.points.redeem({ goodsId: limited, quantity: 1, requestId: req() }, 'vol1'))
    await fails(api.points.redeem({ goodsId: limited, quantity: 1, requestId: req() }, 'vol1'), 'RESOURCE_EXHAUSTED', /每月每人限兑1件/)
  })

  it('200 volunteers redeeming 20 items at once: exactly 20 orders, stock 0, every balance ≥ 0 and equal to its ledger', async () => {
    for (const c of CROWD) fund(c, 50)
    const id = await listed({ price: 30, stock: 20, limitCount: 1 })
    const answers = await Promise.all(
      CROWD.map((c, i) => api.points.redeem({ goodsId: id, quantity: 1, requestId: `crowd-${String(i).padStart(5, '0')}` }, c))
    )
    const won = answers.filter((a) => a.ok)
    expect(won).toHaveLength(20)
    for (const a of answers) if (!a.ok) expect(a.error.message).toMatch(/已兑完|库存不足|人太多/)
    expect(store().count('redemptions')).toBe(20)
    expect(store().get('goods', id)).toMatchObject({ stock: 0, redeemed: 20 })
    expect(store().find('pointsAccounts', { balance: 20 })).toHaveLength(20)
    expectLedgersBalance()
  }, 180_000)
})

// --- cancel, expiry, pickup ------------------------------------------------------------------------------------

describe('cancel, expiry and pickup', () => {
  async function ordered(by = 'vol1', over: Partial<GoodsData> = {}) {
    const id = await listed({ price: 40, stock: 5, ...over })
    const order = await ok(api.points.redeem({ goodsId: id, quantity: 1, requestId: req() }, by))
    // A new order carries its pickup code and QR text for the buyer.
    return {
      goodsId: id,
      order: { ...order, pickupCode: present(order.pickupCode, 'a pickup code'), qrPayload: present(order.qrPayload, 'a QR payload') }
    }
  }
  const expire = (orderId: string) => store().update('redemptions', { _id: orderId }, { $set: { expiresAt: new Date(Date.now() - 1000) } })
  const refunds = (orderId: string) => store().count('pointsLedger', { _id: `refund_${orderId}` })

  it('the buyer cancels before pickup: refund and restock once', async () => {
    const { goodsId, order } = await ordered()
    await fails(api.points.cancelRedemption({ orderId: order.id }, 'vol2'), 'PERMISSION_DENIED')
    expect(await ok(api.points.cancelRedemption({ orderId: order.id }, 'vol1'))).toMatchObject({ status: 'cancelled', pickupCode: null })
    await fails(api.points.cancelRedemption({ orderId: order.id }, 'vol1'), 'CONFLICT', /已取消/)
    expect(balanceOf('vol1')).toBe(200)
    expect(stockOf(goodsId)).toBe(5)
    expect(store().find('redemptionQuotas')[0].used).toBe(0)
    expectLedgersBalance()
  })

  it('the timer expires orders past their pickup date once, with refund and restock', async () => {
    const { goodsId, order } = await ordered()
    const keep = (await ordered('vol1')).order
    expire(order.id)
    expect((await lc.cloud.timer('points', 'expireRedemptions')).data).toEqual({ expired: 1 })
    expect((await lc.cloud.timer('points', 'expireRedemptions')).data).toEqual({ expired: 0 })
    expect(store().get('redemptions', order.id)!.status).toBe('expired')
    expect(store().get('redemptions', keep.id)!.status).toBe('pending')
    expect(refunds(order.id)).toBe(1)
    expect(stockOf(goodsId)).toBe(5)
    await fails(api.points.cancelRedemption({ orderId: order.id }, 'vol1'), 'CONFLICT', /已过期/)
    await fails(api.points.expireRedemptions({}, 'staff1'), 'PERMISSION_DENIED')
    expectLedgersBalance()
  })

  it('cancel and expiry at the same moment refund exactly once', async () => {
    for (let round = 0; round < 5; round++) {
      const { goodsId, order } = await ordered('vol1', { name: `第${round}件` })
      expire(order.id)
      const before = balanceOf('vol1')
      const [cancel] = await Promise.all([
        api.points.cancelRedemption({ orderId: order.id }, 'vol1'),
        lc.cloud.timer('points', 'expireRedemptions')
      ])
      const status = store().get('redemptions', order.id)!.status
      expect(['cancelled', 'expired']).toContain(status)
      expect(cancel.ok).toBe(status === 'cancelled')
      expect(refunds(order.id)).toBe(1)
      expect(balanceOf('vol1')).toBe(before + 40)
      expect(stockOf(goodsId)).toBe(5)
    }
    expectLedgersBalance()
  })

  it('the shop scans the QR code or types the digits; another shop’s code is refused', async () => {
    const a = (await ordered()).order
    const b = (await ordered()).order
    await fails(api.points.verifyPickup({ code: a.pickupCode }, 'shop2'), 'PERMISSION_DENIED', /不属于本店/)
    await fails(api.points.verifyPickup({ code: a.qrPayload }, 'shop3'), 'PERMISSION_DENIED', /不属于本店/)
    await fails(api.points.verifyPickup({ code: a.pickupCode }, 'staff2'), 'PERMISSION_DENIED', /不属于本店/)
    await fails(api.points.verifyPickup({ code: a.pickupCode }, 'vol1'), 'PERMISSION_DENIED')
    const done = await ok(api.points.verifyPickup({ code: a.qrPayload }, 'shop1'))
    expect(done).toMatchObject({ id: a.id, status: 'pickedUp', buyer: '李**', pickupCode: null })
    await fails(api.points.verifyPickup({ code: a.qrPayload }, 'shop1'), 'CONFLICT', /已领取/)
    // Typed as the buyer's screen groups it ("682 250"), from a full-width keyboard.
    const typed = b.pickupCode!.replace(/(\d{3})(\d{3})/, '$1　$2').replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))
    expect(await ok(api.points.verifyPickup({ code: typed }, 'staff1'))).toMatchObject({ status: 'pickedUp' })
    await fails(api.points.cancelRedemption({ orderId: a.id }, 'vol1'), 'CONFLICT', /已领取/)
    await fails(api.points.verifyPickup({ code: '12ab56' }, 'shop1'), 'INVALID_ARGUMENT', /取货码格式不正确/)
    await fails(api.points.verifyPickup({ code: `LLT-PICKUP:${b.id}.000000` }, 'shop1'), 'NOT_FOUND')
  })

  it('an expired order cannot be picked up', async () => {
    const { order } = await ordered()
    expire(order.id)
    await fails(api.points.verifyPickup({ code: order.qrPayload }, 'shop1'), 'FAILED_PRECONDITION', /已过期/)
  })

  it('the buyer sees the pickup code only while it can be used; the shop sees a masked buyer', async () => {
    const { order } = await ordered()
    const cancelled = (await ordered()).order
    await ok(api.points.cancelRedemption({ orderId: cancelled.id }, 'vol1'))
    const mine = await ok(api.points.myRedemptions({}, 'vol1'))
    expect(mine.items.map((o: { pickupCode: string | null }) => o.pickupCode)).toEqual([null, order.pickupCode])
    const pending = await ok(api.points.myRedemptions({ status: 'pending' }, 'vol1'))
    expect(pending.items).toHaveLength(1)
    const forShop = await ok(api.points.merchantOrders({ merchantId: 'm1' }, 'shop1'))
    expect(forShop.items.every((o) => o.buyer === '李**' && o.pickupCode === null)).toBe(true)
    await fails(api.points.merchantOrders({ merchantId: 'm1' }, 'shop2'), 'PERMISSION_DENIED')
  })
})

// --- ledger, adjustments, board ---------------------------------------------------------------------------------------

describe('ledger, adjustments and the board', () => {
  it('shows the balance and the ledger, newest first, paged', async () => {
    const id = await listed({ price: 10, stock: 10, limitCount: 5 })
    for (let i = 0; i < 3; i++) await ok(api.points.redeem({ goodsId: id, quantity: 1, requestId: req() }, 'vol1'))
    expect(await ok(api.points.balance({}, 'vol1'))).toEqual({ balance: 170, earned: 200, spent: 30 })
    const first = await ok(api.points.ledger({ limit: 2 }, 'vol1'))
    expect(first.items.map((e: { kind: string }) => e.kind)).toEqual(['redemption', 'redemption'])
    const rest = await ok(api.points.ledger({ limit: 2, cursor: present(first.nextCursor, 'a next page') }, 'vol1'))
    expect(rest.items.map((e: { kind: string }) => e.kind)).toEqual(['redemption', 'credit'])
    expect(await ok(api.points.balance({}, 'res1'))).toEqual({ balance: 0, earned: 0, spent: 0 })
  })

  it('staff of the volunteer’s community adjust with a reason, once per request id', async () => {
    const input = { volunteerNo: 'zy26000001', amount: 15, reason: '协助疫苗接种点引导', requestId: req() }
    const adjusted = await ok(api.points.adjust(input, 'staff1'))
    expect(adjusted).toMatchObject({
      status: 'applied',
      amount: 15,
      entry: { kind: 'adjust', amount: 15, balanceAfter: 215, reason: '协助疫苗接种点引导' }
    })
    expect(await ok(api.points.adjust(input, 'staff1'))).toEqual(adjusted)
    expect(balanceOf('vol1')).toBe(215)
    await fails(api.points.adjust({ ...input, requestId: req() }, 'staff2'), 'PERMISSION_DENIED')
    await fails(api.points.adjust({ ...input, requestId: req() }, 'vol1'), 'PERMISSION_DENIED')
    await fails(api.points.adjust({ ...input, amount: -1000, requestId: req() }, 'staff1'), 'FAILED_PRECONDITION', /积分不足/)
    await fails(api.points.adjust({ ...input, reason: '', requestId: req() }, 'staff1'), 'INVALID_ARGUMENT', /调整原因/)
    await fails(api.points.adjust({ ...input, volunteerNo: 'ZY99999999', requestId: req() }, 'staff1'), 'NOT_FOUND')
    expectLedgersBalance()
  })

  it('names the holder of a volunteer number, masked, to staff of their community only (issue 19, defect 13)', async () => {
    expect(await ok(api.points.adjustee({ volunteerNo: 'zy26000001' }, 'staff1'))).toEqual({ volunteerNo: 'ZY26000001', name: '李**' })
    await fails(api.points.adjustee({ volunteerNo: 'ZY26000001' }, 'staff2'), 'PERMISSION_DENIED')
    await fails(api.points.adjustee({ volunteerNo: 'ZY99999999' }, 'staff1'), 'NOT_FOUND')
    await fails(api.points.adjustee({ volunteerNo: '' }, 'staff1'), 'INVALID_ARGUMENT')
  })

  it('ranks the community by points earned, naming only those who opted in', async () => {
    const board = await ok(api.points.board({}, 'vol2'))
    expect(board).toMatchObject({ communityId: 'cm01', communityName: '青枫社区' })
    expect(board.items).toEqual([
      { rank: 1, name: '李志强', points: 200, me: false },
      { rank: 2, name: null, points: 30, me: true }
    ])
    expect(board.me).toEqual({ rank: 2, points: 30, optIn: false })
    const other = await ok(api.points.board({ communityId: 'cm02' }, 'vol1'))
    expect(other.items).toEqual([{ rank: 1, name: '钱进', points: 100, me: false }])
  })
})

// --- bad input anywhere ------------------------------------------------------------------------------------------

describe('bad input', () => {
  it.each([
    ['redeem', { goodsId: 'g1', quantity: 0, requestId: 'req-00000001' }, 'vol1'],
    ['redeem', { goodsId: 'g1', quantity: 1, requestId: 'x' }, 'vol1'],
    ['redeem', { goodsId: { $ne: 1 }, quantity: 1, requestId: 'req-00000001' }, 'vol1'],
    ['cancelRedemption', { orderId: '' }, 'vol1'],
    ['verifyPickup', { code: 123456 }, 'shop1'],
    ['upsertGoods', { merchantId: 'm1' }, 'shop1'],
    ['listGoods', { kind: 'weapon' }, 'vol1'],
    ['goods', {}, 'vol1'],
    ['reviewMerchant', { merchantId: 'm1', approve: 'yes' }, 'staff1'],
    ['adjust', { volunteerNo: 'ZY26000001', amount: 1.5, reason: '奖励', requestId: 'req-00000001' }, 'staff1'],
    ['ledger', { limit: 1000 }, 'vol1'],
    ['myRedemptions', { status: 'lost' }, 'vol1'],
    ['board', { limit: 0 }, 'vol1']
  ])('%s answers INVALID_ARGUMENT with a sentence and writes nothing', async (action, data, who) => {
    const before = snapshot()
    // Input outside the contract's types on purpose: callRaw.
    const err = await fails(api.callRaw('points', action, data, who), 'INVALID_ARGUMENT')
    expect(err?.message).toMatch(/[\u4e00-\u9fa5]/)
    expect(snapshot()).toBe(before)
  })
})
