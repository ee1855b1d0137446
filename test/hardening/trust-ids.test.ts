// Finding 7 of issue 13: ids others can see leaked openids, and `party.memberCard { openid }` then handed a
// member's work unit, branch, grid and pledge to anyone (a merchant who read an openid off an order id).
// The card is now asked for by member (registration) id, for the member, their community's staff and
// their unit's admins only; order and ledger ids are hashes of their parts (cloudfunctions/_shared/infra/ids.ts),
// keyed with the environment's id secret, so knowing an openid is not enough to recognise its ids.
import { createHash, createHmac } from 'node:crypto'
import { useLocalCloud } from '../support/cloud'
import { typedClient } from '../support/client'
import { fails, ok } from '../support/envelope'
import { castWorld, point, VENUE, type Cast } from './support/world'

let cast: Cast
const AT = new Date('2026-03-01T08:00:00.000Z')
const registrationOf = (openid: string) => ({
  _id: `pm-${openid}`,
  openid,
  communityId: 'cm01',
  name: '陈建国',
  phone: '13800000003',
  unitId: null,
  workUnit: '江城市税务局',
  branch: '江城市税务局机关党支部',
  skills: [],
  intentions: [],
  pledge: '为邻里办实事',
  gridId: null,
  status: 'approved',
  renewedHalves: [],
  history: [],
  createdAt: AT,
  updatedAt: AT,
  approvedAt: AT
})
const HOUR = 3_600_000
const SOON = new Date(Date.now() + 48 * HOUR)
/** An activity of cm01 open for enrollment. */
const OPEN_ACTIVITY = {
  _id: 'actIds',
  communityId: 'cm01',
  title: '楼道清理',
  content: '社区环境整治，清理楼道杂物',
  venue: '青枫社区党群服务中心',
  location: point(VENUE.lat, VENUE.lng),
  start: SOON,
  end: new Date(SOON.getTime() + 3 * HOUR),
  enrollDeadline: new Date(SOON.getTime() - HOUR),
  capacity: 10,
  enrolled: 0,
  pointsPerHour: 10,
  pointsCap: 100,
  radius: 500,
  cover: null,
  createdBy: 'staff02',
  createdAt: AT,
  updatedAt: AT,
  finishedAt: null
}
const lc = useLocalCloud({
  // As in a deployment without ID_HASH_KEY: the key is generated once and kept in appSecrets.
  idKey: 'stored',
  seed: (store) => {
    cast = castWorld(store, { members: 2, volunteers: 2, residents: 2, staff: 2, funding: () => 500 })
    store.insert('partyMembers', [registrationOf(cast.members[0])])
    store.insert('activities', [OPEN_ACTIVITY])
  }
})
const api = typedClient(lc)

describe('finding 7: the member card only by member id and within its audience', () => {
  test('a merchant asking for a member’s card is refused, by member id or by openid', async () => {
    const member = cast.members[0]
    const none = await fails(api.party.memberCard({ memberId: 'pm-nobody' }, cast.merchant), 'NOT_FOUND')
    expect(await fails(api.party.memberCard({ memberId: `pm-${member}` }, cast.merchant), 'NOT_FOUND')).toEqual(none)
    expect(await fails(api.party.memberCard({ memberId: member }, cast.merchant), 'NOT_FOUND')).toEqual(none)
    expect(await fails(api.party.memberCard({ memberId: `pm-${member}` }, cast.members[1]), 'NOT_FOUND')).toEqual(none)
  })

  test('the member and their community’s staff still see it', async () => {
    const member = cast.members[0]
    expect(await ok(api.party.memberCard({ memberId: `pm-${member}` }, member))).toMatchObject({ isSelf: true, displayName: '陈建国' })
    expect(await ok(api.party.memberCard({ memberId: `pm-${member}` }, cast.staff[0]))).toMatchObject({
      isSelf: false,
      displayName: '陈建国',
      branch: '江城市税务局机关党支部'
    })
  })
})

describe('finding 7: no id the merchant or the volunteer sees contains an openid', () => {
  test('after a redemption, its pickup and a staff adjustment', async () => {
    const [volunteer] = cast.volunteers
    const openids = [...cast.spenders, ...cast.staff, ...cast.residents, cast.merchant]
    const goods = await ok(
      api.points.upsertGoods(
        {
          requestId: 'ids-goods-towel',
          merchantId: cast.merchantId,
          name: '毛巾一条',
          kind: 'item',
          price: 1,
          stock: 10,
          limitCount: 5,
          limitPeriod: 'month',
          pickupPlace: '收银台',
          pickupDays: 7
        },
        cast.merchant
      )
    )
    const order = await ok(api.points.redeem({ goodsId: goods.id, quantity: 1, requestId: 'ids-order-1' }, volunteer))
    const seen = [order.id, order.qrPayload ?? '']
    const listed = await ok(api.points.merchantOrders({ merchantId: cast.merchantId }, cast.merchant))
    seen.push(...listed.items.map((o) => o.id))
    seen.push((await ok(api.points.verifyPickup({ code: order.qrPayload ?? '' }, cast.merchant))).id)
    const volunteerNo = `ZY26${String(cast.spenders.indexOf(volunteer) + 1).padStart(6, '0')}`
    const adjusted = await ok(
      api.points.adjust({ volunteerNo, amount: 5, reason: '补录服务积分', requestId: 'ids-adjust-1' }, cast.staff[0])
    )
    seen.push(adjusted.id, adjusted.entry?.id ?? '')
    seen.push(...(await ok(api.points.ledger({}, volunteer))).items.map((e) => e.id))

    expect(order.qrPayload).toMatch(/^LLT-PICKUP:/)
    expect(adjusted.entry).not.toBeNull()
    expect(seen.filter((id) => openids.some((o) => id.includes(o)))).toEqual([])
  })
})

test('finding 7: a merchant application’s id, which anyone listing goods sees, does not contain the applicant’s openid', async () => {
  const [applicant] = cast.residents
  const applied = await ok(
    api.points.applyMerchant(
      {
        name: '王师傅修鞋',
        kind: 'talent',
        communityId: 'cm01',
        contactName: '王师傅',
        contactPhone: '13600001111',
        address: '菜市场东门',
        description: '修鞋配钥匙'
      },
      applicant
    )
  )
  expect(applied.id).not.toContain(applicant)
  expect(await ok(api.points.myMerchant({}, applicant))).toMatchObject({ id: applied.id, mine: true })
})

test('finding 7: an enrollment id, which the community’s staff see, does not contain the volunteer’s openid', async () => {
  const [volunteer] = cast.volunteers
  const enrolled = await ok(api.volunteer.enroll({ activityId: OPEN_ACTIVITY._id }, volunteer))
  const rows = await ok(api.volunteer.attendance({ activityId: OPEN_ACTIVITY._id }, cast.staff[0]))
  expect(rows.items.map((r) => r.id)).toEqual([enrolled.id])
  expect(enrolled.id).not.toContain(volunteer)
  // Enrolling again finds the same enrollment: the id is still keyed by (activity, person).
  await fails(api.volunteer.enroll({ activityId: OPEN_ACTIVITY._id }, volunteer), 'CONFLICT')
})

describe('finding 7: an id cannot be recomputed from a known openid without the key', () => {
  const hash = (parts: string[], key?: string) =>
    (key ? createHmac('sha256', key) : createHash('sha256')).update(JSON.stringify(parts)).digest('hex').slice(0, 24)
  const idKey = () => lc.cloud.store.get('appSecrets', 'ids')?.value as string

  test('a merchant id and an enrollment id are keyed hashes: the plain hash, or another key, of the openid gives another id', async () => {
    const applicant = cast.residents[1]
    const applied = await ok(
      api.points.applyMerchant(
        {
          name: '李阿姨缝补',
          kind: 'talent',
          communityId: 'cm01',
          contactName: '李阿姨',
          contactPhone: '13600002222',
          address: '菜市场西门',
          description: '缝补衣物'
        },
        applicant
      )
    )
    const [, volunteer] = cast.volunteers
    const enrolled = await ok(api.volunteer.enroll({ activityId: OPEN_ACTIVITY._id }, volunteer))

    expect(idKey()).toMatch(/^[\w-]{32,}$/)
    const guesses = (parts: string[]) => [hash(parts), hash(parts, 'secret'), hash(parts, applicant)]
    for (const guess of guesses([applicant])) expect(applied.id).not.toBe(`m_${guess}`)
    for (const guess of guesses([OPEN_ACTIVITY._id, volunteer])) expect(enrolled.id).not.toBe(`en_${guess}`)
    // With the key, the server finds them again.
    expect(applied.id).toBe(`m_${hash([applicant], idKey())}`)
    expect(enrolled.id).toBe(`en_${hash([OPEN_ACTIVITY._id, volunteer], idKey())}`)
  })
})
