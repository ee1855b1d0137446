// Trust (issue 13) on points, through the local cloud: a request id reused for another payload is refused
// (finding 10).
import { useLocalCloud } from '../support/cloud'
import { typedClient } from '../support/client'
import { fails, ok } from '../support/envelope'
import { castWorld, type Cast } from './support/world'

let cast: Cast
const lc = useLocalCloud({
  seed: (store) => {
    cast = castWorld(store, { members: 2, volunteers: 20, residents: 1, staff: 2 })
  }
})
const api = typedClient(lc)

/** Volunteer numbers as castWorld assigns them: spenders (members, then volunteers) from 1. */
const volunteerNo = (k: number) => `ZY26${String(k + 1).padStart(6, '0')}`
const REUSED = '该请求编号已用于另一份内容，请刷新后重试'

describe('finding 10: a reused request id with another payload is a CONFLICT', () => {
  it('20 concurrent adjusts with one id and different volunteers: one ok, the rest CONFLICT, one credited', async () => {
    const requestId = 'trust-reuse-adjust-1'
    const answers = await Promise.all(
      cast.spenders
        .slice(0, 20)
        .map((_, k) => api.points.adjust({ volunteerNo: volunteerNo(k), amount: 10, reason: '补录线下服务积分', requestId }, cast.staff[0]))
    )
    const okCount = answers.filter((a) => a.ok).length
    const conflicts = answers.filter((a) => !a.ok && a.error.code === 'CONFLICT' && a.error.message === REUSED).length
    expect({ okCount, conflicts }).toEqual({ okCount: 1, conflicts: 19 })
    const credited = lc.cloud.store.find('pointsLedger', { kind: 'adjust', sourceId: requestId })
    expect(credited).toHaveLength(1)
  })

  it('the same payload again answers the first result', async () => {
    const input = { volunteerNo: volunteerNo(3), amount: 7, reason: '补录', requestId: 'trust-reuse-adjust-2' }
    const first = await ok(api.points.adjust(input, cast.staff[0]))
    expect(await ok(api.points.adjust({ ...input }, cast.staff[0]))).toEqual(first)
    await fails(api.points.adjust({ ...input, amount: 8 }, cast.staff[0]), 'CONFLICT', REUSED)
  })

  it('a redemption id reused for other goods or quantity is refused; the same order is found again', async () => {
    const form = {
      merchantId: cast.merchantId,
      name: '环保袋',
      kind: 'item' as const,
      price: 5,
      stock: 50,
      limitCount: 10,
      limitPeriod: 'month' as const,
      pickupPlace: '服务台',
      pickupDays: 7,
      requestId: 'trust-goods-1'
    }
    const goods = await ok(api.points.upsertGoods(form, cast.merchant))
    expect((await ok(api.points.upsertGoods(form, cast.merchant))).id).toBe(goods.id)
    await fails(api.points.upsertGoods({ ...form, name: '雨伞' }, cast.merchant), 'CONFLICT', REUSED)
    const buyer = cast.spenders[5]
    const order = await ok(api.points.redeem({ goodsId: goods.id, quantity: 1, requestId: 'trust-order-1' }, buyer))
    expect((await ok(api.points.redeem({ goodsId: goods.id, quantity: 1, requestId: 'trust-order-1' }, buyer))).id).toBe(order.id)
    await fails(api.points.redeem({ goodsId: goods.id, quantity: 2, requestId: 'trust-order-1' }, buyer), 'CONFLICT', REUSED)
  })
})
