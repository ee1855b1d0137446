// Trust (issue 13) on points, through the local cloud: four eyes on staff adjustments (finding 3) and a
// request id reused for another payload refused (finding 10).
import { useLocalCloud } from '../support/cloud'
import { typedClient, type Input } from '../support/client'
import { fails, ok } from '../support/envelope'
import { enrollmentIdFor, newEnrollment, type ActivityDoc } from '../../cloudfunctions/volunteer/src/docs'
import { castWorld, point, VENUE, volunteerDoc, type Cast } from './support/world'

let cast: Cast
const HOUR = 3_600_000
const PAST_START = new Date(Date.now() - 48 * HOUR)
/** A finished activity of cm01 (10 points an hour) where staff01 checked in but never out. */
const PAST_ACTIVITY = {
  _id: 'actTrustPast',
  communityId: 'cm01',
  title: '楼道清理',
  content: '社区环境整治，清理楼道杂物',
  venue: '青枫社区党群服务中心',
  location: point(VENUE.lat, VENUE.lng),
  start: PAST_START,
  end: new Date(PAST_START.getTime() + 3 * HOUR),
  enrollDeadline: new Date(PAST_START.getTime() - HOUR),
  capacity: 10,
  enrolled: 1,
  pointsPerHour: 10,
  pointsCap: 100,
  radius: 500,
  cover: null,
  createdBy: 'staff02',
  createdAt: PAST_START,
  updatedAt: PAST_START,
  finishedAt: null
}
/** staff01 registered as a volunteer of cm01 too: the self-adjustment attack. */
const STAFF_VOLUNTEER_NO = 'ZY26000900'
const lc = useLocalCloud({
  seed: (store) => {
    cast = castWorld(store, { members: 2, volunteers: 20, residents: 1, staff: 3, funding: () => 500 })
    store.insert('volunteers', [volunteerDoc(cast.staff[0], '工作人员甲', 900)])
    store.insert('activities', [PAST_ACTIVITY])
    store.insert('enrollments', [
      { ...newEnrollment(PAST_ACTIVITY as unknown as ActivityDoc, cast.staff[0], PAST_START), status: 'checkedIn', checkInAt: PAST_START }
    ])
  }
})
const api = typedClient(lc)

/** Volunteer numbers as castWorld assigns them: spenders (members, then volunteers) from 1. */
const volunteerNo = (k: number) => `ZY26${String(k + 1).padStart(6, '0')}`
const REUSED = '该请求编号已用于另一份内容，请刷新后重试'

const balance = (openid: string) => (lc.cloud.store.get('pointsAccounts', openid)?.balance as number | undefined) ?? 0
const adjustEntries = (openid: string) => lc.cloud.store.find('pointsLedger', { openid, kind: 'adjust' })
let n = 0
/** The ids the workbench's approvals queue shows a staff member of cm01 (its oldest three). */
async function approvalsQueue(staff: string): Promise<string[]> {
  const { queues } = await ok(api.workbench.queues({ communityId: 'cm01' }, staff))
  return queues.find((q) => q.kind === 'approvals')?.oldest.map((i) => i.id) ?? []
}
const rid = () => `trust-adj-${++n}`

describe('finding 3: four eyes on staff adjustments', () => {
  it('staff adjusting their own account get a pending request, not points, however small; a colleague decides', async () => {
    const [me, colleague] = cast.staff
    const self = (amount: number) => ({ volunteerNo: STAFF_VOLUNTEER_NO, amount, reason: '补录服务积分', requestId: rid() })
    const big = await ok(api.points.adjust(self(10_000), me))
    expect(big).toMatchObject({ status: 'pending', entry: null, mine: true })
    // The attack was 30 000 points in three calls: the month's cap (10 000 by default) counts pending requests.
    await fails(api.points.adjust(self(10_000), me), 'RESOURCE_EXHAUSTED', /本月积分调整额度已用完/)
    await ok(api.points.reviewAdjustment({ adjustmentId: big.id, approve: false, reason: '本人调整本人积分，不予通过' }, colleague))
    const small = await ok(api.points.adjust(self(1), me))
    expect(small).toMatchObject({ status: 'pending', entry: null })
    expect(balance(me)).toBe(0)

    const queue = await ok(api.points.adjustments({ communityId: 'cm01', status: 'pending' }, colleague))
    expect(queue.items.map((a) => a.id)).toContain(small.id)
    expect(queue.items.find((a) => a.id === small.id)?.mine).toBe(false)
    // Nobody approves their own request, nor a request about their own account.
    await fails(api.points.reviewAdjustment({ adjustmentId: small.id, approve: true }, me), 'PERMISSION_DENIED')
    expect(balance(me)).toBe(0)
    await ok(api.points.reviewAdjustment({ adjustmentId: small.id, approve: true }, colleague))
    expect(balance(me)).toBe(1)
    expect(lc.cloud.store.get('pointsAdjustments', big.id)).toMatchObject({ status: 'rejected', decidedBy: colleague })
  })

  it('above the threshold waits for a second staff member; approving twice at once credits once', async () => {
    const holder = cast.volunteers[0]
    const before = balance(holder)
    const asked = await ok(
      api.points.adjust({ volunteerNo: volunteerNo(2), amount: 500, reason: '年度表彰奖励', requestId: rid() }, cast.staff[0])
    )
    expect(asked).toMatchObject({ status: 'pending', entry: null })
    expect(balance(holder)).toBe(before)
    expect(await approvalsQueue(cast.staff[1])).toContain(asked.id)
    await fails(
      api.points.reviewAdjustment({ adjustmentId: asked.id, approve: true }, cast.staff[0]),
      'PERMISSION_DENIED',
      /另一位工作人员/
    )
    const answers = await Promise.all(
      [cast.staff[1], cast.staff[1], cast.staff[2], cast.staff[2]].map((who) =>
        api.points.reviewAdjustment({ adjustmentId: asked.id, approve: true, reason: '核实无误' }, who)
      )
    )
    const approved = answers.filter((a) => a.ok).map((a) => (a.ok ? a.data : null))
    expect(approved.length).toBeGreaterThanOrEqual(1)
    expect(answers.filter((a) => !a.ok).every((a) => !a.ok && a.error.code === 'CONFLICT')).toBe(true)
    expect(balance(holder)).toBe(before + 500)
    expect(adjustEntries(holder).filter((e) => e.amount === 500)).toHaveLength(1)
    const stored = lc.cloud.store.get('pointsAdjustments', asked.id)!
    expect(stored).toMatchObject({ status: 'approved', decisionReason: '核实无误' })
    expect([cast.staff[1], cast.staff[2]]).toContain(stored.decidedBy)
    expect(stored.decidedAt).toBeTruthy()
  })

  it('a rejected request credits nothing and is recorded; a small adjustment of someone else applies at once', async () => {
    const holder = cast.volunteers[1]
    const before = balance(holder)
    const asked = await ok(
      api.points.adjust({ volunteerNo: volunteerNo(3), amount: -150, reason: '撤销重复发放', requestId: rid() }, cast.staff[0])
    )
    const rejected = await ok(api.points.reviewAdjustment({ adjustmentId: asked.id, approve: false, reason: '原发放无误' }, cast.staff[1]))
    expect(rejected).toMatchObject({ status: 'rejected', entry: null, decisionReason: '原发放无误' })
    await fails(api.points.reviewAdjustment({ adjustmentId: asked.id, approve: true }, cast.staff[2]), 'CONFLICT')
    expect(balance(holder)).toBe(before)
    const small = await ok(api.points.adjust({ volunteerNo: volunteerNo(3), amount: 100, reason: '补录', requestId: rid() }, cast.staff[0]))
    expect(small).toMatchObject({ status: 'applied', entry: { amount: 100, balanceAfter: before + 100 } })
  })

  it('the community’s monthly cap refuses adjustments past it, pending ones included', async () => {
    const month = lc.cloud.store.find('pointsAdjustTotals', { communityId: 'cm01' })[0]
    const used = (month?.used as number | undefined) ?? 0
    lc.cloud.store.update('communities', { _id: 'cm01' }, { $set: { 'settings.adjustments': { threshold: 100, monthlyCap: used + 150 } } })
    try {
      await ok(api.points.adjust({ volunteerNo: volunteerNo(4), amount: 90, reason: '补录', requestId: rid() }, cast.staff[0]))
      await ok(api.points.adjust({ volunteerNo: volunteerNo(4), amount: 60, reason: '补录', requestId: rid() }, cast.staff[0]))
      await fails(
        api.points.adjust({ volunteerNo: volunteerNo(4), amount: -1, reason: '补录', requestId: rid() }, cast.staff[1]),
        'RESOURCE_EXHAUSTED',
        /本月积分调整额度已用完/
      )
      await fails(
        api.points.adjust({ volunteerNo: STAFF_VOLUNTEER_NO, amount: 5, reason: '补录', requestId: rid() }, cast.staff[0]),
        'RESOURCE_EXHAUSTED'
      )
      // The dashboard counts the adjustments posted this month (applied at once or approved).
      const posted = lc.cloud.store.find('pointsLedger', { kind: 'adjust' })
      const period = new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 7)
      const { figures } = await ok(api.workbench.dashboard({ communityId: 'cm01', period }, cast.staff[1]))
      expect(figures.volunteers).toMatchObject({
        adjustments: posted.length,
        pointsAdjusted: posted.reduce((sum, e) => sum + (e.amount as number), 0)
      })
    } finally {
      lc.cloud.store.update('communities', { _id: 'cm01' }, { $unset: { 'settings.adjustments': '' } })
    }
  })
})

describe('finding 3: four eyes on one’s own hours', () => {
  it('a staff member correcting their own hours asks; only another staff member applies it, once', async () => {
    const [me, colleague, third] = cast.staff
    const enrollmentId = enrollmentIdFor(PAST_ACTIVITY._id, me)
    const before = balance(me)
    const asked = await ok(api.volunteer.correctHours({ enrollmentId, hours: 3, reason: '忘记签退，现场核实' }, me))
    expect(asked).toMatchObject({ status: 'checkedIn', hours: 0, pendingCorrection: { hours: 3, reason: '忘记签退，现场核实' } })
    expect(balance(me)).toBe(before)
    await fails(api.volunteer.correctHours({ enrollmentId, hours: 3, reason: '再次提交' }, me), 'CONFLICT', /待审批/)
    await fails(api.volunteer.reviewCorrection({ enrollmentId, approve: true }, me), 'PERMISSION_DENIED')
    expect(await approvalsQueue(colleague)).toContain(enrollmentId)
    const rows = await ok(api.volunteer.attendance({ activityId: PAST_ACTIVITY._id }, colleague))
    expect(rows.items.find((r) => r.id === enrollmentId)?.pendingCorrection).toMatchObject({ hours: 3 })

    const answers = await Promise.all(
      [colleague, colleague, third, third].map((who) =>
        api.volunteer.reviewCorrection({ enrollmentId, approve: true, reason: '核实无误' }, who)
      )
    )
    expect(answers.some((a) => a.ok)).toBe(true)
    expect(answers.filter((a) => !a.ok).every((a) => !a.ok && a.error.code === 'CONFLICT')).toBe(true)
    expect(balance(me)).toBe(before + 30)
    expect(lc.cloud.store.find('pointsLedger', { openid: me, kind: 'credit' })).toHaveLength(1)
    const stored = lc.cloud.store.get('enrollments', enrollmentId)!
    expect(stored).toMatchObject({ status: 'completed', hours: 3, points: 30 })
    expect(stored.corrections).toEqual([expect.objectContaining({ from: 0, to: 3, by: me, reason: '忘记签退，现场核实' })])
    expect(stored.correctionRequests).toEqual([expect.objectContaining({ status: 'approved', decisionReason: '核实无误' })])
    expect(await approvalsQueue(colleague)).not.toContain(enrollmentId)
  })
})

describe('finding 10: a reused request id with another payload is a CONFLICT (points, goods, orders, wishes)', () => {
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

  it('a wish request id reused for another wish is refused, nothing written; the same wish is found again', async () => {
    const [resident] = cast.residents
    const wish: Input<'wish', 'submit'> = {
      requestId: 'trust-wish-1',
      category: 'goods',
      title: '想要一盏护眼台灯',
      story: '家里的台灯坏了，晚上看书不方便。',
      value: 80,
      beneficiary: { name: '王秀兰', appellation: '奶奶', phone: '13912340000' },
      consent: true
    }
    const first = await ok(api.wish.submit(wish, resident))
    expect(await ok(api.wish.submit({ ...wish }, resident))).toEqual(first)
    await fails(api.wish.submit({ ...wish, title: '想要一台收音机', value: 60 }, resident), 'CONFLICT', REUSED)
    expect(lc.cloud.store.get('wishes', first.id)).toMatchObject({ title: '想要一盏护眼台灯', value: 80 })
    expect(lc.cloud.store.find('wishes', { submitterId: resident })).toHaveLength(1)
  })
})
