// Privacy audit over the demo district (seedDemo): every read action a resident, a volunteer, a party member,
// a merchant and a unit admin may call (and one volunteer and one resident of other communities), with
// every page of every list and the detail of every listed item, is scanned string by string for private
// values the reader may not see (support/privacy.ts: phones, beneficiaries' names and addresses, children's
// names, contacts, pickup codes, secrets), for any unmasked mobile number that is not theirs to read and
// for anything shaped like an ID-card number. Then a party member who has wishes, a volunteer profile, a
// registration, an order and ledger entries deletes the account: afterwards no document and no answer
// (to anyone, staff included) holds their name, phones or their wish's beneficiary details, and every
// ledger still balances.
import type { ActionOf, FnName } from '../../types'
import { useLocalCloud } from '../support/cloud'
import { typedClient, type Input, type Output } from '../support/client'
import { seedDemo } from '../../demo'
import { PUBLIC_WISH_STATUSES } from '../../types/enums'
import { checkInvariants, storeReader, type Doc } from './support/invariants'
import { collectSecrets, describeViolation, scan, stringsOf, type Secret, type Violation } from './support/privacy'

const lc = useLocalCloud({ seed: async (store) => void (await seedDemo(store)) })
const api = typedClient(lc)

jest.setTimeout(300_000)

const store = () => lc.cloud.store
const YEAR = String(new Date(Date.now() + 8 * 3_600_000).getUTCFullYear())
type Scanner = (answer: unknown, where: string) => Violation[]
/** The data of a read: may be left out where the action's schema accepts none (then `{}` is sent). */
type DataArg<F extends FnName, A extends ActionOf<F>> = undefined extends Input<F, A> ? [data?: Input<F, A>] : [data: Input<F, A>]
type ItemsOf<T> = T extends { items: Array<infer I> } ? I : never
/** A page of a list; some paged answers carry their rows under another name (then no items are collected). */
type PageLike<I> = { items?: I[]; nextCursor?: string | null }

/** One reader walking every answer they can get, scanning each. */
class Walker {
  calls = 0
  readonly violations: Violation[] = []
  constructor(
    readonly reader: string,
    private readonly scanner: Scanner
  ) {}

  /** One answer of `fn.action`, scanned; its data, or null when refused. */
  async read<F extends FnName, A extends ActionOf<F>>(
    fn: F,
    action: A,
    ...[data = {} as Input<F, A>]: DataArg<F, A>
  ): Promise<Output<F, A> | null> {
    return (await this.scanned(fn, action, data)) as Output<F, A> | null
  }

  /** The untyped send under `read` and `pages` (which type their callers' data; pages adds its cursor). */
  private async scanned(fn: string, action: string, data: unknown): Promise<unknown> {
    const res = await api.callRaw(fn, action, data, this.reader)
    this.calls++
    this.violations.push(...this.scanner(res, `${fn}.${action}(${JSON.stringify(data).slice(0, 60)})`))
    if (!res.ok && res.error.code === 'INTERNAL') throw new Error(`${fn}.${action} answered INTERNAL to ${this.reader}`)
    return res.ok ? res.data : null
  }

  /** Every page of a list (up to `max` pages); answers the items. */
  async pages<F extends FnName, A extends ActionOf<F>>(
    fn: F,
    action: A,
    data: Input<F, A>,
    max = 30
  ): Promise<Array<ItemsOf<Output<F, A>>>> {
    const items: Array<ItemsOf<Output<F, A>>> = []
    let cursor: string | undefined
    for (let n = 0; n < max; n++) {
      const page = (await this.scanned(fn, action, { ...(data as object), ...(cursor ? { cursor } : {}) })) as PageLike<
        ItemsOf<Output<F, A>>
      > | null
      if (!page) break
      items.push(...(page.items ?? []))
      if (!page.nextCursor) break
      cursor = page.nextCursor
    }
    return items
  }
}

const communities = () => store().find('communities', {}, { sort: { _id: 1 } })
const centerOf = (communityId: string) => {
  const c = store().get('communities', communityId) as Doc
  return { lat: c.center.coordinates[1], lng: c.center.coordinates[0] }
}
const idsOf = (items: Array<{ id?: string }>) => [...new Set(items.map((i) => i.id).filter((id): id is string => Boolean(id)))]

/** Everything a resident-side reader can open, every page and every detail. */
async function walkResidentSide(w: Walker, certificates: string[]) {
  const user = store().get('users', w.reader) as Doc
  const home = centerOf(user.communityId)
  const grants: Doc[] = user.roles ?? []
  await w.read('user', 'me')
  await w.read('user', 'communities')

  await w.read('lifeCircle', 'categories')
  const facilities = await w.pages('lifeCircle', 'nearby', { location: home, minutes: 15, limit: 50 }, 3)
  await w.read('lifeCircle', 'search', { location: home, keyword: '社区' })
  await w.read('lifeCircle', 'places')
  for (const id of idsOf(facilities).slice(0, 15)) await w.read('lifeCircle', 'facility', { id, location: home })

  const wishes = []
  for (const status of PUBLIC_WISH_STATUSES) wishes.push(...(await w.pages('wish', 'wall', { status, limit: 50 })))
  wishes.push(...(await w.pages('wish', 'wall', { sort: 'nearest', location: home, limit: 50 }, 2)))
  wishes.push(...(await w.pages('wish', 'mine', { as: 'beneficiary', limit: 50 })))
  wishes.push(...(await w.pages('wish', 'mine', { as: 'claimer', limit: 50 })))
  for (const id of idsOf(wishes)) await w.read('wish', 'detail', { wishId: id })

  await w.read('volunteer', 'profile')
  const activities = []
  for (const scope of ['upcoming', 'mine'] as const)
    activities.push(...(await w.pages('volunteer', 'listActivities', { scope, limit: 50 })))
  activities.push(...(await w.pages('volunteer', 'listActivities', { scope: 'nearby', location: home, limit: 50 })))
  for (const id of idsOf(activities)) await w.read('volunteer', 'activity', { activityId: id })
  await w.pages('volunteer', 'records', { limit: 50 })
  for (const number of certificates) await w.read('volunteer', 'verifyCertificate', { number })

  await w.read('points', 'balance')
  await w.pages('points', 'ledger', { limit: 50 })
  await w.read('points', 'myMerchant')
  const goods = await w.pages('points', 'listGoods', { limit: 50 })
  for (const c of communities()) goods.push(...(await w.pages('points', 'listGoods', { communityId: c._id, limit: 50 })))
  for (const id of idsOf(goods)) await w.read('points', 'goods', { goodsId: id })
  await w.pages('points', 'myRedemptions', { limit: 50 })
  await w.read('points', 'board', {})
  for (const c of communities()) await w.read('points', 'board', { communityId: c._id, limit: 50 })
  for (const g of grants.filter((g) => g.role === 'merchant')) {
    await w.pages('points', 'merchantOrders', { merchantId: g.merchantId, limit: 50 })
    await w.pages('points', 'listGoods', { merchantId: g.merchantId, limit: 50 })
    await w.read('workbench', 'queues', {})
  }

  // Grid reports: the forms' lists, one's own and followed reports, duplicates at home, and every report by id
  // (a private one is refused, a public one must not show who reported it).
  await w.read('report', 'categories')
  await w.read('report', 'departments', {})
  await w.read('report', 'grids', { communityId: user.communityId })
  for (const as of ['reporter', 'follower'] as const) await w.pages('report', 'mine', { as, limit: 50 })
  for (const categoryId of ['fireLane', 'rubbish', 'streetLamp', 'dispute'])
    await w.read('report', 'duplicates', { categoryId, location: home })
  for (const r of store().find('reports', {}, { sort: { _id: 1 } })) await w.read('report', 'detail', { reportId: r._id as string })

  await w.read('party', 'myRegistration')
  await w.read('party', 'myUnit')
  await w.read('party', 'assessment', {})
  await w.read('party', 'memberCard', {})
  const needs = []
  for (const c of communities()) {
    await w.read('party', 'listUnits', { communityId: c._id })
    await w.read('party', 'listGrids', { communityId: c._id })
    await w.pages('party', 'listProjects', { communityId: c._id, limit: 50 })
    needs.push(...(await w.pages('party', 'listNeeds', { communityId: c._id, limit: 50 })))
  }
  needs.push(...(await w.pages('party', 'listNeeds', { mine: true, limit: 50 })))
  for (const id of idsOf(needs)) await w.read('party', 'need', { needId: id })
  for (const m of store().find('partyMemberships', { status: 'approved', communityId: user.communityId }))
    await w.read('party', 'memberCard', { memberId: m.registrationId as string })
  for (const g of grants.filter((g) => g.role === 'unitAdmin')) {
    await w.pages('party', 'unitMembers', { unitId: g.unitId, limit: 50 })
    await w.pages('party', 'unitReport', { unitId: g.unitId, period: YEAR, limit: 50 })
    await w.read('party', 'reportCsv', { unitId: g.unitId, period: YEAR })
    await w.pages('party', 'listProjects', { unitId: g.unitId, limit: 50 })
  }
}

/** What staff and street admins read on top (for the erasure check: nobody may read a deleted person). */
async function walkStaffSide(w: Walker) {
  const user = store().get('users', w.reader) as Doc
  for (const g of (user.roles ?? []) as Doc[]) {
    if (g.role === 'staff') {
      const cm = g.communityId
      for (const status of ['submitted', 'published', 'claimed', 'fulfilled', 'confirmed', 'rejected', 'withdrawn'] as const)
        await w.pages('wish', 'reviewQueue', { communityId: cm, status, limit: 50 })
      await w.read('wish', 'stats', { communityId: cm })
      for (const kind of ['member', 'unit'] as const) await w.pages('party', 'listRegistrations', { kind, communityId: cm, limit: 50 })
      await w.pages('party', 'communityReport', { communityId: cm, period: YEAR, limit: 50 })
      await w.read('party', 'reportCsv', { communityId: cm, period: YEAR })
      const managed = await w.pages('volunteer', 'listActivities', { scope: 'managed', communityId: cm, limit: 50 })
      for (const id of idsOf(managed)) await w.pages('volunteer', 'attendance', { activityId: id, limit: 50 })
      await w.pages('points', 'listMerchants', { communityId: cm, limit: 50 })
      for (const m of store().find('merchants', { communityId: cm }))
        await w.pages('points', 'merchantOrders', { merchantId: m._id, limit: 50 })
      await w.read('workbench', 'queues', { communityId: cm })
      await w.read('workbench', 'dashboard', { communityId: cm, period: YEAR })
      for (const kind of ['registrations', 'assessment', 'volunteerRecords', 'redemptions', 'wishes', 'coverageGaps'] as const)
        await w.read('workbench', 'exportCsv', { kind, communityId: cm, period: YEAR })
    }
    if (g.role === 'streetAdmin') {
      await w.read('workbench', 'streetDashboard', { streetId: g.streetId, period: YEAR })
      await w.read('wish', 'stats', { streetId: g.streetId })
    }
  }
}

/** The readers of the audit: the demo users of each kind, and a volunteer and a resident elsewhere. */
function readers(): string[] {
  const others = store().find(
    'users',
    {
      _id: {
        $nin: store()
          .find('demoUsers')
          .map((d) => d._id)
      }
    },
    { sort: { _id: 1 } }
  ) as Doc[]
  const volunteerElsewhere = others.find((u) => u.communityId !== 'cm01' && u.roles.length === 1 && u.roles[0].role === 'volunteer')
  const residentElsewhere = others.find((u) => u.communityId !== 'cm01' && u.roles.length === 0)
  return [
    'demo-resident',
    'demo-volunteer',
    'demo-member',
    'demo-merchant',
    'demo-unit',
    volunteerElsewhere!._id as string,
    residentElsewhere!._id as string
  ]
}

const counted = (secrets: Secret[]) =>
  Object.entries(secrets.reduce<Record<string, number>>((m, s) => ({ ...m, [s.kind]: (m[s.kind] ?? 0) + 1 }), {}))

it('no answer to a resident, volunteer, member, merchant or unit admin shows what they may not read', async () => {
  const audited = readers()
  // Certificates first, so every reader can also verify them by number.
  const certificates: string[] = []
  for (const who of audited) {
    const res = await api.volunteer.certificate({}, who)
    if (res.ok) certificates.push(res.data.number)
  }
  // A resident registers as a volunteer with an ID card: it is kept only masked and hashed, and the number
  // itself must never come back, not even to them.
  const idCard = '11010519491231002X'
  const registered = await api.volunteer.register(
    { realName: '尹秋菊', phone: '13812340001', communityId: 'cm01', idCard, consent: true },
    'demo-resident'
  )
  expect(registered).toMatchObject({ ok: true, data: { idCardMasked: expect.stringMatching(/^\d{4}\*+\w{4}$/) } })
  const secrets = [
    ...collectSecrets(store()),
    { value: idCard, kind: 'secret' as const, readers: new Set<string>(), source: 'the ID card registered' }
  ]
  expect(secrets.filter((s) => s.source.includes('idCardHash'))).toHaveLength(1)
  let calls = 0
  const violations: Violation[] = []
  for (const who of audited) {
    const w = new Walker(who, (answer, where) => scan(answer, who, where, secrets))
    await walkResidentSide(w, certificates)
    calls += w.calls
    violations.push(...w.violations)
  }
  console.log(
    `privacy audit: ${audited.length} readers (${audited.join(', ')}), ${calls} answers scanned for ${secrets.length} private values (${counted(
      secrets
    )
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')})`
  )
  expect(violations.map(describeViolation).slice(0, 40)).toEqual([])
})

it('a claimer of a child’s wish, approved member or approved volunteer, reads none of the family’s details', async () => {
  // The hardest case: a community that opens wishes to volunteers and allows members direct contact.
  const settings = (store().get('communities', 'cm01') as Doc).settings
  store().update('communities', { _id: 'cm01' }, { $set: { settings: { ...settings, openWishesToVolunteers: true, directContact: true } } })
  const child = { name: '欧阳小雨', address: '青枫小区9栋101室', guardian: '欧阳丽', guardianPhone: '13912345671' }
  const family = [child.name, child.address, child.guardian, child.guardianPhone]
  const seen: Record<string, unknown> = {}
  for (const claimer of ['demo-member', 'demo-volunteer']) {
    const submitted = await api.wish.submit(
      {
        requestId: `child-wish-${claimer}`,
        proxy: true,
        communityId: 'cm01',
        category: 'study',
        title: '想要一套绘本',
        story: '孩子喜欢看书，想要一套绘本。',
        value: 80,
        beneficiary: { name: child.name, appellation: '同学', address: child.address, isChild: true },
        guardian: { name: child.guardian, relation: '母亲', phone: child.guardianPhone, consent: true },
        delivery: 'contact',
        consent: true
      },
      'demo-staff'
    )
    if (!submitted.ok) throw new Error(submitted.error.message)
    const wishId = submitted.data.id
    expect((await api.wish.review({ wishId, decision: 'publish' }, 'demo-staff')).ok).toBe(true)
    const claimed = await api.wish.claim({ wishId }, claimer)
    const detail = await api.wish.detail({ wishId }, claimer)
    const mine = await api.wish.mine({ as: 'claimer', limit: 50 }, claimer)
    expect(claimed).toMatchObject({ ok: true, data: { delivery: { mode: 'handover', name: null, phone: null, address: null } } })
    seen[claimer] = { claimed, detail, mine }
    const secrets = collectSecrets(store())
    expect(scan(seen[claimer], claimer, `child wish claimed by ${claimer}`, secrets).map(describeViolation)).toEqual([])
    expect(family.filter((v) => JSON.stringify(seen[claimer]).includes(v))).toEqual([])
    expect((await api.wish.release({ wishId, reason: '测试结束' }, claimer)).ok).toBe(true)
  }
  store().update('communities', { _id: 'cm01' }, { $set: { settings } })
})

it('the scanner has teeth: it reports what a reader may not see, and lets through what they may', () => {
  const secrets = collectSecrets(store())
  const phone = secrets.find((s) => s.kind === 'phone' && s.readers.size === 1) as Secret
  const [owner] = [...phone.readers]
  const child = secrets.find((s) => s.kind === 'childName') as Secret
  const address = secrets.find((s) => s.kind === 'address') as Secret
  const leak = {
    ok: true,
    data: {
      items: [{ contact: `电话${phone.value}`, who: child.value, where: address.value, id: '110105194912310021', other: '13800009999' }]
    }
  }
  const found = scan(leak, 'nobody', 'test', secrets).map((v) => v.kind)
  expect(found).toEqual(expect.arrayContaining(['phone', 'childName', 'address', 'idCardPattern', 'phonePattern']))
  expect(scan({ ok: true, data: { mine: phone.value, masked: '138****5678' } }, owner, 'test', secrets)).toEqual([])
})

/** Ends every open promise of `openid` through the actions the app offers (withdraw, cancel, release). */
async function settleEverything(openid: string): Promise<void> {
  const must = async <F extends FnName, A extends ActionOf<F>>(fn: F, action: A, data: Input<F, A>) => {
    const res = await api.call(fn, action, data, openid)
    if (!res.ok) throw new Error(`${fn}.${action}: ${res.error.message}`)
  }
  for (const w of store().find('wishes', { submitterId: openid, status: { $in: ['submitted', 'published'] } }))
    await must('wish', 'withdraw', { wishId: w._id })
  for (const w of store().find('wishes', { claimerId: openid, status: 'claimed' }))
    await must('wish', 'release', { wishId: w._id, reason: '账号注销' })
  for (const n of store().find('partyNeeds', { claimerId: openid, status: 'claimed' }))
    await must('party', 'releaseNeed', { needId: n._id, reason: '账号注销' })
  for (const o of store().find('redemptions', { openid, status: 'pending' })) await must('points', 'cancelRedemption', { orderId: o._id })
  for (const e of store().find('enrollments', { openid, status: 'enrolled' }))
    await must('volunteer', 'cancelEnrollment', { activityId: e.activityId as string })
}

it('an account deleted leaves nothing personal readable, in the database or in any answer, and the ledgers balance', async () => {
  const subject = 'demo-member'
  const person = store().get('users', subject) as Doc
  // Give the member everything there is to erase: an own wish (with a family member as beneficiary), an
  // order, besides the volunteer profile, the registration, the claims and the ledger the seed gave.
  const family = { name: '欧阳桂兰', appellation: '奶奶' as const, phone: '13912345670', address: '青枫小区18栋302室' }
  const wish = await api.wish.submit(
    {
      requestId: 'erase-wish-01',
      category: 'goods',
      title: '想要一台收音机',
      story: '老人在家想听戏。',
      value: 80,
      beneficiary: family,
      delivery: 'contact',
      consent: true
    },
    subject
  )
  if (!wish.ok) throw new Error(wish.error.message)
  expect((await api.wish.review({ wishId: wish.data.id, decision: 'publish' }, 'demo-staff')).ok).toBe(true)
  const goods = store().find('goods', { communityId: 'cm01', status: 'onSale', stock: { $gt: 0 } }, { sort: { price: 1 }, limit: 1 })[0]
  const order = await api.points.redeem({ goodsId: goods._id as string, quantity: 1, requestId: 'erase-order-01' }, subject)
  expect(order.ok).toBe(true)
  for (const [collection, filter] of [
    ['volunteers', { _id: subject }],
    ['partyMembers', { openid: subject }],
    ['pointsLedger', { openid: subject }],
    ['wishes', { claimerId: subject }]
  ] as const) {
    expect(store().count(collection, filter)).toBeGreaterThan(0)
  }

  const personal = [
    person.realName,
    person.phone,
    store().get('volunteers', subject)?.phone,
    ...store()
      .find('partyMembers', { openid: subject })
      .flatMap((m) => [m.name, m.phone]),
    family.name,
    family.phone,
    family.address
  ].filter((v, i, all): v is string => typeof v === 'string' && v.length > 0 && all.indexOf(v) === i)
  expect(store().count('users', { realName: person.realName })).toBe(1)

  // While others wait on the member (claims, a pickup holding stock, places held), deleting is refused and
  // nothing changes; the member settles each as the app asks, then deletes.
  const held = JSON.stringify(store().get('users', subject))
  expect(await api.user.deleteAccount({ confirm: '注销' }, subject)).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } })
  expect(JSON.stringify(store().get('users', subject))).toBe(held)
  await settleEverything(subject)
  expect(await api.user.deleteAccount({ confirm: '注销' }, subject)).toMatchObject({ ok: true })

  // The database: no string of any document holds any of it.
  const left: string[] = []
  for (const collection of store().collections()) {
    for (const doc of store().find(collection)) {
      for (const [path, text] of stringsOf(doc))
        for (const value of personal) if (text.includes(value)) left.push(`${collection}/${doc._id} ${path}: ${value}`)
    }
  }
  expect(left).toEqual([])

  // Every answer, to everyone: the other demo users of every kind (staff and street admin too) and the
  // deleted person, who is now a stranger.
  const forget =
    (reader: string): Scanner =>
    (answer, where) =>
      [...stringsOf(answer)].flatMap(([path, text]) =>
        personal.filter((v) => text.includes(v)).map((v) => ({ reader, where: `${where} ${path}`, kind: 'name' as const, found: v }))
      )
  const violations: Violation[] = []
  for (const who of ['demo-resident', 'demo-volunteer', 'demo-merchant', 'demo-unit', 'demo-staff', 'demo-street', subject]) {
    const w = new Walker(who, forget(who))
    await walkResidentSide(w, [])
    await walkStaffSide(w)
    violations.push(...w.violations)
  }
  expect(violations.map(describeViolation).slice(0, 40)).toEqual([])

  expect(checkInvariants(storeReader(store()))).toEqual([])
})
