// The wish function through the local cloud, with the real wx-server-sdk: every action and role, the
// state machine under stale clients, 50 concurrent claims, the claim limit under concurrency, privacy of
// every public answer, claim expiry, bad input, and the subscription messages.
import { PHONE_PATTERN } from '../../cloudfunctions/_shared/domain/masking'
import { isValidHistory, nextStatus, type WishEvent } from '../../cloudfunctions/wish/src/domain/stateMachine'
import type { WishDoc } from '../../cloudfunctions/_shared/docs/wish'
import { useLocalCloud } from '../support/cloud'
import { approvedVolunteer, communitySettings, point, STREET, twoCommunities } from '../support/fixtures'
import { typedClient, type Input } from '../support/client'
import { fails, ok } from '../support/envelope'
import type { Envelope } from '../../types'

const lc = useLocalCloud()

// --- fixtures ------------------------------------------------------------------------------------------

const settings = (over: Parameters<typeof communitySettings>[0] = {}) =>
  communitySettings({ handoverPoint: '青枫社区党群服务中心一楼服务台', ...over })
const MEMBERS = Array.from({ length: 50 }, (_, i) => `member${String(i + 1).padStart(2, '0')}`)
const RES_PHONE = '13912345678'
const RES_ADDRESS = '幸福小区3栋201室'
const CHILD = { name: '李小明', address: '阳光小区5栋', guardian: '刘红梅', guardianPhone: '13700001111' }

function user(openid: string, name: string, communityId: string, roles: object[], phone: string | null = null) {
  const at = new Date('2026-01-01T00:00:00Z')
  return {
    _id: openid,
    nickName: name,
    realName: name,
    phone,
    communityId,
    compoundId: communityId === 'cm01' ? 'cp001' : 'cp002',
    roles,
    elderMode: false,
    consent: null,
    createdAt: at,
    updatedAt: at,
    deletedAt: null
  }
}

function seedFixtures() {
  const s = lc.cloud.store
  s.insert('streets', [STREET])
  s.insert('communities', [
    ...twoCommunities(settings(), settings({ openWishesToVolunteers: true, handoverPoint: '柳岸社区服务站' })),
    {
      _id: 'cm03',
      name: '梧桐社区',
      streetId: 'st01',
      center: point(31.33, 118.39),
      address: '梧桐大道3号',
      phone: '0553-2000000',
      settings: settings()
    }
  ])
  s.insert('compounds', [
    { _id: 'cp001', name: '幸福小区', communityId: 'cm01', streetId: 'st01', location: point(31.336, 118.376), households: 500 },
    { _id: 'cp002', name: '柳岸花园', communityId: 'cm02', streetId: 'st01', location: point(31.341, 118.386), households: 300 }
  ])
  s.insert('users', [
    user('res1', '张桂英', 'cm01', [], RES_PHONE),
    user('res2', '王秀英', 'cm01', [], '13600002222'),
    user('res3', '赵国强', 'cm02', [], '13500003333'),
    user('staff1', '孙丽', 'cm01', [{ role: 'staff', communityId: 'cm01' }], '13800001111'),
    user('staff2', '周敏', 'cm02', [{ role: 'staff', communityId: 'cm02' }], '13800002222'),
    user('street1', '周明', 'cm01', [{ role: 'streetAdmin', streetId: 'st01' }]),
    user('vol1', '李志强', 'cm01', [{ role: 'volunteer', communityId: 'cm01' }]),
    user('vol2', '马丽', 'cm02', [{ role: 'volunteer', communityId: 'cm02' }]),
    user('memberB', '钱进', 'cm02', [{ role: 'member', communityId: 'cm02' }]),
    user('pending1', '孔亮', 'cm01', []),
    ...MEMBERS.map((m, i) =>
      user(m, `陈建${'国华明伟强军杰涛'[i % 8]}`, 'cm01', [{ role: 'member', communityId: 'cm01' }], `1370000${String(i).padStart(4, '0')}`)
    )
  ])
  s.insert('volunteers', [approvedVolunteer('vol1', 'cm01', '李志强'), approvedVolunteer('vol2', 'cm02', '马丽')])
  s.insert('partyMemberships', [
    ...MEMBERS.map((m) => ({
      _id: m,
      openid: m,
      status: 'approved',
      communityId: 'cm01',
      branch: '江城市税务局镜湖分局机关党支部',
      pledge: '为邻里办实事'
    })),
    { _id: 'pending1', openid: 'pending1', status: 'pending', communityId: 'cm01', branch: '某支部', pledge: '承诺' }
  ])
}

beforeEach(() => {
  lc.cloud.store.clear()
  seedFixtures()
})

// --- helpers -------------------------------------------------------------------------------------------

let requestSerial = 0
const api = typedClient(lc)

/** A well-formed file id under the person's folder (not necessarily an existing file). */
const photo = (openid: string, name = 'a.jpg') => `cloud://local.6c6f-local-1300000000/users/${openid}/2026-11/${name}`

/** A real upload through the gateway, as the h5 app does; answers its file id. */
async function upload(openid: string, name: string): Promise<string> {
  const res = await fetch(`${lc.cloud.url}/api/storage/upload?cloudPath=${encodeURIComponent(`uploads/${name}`)}`, {
    method: 'POST',
    headers: { 'content-type': 'image/jpeg', 'x-wx-openid': openid },
    body: Buffer.from([0xff, 0xd8, 0xff, 0xd9])
  })
  const { fileID } = (await res.json()) as { fileID: string }
  return fileID
}

type SubmitData = Input<'wish', 'submit'>

const ownWish = (over: Partial<SubmitData> = {}): SubmitData => ({
  requestId: `req-${String(++requestSerial).padStart(8, '0')}`,
  category: 'goods',
  title: '想要一盏护眼台灯',
  story: '家里的台灯坏了，晚上看书不方便。',
  value: 120,
  photos: [photo('res1')],
  beneficiary: { name: '张桂英', appellation: '奶奶', address: RES_ADDRESS },
  consent: true,
  ...over
})

const childWish = (over: Partial<SubmitData> = {}): SubmitData => ({
  requestId: `req-${String(++requestSerial).padStart(8, '0')}`,
  proxy: true,
  communityId: 'cm01',
  category: 'goods',
  title: '想要一个新书包',
  story: '书包背带断了，开学想背个结实的新书包。',
  value: 150,
  photos: [photo('staff1', 'child.jpg')],
  beneficiary: { name: CHILD.name, appellation: '同学', address: CHILD.address, isChild: true },
  guardian: { name: CHILD.guardian, relation: '母亲', phone: CHILD.guardianPhone, consent: true },
  delivery: 'contact',
  consent: true,
  ...over
})

const store = () => lc.cloud.store
const wishDoc = (id: string) => store().get('wishes', id) as unknown as WishDoc
const outbox = (template?: string) => store().find('outbox', template ? { templateId: template } : {}) as Record<string, unknown>[]
const snapshot = () =>
  JSON.stringify(['wishes', 'wishClaimers', 'assessmentEntries', 'outbox'].map((c) => store().find(c, {}, { sort: { _id: 1 } })))

async function published(over: Partial<SubmitData> = {}, by = 'res1') {
  const { id } = await ok(api.wish.submit(ownWish(over), by))
  await ok(api.wish.review({ wishId: id, decision: 'publish' }, 'staff1'))
  return id as string
}

async function claimed(by = 'member01', over: Partial<SubmitData> = {}) {
  const id = await published(over)
  await ok(api.wish.claim({ wishId: id }, by))
  return id
}

// --- submit --------------------------------------------------------------------------------------------

describe('submit', () => {
  it('stores a resident’s wish as submitted, with its first history entry, and is safe to retry', async () => {
    const input = ownWish()
    const first = await ok(api.wish.submit(input, 'res1'))
    const again = await ok(api.wish.submit(input, 'res1'))
    expect(again).toEqual(first)
    expect(store().count('wishes')).toBe(1)
    const doc = wishDoc(first.id)
    expect(doc).toMatchObject({ status: 'submitted', submitterId: 'res1', communityId: 'cm01', compoundId: 'cp001', proxy: false })
    expect(doc.beneficiary).toMatchObject({ ownerId: 'res1', display: '张奶奶', phone: RES_PHONE, address: RES_ADDRESS })
    expect(doc.location).toMatchObject({ coordinates: [118.376, 31.336] })
    expect(doc.history).toHaveLength(1)
    expect(doc.history[0]).toMatchObject({ who: 'res1', role: 'resident', from: null, to: 'submitted' })
  })

  it.each([
    ['a value above the cap', { value: 201 }, /不能超过200元/],
    ['an empty title', { title: '   ' }, /请填写心愿标题/],
    ['a 5 000-character story', { story: '长'.repeat(5000) }, /心愿描述不能超过500个字/],
    ['an unknown category', { category: 'weapons' }, /请选择心愿类别/],
    ['a photo of another user', { photos: [photo('res2')] }, /本人上传的图片/],
    ['a photo that is not a cloud file', { photos: ['https://example.com/a.jpg'] }, /图片格式不正确/],
    ['a phone number in the story', { story: '有事请打13912345678找我' }, /电话号码/],
    ['the beneficiary’s name in the title', { title: '张桂英想要台灯' }, /姓名/],
    ['no consent', { consent: false }, /发布须知/],
    ['a desired date in the past', { desiredDate: '2020-01-01' }, /期望日期/]
  ])('refuses %s readably and writes nothing', async (_label, over, message) => {
    const before = snapshot()
    // Deliberately outside the contract's input type: callRaw.
    await fails(api.callRaw('wish', 'submit', { ...ownWish(), ...over }, 'res1'), 'INVALID_ARGUMENT', message)
    expect(snapshot()).toBe(before)
  })

  it('lets only staff post for a child (代录), records the guardian’s consent and keeps the photo private', async () => {
    const before = snapshot()
    await fails(api.wish.submit(childWish({ proxy: false }), 'res1'), 'PERMISSION_DENIED', /代录/)
    await fails(api.wish.submit(childWish(), 'res1'), 'PERMISSION_DENIED')
    await fails(api.wish.submit(childWish(), 'staff2'), 'PERMISSION_DENIED')
    await fails(api.wish.submit(childWish({ guardian: undefined }), 'staff1'), 'INVALID_ARGUMENT', /监护人/)
    expect(snapshot()).toBe(before)
    const { id } = await ok(api.wish.submit(childWish(), 'staff1'))
    const doc = wishDoc(id)
    expect(doc).toMatchObject({ proxy: true, submitterId: 'staff1', photos: [], privatePhotos: [photo('staff1', 'child.jpg')] })
    expect(doc.beneficiary).toMatchObject({ ownerId: null, display: '李同学', isChild: true })
    expect(doc.guardian).toMatchObject({ name: CHILD.guardian, phone: CHILD.guardianPhone, recordedBy: 'staff1' })
    expect(doc.history[0]).toMatchObject({ role: 'staff', why: '社区工作人员代录' })
  })

  it('asks a resident without a community to choose one, and a stranger to sign in', async () => {
    store().update('users', { _id: 'res2' }, { $set: { communityId: null } })
    await fails(api.wish.submit(ownWish({ photos: [] }), 'res2'), 'FAILED_PRECONDITION', /选择您所在的社区/)
    await fails(api.wish.submit(ownWish(), 'nobody'), 'UNAUTHENTICATED')
    expect(store().count('wishes')).toBe(0)
  })
})

// --- review --------------------------------------------------------------------------------------------

describe('review', () => {
  it('lets staff of the community publish (notifying the submitter) or reject with a reason', async () => {
    const { id } = await ok(api.wish.submit(ownWish(), 'res1'))
    await fails(api.wish.review({ wishId: id, decision: 'publish' }, 'staff2'), 'PERMISSION_DENIED')
    await fails(api.wish.review({ wishId: id, decision: 'publish' }, 'member01'), 'PERMISSION_DENIED')
    await fails(api.wish.review({ wishId: id, decision: 'reject' }, 'staff1'), 'INVALID_ARGUMENT', /驳回时请填写理由/)
    expect(wishDoc(id).status).toBe('submitted')

    expect(await ok(api.wish.review({ wishId: id, decision: 'publish' }, 'staff1'))).toEqual({ id, status: 'published' })
    expect(wishDoc(id).publishedAt).toBeTruthy()
    expect(outbox('wishPublished')).toEqual([expect.objectContaining({ touser: 'res1', page: `packages/wish/detail/index?id=${id}` })])
    await fails(api.wish.review({ wishId: id, decision: 'reject', reason: '重复' }, 'staff1'), 'CONFLICT')

    const other = (await ok(api.wish.submit(ownWish({ photos: [], beneficiary: { name: '王秀英', appellation: '奶奶' } }), 'res2'))).id
    await ok(api.wish.review({ wishId: other, decision: 'reject', reason: '心愿超出微心愿范围' }, 'staff1'))
    expect(wishDoc(other)).toMatchObject({ status: 'rejected', rejectReason: '心愿超出微心愿范围' })
    expect(outbox('wishRejected')).toHaveLength(1)
    const mine = await ok(api.wish.mine({ as: 'beneficiary' }, 'res2'))
    expect(mine.items[0]).toMatchObject({ id: other, status: 'rejected', rejectReason: '心愿超出微心愿范围' })
  })

  it('answers a review queue with private details to staff of that community only', async () => {
    await ok(api.wish.submit(ownWish(), 'res1'))
    await ok(api.wish.submit(childWish(), 'staff1'))
    const queue = await ok(api.wish.reviewQueue({}, 'staff1'))
    expect(queue.items).toHaveLength(2)
    expect(queue.items.map((w: { private: { beneficiaryName: string } }) => w.private.beneficiaryName).sort()).toEqual(
      [CHILD.name, '张桂英'].sort()
    )
    expect((await ok(api.wish.reviewQueue({}, 'staff2'))).items).toHaveLength(0)
    await fails(api.wish.reviewQueue({ communityId: 'cm01' }, 'staff2'), 'PERMISSION_DENIED')
    await fails(api.wish.reviewQueue({}, 'res1'), 'PERMISSION_DENIED')
    await fails(api.wish.reviewQueue({}, 'member01'), 'PERMISSION_DENIED')
  })
})

// --- claim ---------------------------------------------------------------------------------------------

describe('claim', () => {
  it('gives exactly one of 50 members pressing at once the wish; 49 are told it was just claimed', async () => {
    const id = await published()
    const answers = await Promise.all(MEMBERS.map((m) => api.wish.claim({ wishId: id }, m)))
    const winners = answers.filter((a) => a.ok)
    const losers = answers.filter((a) => !a.ok)
    expect(winners).toHaveLength(1)
    expect(losers).toHaveLength(49)
    for (const l of losers) if (!l.ok) expect(l.error).toEqual({ code: 'CONFLICT', message: '该心愿刚刚被认领' })

    const winner = MEMBERS[answers.findIndex((a) => a.ok)]
    const doc = wishDoc(id)
    expect(doc).toMatchObject({ status: 'claimed', claimerId: winner })
    expect(doc.history.filter((h) => h.to === 'claimed')).toHaveLength(1)
    expect(isValidHistory(doc.history)).toBe(true)
    const counters = store().find('wishClaimers', {}) as { _id: string; open: number }[]
    expect(counters).toEqual([expect.objectContaining({ _id: winner, open: 1 })])
    expect(outbox('wishClaimed')).toEqual([expect.objectContaining({ touser: 'res1' })])
  })

  it('shows the claimer the delivery contact, or the hand-over point, in the answer and on the detail', async () => {
    const id = await published()
    const res = await ok(api.wish.claim({ wishId: id }, 'member01'))
    expect(res.delivery).toMatchObject({ mode: 'contact', name: '张桂英', phone: RES_PHONE, address: RES_ADDRESS })
    expect(new Date(res.claimDeadline).getTime() - new Date(wishDoc(id).claimedAt as Date).getTime()).toBe(7 * 86_400_000)
    const handover = await published({ delivery: 'handover' })
    const res2 = await ok(api.wish.claim({ wishId: handover }, 'member02'))
    expect(res2.delivery).toMatchObject({ mode: 'handover', phone: null, address: null, handoverPoint: '青枫社区党群服务中心一楼服务台' })
    const detail = await ok(api.wish.detail({ wishId: handover }, 'member02'))
    expect(detail.viewer).toBe('claimer')
    expect(detail.delivery?.mode).toBe('handover')
    expect(detail.claimer).toEqual({
      kind: 'member',
      displayName: '陈**',
      branch: '江城市税务局镜湖分局机关党支部',
      pledge: '为邻里办实事'
    })
  })

  it('lets only approved members of the community claim (volunteers where the community opens wishes to them)', async () => {
    const id = await published()
    const before = snapshot()
    await fails(api.wish.claim({ wishId: id }, 'res2'), 'PERMISSION_DENIED')
    await fails(api.wish.claim({ wishId: id }, 'pending1'), 'PERMISSION_DENIED')
    await fails(api.wish.claim({ wishId: id }, 'memberB'), 'PERMISSION_DENIED', /本社区/)
    await fails(api.wish.claim({ wishId: id }, 'vol1'), 'PERMISSION_DENIED')
    await fails(api.wish.claim({ wishId: id }, 'staff1'), 'PERMISSION_DENIED')
    expect(snapshot()).toBe(before)

    const { id: cm02Wish } = await ok(
      api.wish.submit(ownWish({ photos: [], beneficiary: { name: '赵国强', appellation: '叔叔' } }), 'res3')
    )
    await ok(api.wish.review({ wishId: cm02Wish, decision: 'publish' }, 'staff2'))
    await ok(api.wish.claim({ wishId: cm02Wish }, 'vol2'))
    expect(wishDoc(cm02Wish).claimer).toMatchObject({ kind: 'volunteer', branch: null })
  })

  it('refuses a member at the claim limit with FAILED_PRECONDITION', async () => {
    const ids = [await published(), await published(), await published(), await published()]
    for (const id of ids.slice(0, 3)) await ok(api.wish.claim({ wishId: id }, 'member01'))
    const before = snapshot()
    await fails(api.wish.claim({ wishId: ids[3] }, 'member01'), 'FAILED_PRECONDITION', /最多可同时认领3个/)
    expect(snapshot()).toBe(before)
    expect(wishDoc(ids[3]).status).toBe('published')
  })

  it('keeps the limit when a member claims two wishes at the same moment', async () => {
    const ids = [await published(), await published(), await published(), await published()]
    for (const id of ids.slice(0, 2)) await ok(api.wish.claim({ wishId: id }, 'member01'))
    const answers = await Promise.all(ids.slice(2).map((wishId) => api.wish.claim({ wishId }, 'member01')))
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    const refused = answers.find((a) => !a.ok)
    expect(refused && !refused.ok && refused.error.code).toBe('FAILED_PRECONDITION')
    expect(store().count('wishes', { claimerId: 'member01', status: 'claimed' })).toBe(3)
    expect(store().get('wishClaimers', 'member01')).toMatchObject({ open: 3 })
  })

  it('does not let a member claim a wish they posted', async () => {
    const { id } = await ok(api.wish.submit(ownWish({ photos: [], beneficiary: { name: '陈建国', appellation: '叔叔' } }), 'member01'))
    await ok(api.wish.review({ wishId: id, decision: 'publish' }, 'staff1'))
    await fails(api.wish.claim({ wishId: id }, 'member01'), 'PERMISSION_DENIED', /自己发布/)
  })
})

// --- release, fulfil, confirm, withdraw ------------------------------------------------------------------

describe('the rest of the lifecycle', () => {
  it('lets the claimer release: the wish is published again, the slot is freed, the submitter hears', async () => {
    const id = await claimed('member01')
    await fails(api.wish.release({ wishId: id }, 'member02'), 'PERMISSION_DENIED')
    await ok(api.wish.release({ wishId: id, reason: '临时出差' }, 'member01'))
    expect(wishDoc(id)).toMatchObject({ status: 'published', claimerId: null, claimer: null, claimDeadline: null })
    expect(store().get('wishClaimers', 'member01')).toMatchObject({ open: 0, total: 1 })
    expect(outbox('wishReleased')).toEqual([expect.objectContaining({ touser: 'res1' })])
    const before = snapshot()
    await fails(api.wish.release({ wishId: id }, 'member01'), 'CONFLICT')
    await fails(api.wish.fulfil({ wishId: id, note: '已送到', photos: [photo('member01')] }, 'member01'), 'CONFLICT')
    expect(snapshot()).toBe(before)
    expect((await ok(api.wish.detail({ wishId: id }, 'member01'))).delivery).toBeNull()
  })

  it('runs fulfil and confirm once, crediting the member’s assessment points exactly once', async () => {
    const id = await claimed('member01')
    await fails(api.wish.confirm({ wishId: id, rating: 5, thanks: '谢谢' }, 'res1'), 'CONFLICT', '心愿尚未实现，暂不能确认')
    await fails(api.wish.fulfil({ wishId: id, note: '已送到', photos: [photo('res1')] }, 'member01'), 'INVALID_ARGUMENT', /本人上传/)
    await fails(api.wish.fulfil({ wishId: id, note: '已送到', photos: [] }, 'member01'), 'INVALID_ARGUMENT', /至少一张/)
    await fails(api.wish.fulfil({ wishId: id, note: '已送到', photos: [photo('member02')] }, 'member02'), 'PERMISSION_DENIED')
    await ok(api.wish.fulfil({ wishId: id, note: '台灯已送到家中', photos: [photo('member01')] }, 'member01'))
    expect(wishDoc(id)).toMatchObject({ status: 'fulfilled', fulfilment: { note: '台灯已送到家中' } })
    expect(store().get('wishClaimers', 'member01')).toMatchObject({ open: 0 })
    expect(outbox('wishFulfilled')).toEqual([expect.objectContaining({ touser: 'res1' })])

    await fails(api.wish.confirm({ wishId: id, rating: 5, thanks: '谢谢' }, 'res2'), 'PERMISSION_DENIED')
    await fails(api.wish.confirm({ wishId: id, rating: 5, thanks: '谢谢' }, 'staff1'), 'PERMISSION_DENIED')
    await fails(api.wish.confirm({ wishId: id, rating: 6, thanks: '谢谢' }, 'res1'), 'INVALID_ARGUMENT', /评分不能大于5/)
    const results = await Promise.all([1, 2, 3].map(() => api.wish.confirm({ wishId: id, rating: 5, thanks: '谢谢党员同志' }, 'res1')))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => r.ok)[0]).toMatchObject({ data: { status: 'confirmed', points: 5 } })
    const entries = store().find('assessmentEntries', {})
    expect(entries).toEqual([
      expect.objectContaining({ _id: `wish_${id}`, openid: 'member01', communityId: 'cm01', source: 'wish', sourceId: id, points: 5 })
    ])
    expect(isValidHistory(wishDoc(id).history)).toBe(true)
    expect(wishDoc(id).history.map((h) => h.to)).toEqual(['submitted', 'published', 'claimed', 'fulfilled', 'confirmed'])
  })

  it('lets staff (not a resident) confirm a 代录 wish, and credits no points to a volunteer', async () => {
    const { id } = await ok(api.wish.submit(childWish(), 'staff1'))
    await ok(api.wish.review({ wishId: id, decision: 'publish' }, 'staff1'))
    await ok(api.wish.claim({ wishId: id }, 'member05'))
    await ok(api.wish.fulfil({ wishId: id, note: '书包已交给监护人', photos: [photo('member05')] }, 'member05'))
    await fails(api.wish.confirm({ wishId: id, rating: 5, thanks: '谢谢' }, 'res1'), 'PERMISSION_DENIED')
    await ok(api.wish.confirm({ wishId: id, rating: 4, thanks: '孩子很喜欢' }, 'staff1'))
    expect(store().count('assessmentEntries')).toBe(1)

    const { id: cm02Wish } = await ok(
      api.wish.submit(ownWish({ photos: [], beneficiary: { name: '赵国强', appellation: '叔叔' } }), 'res3')
    )
    await ok(api.wish.review({ wishId: cm02Wish, decision: 'publish' }, 'staff2'))
    await ok(api.wish.claim({ wishId: cm02Wish }, 'vol2'))
    await ok(api.wish.fulfil({ wishId: cm02Wish, note: '已完成', photos: [photo('vol2')] }, 'vol2'))
    expect((await ok(api.wish.confirm({ wishId: cm02Wish, rating: 5, thanks: '谢谢' }, 'res3'))).points).toBe(0)
    expect(store().count('assessmentEntries')).toBe(1)
  })

  it('lets the submitter withdraw only while unclaimed', async () => {
    const { id: fresh } = await ok(api.wish.submit(ownWish(), 'res1'))
    await fails(api.wish.withdraw({ wishId: fresh }, 'res2'), 'PERMISSION_DENIED')
    await ok(api.wish.withdraw({ wishId: fresh }, 'res1'))
    expect(wishDoc(fresh).status).toBe('withdrawn')
    const open = await published()
    await ok(api.wish.withdraw({ wishId: open, reason: '已经解决了' }, 'res1'))
    const taken = await claimed('member01')
    const before = snapshot()
    await fails(api.wish.withdraw({ wishId: taken }, 'res1'), 'CONFLICT', /已被认领/)
    expect(snapshot()).toBe(before)
    await fails(api.wish.detail({ wishId: fresh }, 'res2'), 'NOT_FOUND')
  })

  it('refuses every action on a wish that does not exist', async () => {
    for (const [action, data, who] of [
      ['detail', { wishId: 'nope' }, 'res1'],
      ['claim', { wishId: 'nope' }, 'member01'],
      ['release', { wishId: 'nope' }, 'member01'],
      ['withdraw', { wishId: 'nope' }, 'res1'],
      ['review', { wishId: 'nope', decision: 'publish' }, 'staff1']
    ] as const) {
      await fails(api.call('wish', action, data, who), 'NOT_FOUND')
    }
    // An operator object instead of an id, as an injection attempt: outside the contract's type on purpose.
    await fails(api.callRaw('wish', 'detail', { wishId: { $ne: null } }, 'res1'), 'INVALID_ARGUMENT')
  })
})

// --- the state machine, through the function ----------------------------------------------------------

describe('no transition outside the state machine', () => {
  type Status = WishDoc['status']
  /** One call on a wish. */
  type Step = (wishId: string) => Promise<Envelope<unknown>>
  /** Brings a new wish to `status` through the function, claimed (if at all) by `member`. */
  async function wishIn(status: Status, member: string): Promise<string> {
    const { id } = await ok(api.wish.submit(ownWish({ photos: [] }), 'res1'))
    const publish: Step = (wishId) => api.wish.review({ wishId, decision: 'publish' }, 'staff1')
    const claim: Step = (wishId) => api.wish.claim({ wishId }, member)
    const fulfil: Step = (wishId) => api.wish.fulfil({ wishId, note: '已送到', photos: [photo(member)] }, member)
    const steps: Record<Status, Step[]> = {
      submitted: [],
      rejected: [(wishId) => api.wish.review({ wishId, decision: 'reject', reason: '不符合要求' }, 'staff1')],
      withdrawn: [(wishId) => api.wish.withdraw({ wishId }, 'res1')],
      published: [publish],
      claimed: [publish, claim],
      fulfilled: [publish, claim, fulfil],
      confirmed: [publish, claim, fulfil, (wishId) => api.wish.confirm({ wishId, rating: 5, thanks: '谢谢' }, 'res1')]
    }
    for (const step of steps[status]) await ok(step(id))
    expect(wishDoc(id).status).toBe(status)
    return id
  }

  /** Each event as its action, sent on a wish claimed (if at all) by `member`. */
  const ATTEMPTS: Array<{ event: WishEvent; send: (wishId: string, member: string) => ReturnType<Step> }> = [
    { event: 'publish', send: (wishId) => api.wish.review({ wishId, decision: 'publish' }, 'staff1') },
    { event: 'reject', send: (wishId) => api.wish.review({ wishId, decision: 'reject', reason: '重复提交' }, 'staff1') },
    { event: 'claim', send: (wishId) => api.wish.claim({ wishId }, 'member50') },
    { event: 'release', send: (wishId, m) => api.wish.release({ wishId }, m) },
    { event: 'fulfil', send: (wishId, m) => api.wish.fulfil({ wishId, note: '已送到', photos: [photo(m)] }, m) },
    { event: 'confirm', send: (wishId) => api.wish.confirm({ wishId, rating: 4, thanks: '谢谢' }, 'res1') },
    { event: 'withdraw', send: (wishId) => api.wish.withdraw({ wishId }, 'res1') }
  ]
  const STATUSES: Status[] = ['submitted', 'published', 'rejected', 'claimed', 'fulfilled', 'confirmed', 'withdrawn']

  it.each(STATUSES)('from %s: allowed steps succeed, every other one is CONFLICT and changes nothing', async (status) => {
    let n = 0
    for (const attempt of ATTEMPTS) {
      const member = MEMBERS[n++]
      const id = await wishIn(status, member)
      const allowed = nextStatus(status, attempt.event)
      const before = snapshot()
      const answer = await attempt.send(id, member)
      if (allowed) {
        expect(answer).toMatchObject({ ok: true, data: { status: allowed } })
        expect(wishDoc(id).history.at(-1)).toMatchObject({ from: status, to: allowed })
      } else {
        // Someone who never held a claim cannot release or fulfil it at all; everyone else is stale.
        const neverClaimed =
          (attempt.event === 'release' || attempt.event === 'fulfil') && !wishDoc(id).history.some((h) => h.to === 'claimed')
        expect(answer).toMatchObject({ ok: false, error: { code: neverClaimed ? 'PERMISSION_DENIED' : 'CONFLICT' } })
        expect(snapshot()).toBe(before)
      }
    }
  })
})

// --- expiry --------------------------------------------------------------------------------------------

describe('expireClaims', () => {
  it('releases only overdue claims, notifies both sides, and changes nothing when run again', async () => {
    const overdue = await claimed('member01')
    const current = await claimed('member02')
    store().update('wishes', { _id: overdue }, { $set: { claimDeadline: new Date(Date.now() - 60_000) } })
    await fails(api.wish.expireClaims({}, 'member01'), 'PERMISSION_DENIED')

    const first = await lc.cloud.timer('wish', 'expireClaims')
    expect(first).toMatchObject({ ok: true, data: { released: 1 } })
    expect(wishDoc(overdue)).toMatchObject({ status: 'published', claimerId: null })
    expect(wishDoc(overdue).history.at(-1)).toMatchObject({
      who: 'system',
      role: 'system',
      from: 'claimed',
      to: 'published',
      why: '认领超过7天未实现，自动释放'
    })
    expect(wishDoc(current)).toMatchObject({ status: 'claimed', claimerId: 'member02' })
    expect(store().get('wishClaimers', 'member01')).toMatchObject({ open: 0 })
    expect(store().get('wishClaimers', 'member02')).toMatchObject({ open: 1 })
    expect(
      outbox('wishReleased')
        .map((n) => n.touser)
        .sort()
    ).toEqual(['member01', 'res1'])

    const before = snapshot()
    expect(await lc.cloud.timer('wish', 'expireClaims')).toMatchObject({ ok: true, data: { released: 0 } })
    expect(await ok(api.wish.expireClaims({}, 'staff1'))).toEqual({ released: 0 })
    expect(snapshot()).toBe(before)
  })
})

// --- reading: wall, detail, mine, privacy ----------------------------------------------------------------

/** Every string anywhere in an answer. */
const strings = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(strings) : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : []

describe('wall and detail', () => {
  const files = { adult: '', child: '', bag: '' }
  beforeAll(async () => {
    files.adult = await upload('res1', 'lamp.jpg')
    files.child = await upload('staff1', 'child-face.jpg')
    files.bag = await upload('member02', 'child-bag.jpg')
  })
  /** The stored path of a file (what its temporary URL is built from). */
  const pathOf = (fileId: string) => fileId.replace(/^cloud:\/\/[^/]+\//, '')

  async function district() {
    const adult = await claimed('member01', { photos: [files.adult] })
    const child = (await ok(api.wish.submit(childWish({ photos: [files.child] }), 'staff1'))).id
    await ok(api.wish.review({ wishId: child, decision: 'publish' }, 'staff1'))
    await ok(api.wish.claim({ wishId: child }, 'member02'))
    await ok(api.wish.fulfil({ wishId: child, note: '书包已交给监护人', photos: [files.bag] }, 'member02'))
    const open = await published({ category: 'service', title: '帮忙修水龙头', story: '厨房水龙头一直滴水。', photos: [] })
    const pending = (await ok(api.wish.submit(ownWish({ photos: [], beneficiary: { name: '王秀英', appellation: '奶奶' } }), 'res2'))).id
    return { adult, child, open, pending }
  }

  it('never shows a phone number, an address, a name or a child’s photo to anyone but the claimer and staff', async () => {
    const ids = await district()
    const docs = store().find('wishes', {}) as unknown as WishDoc[]
    const childPhotos = [files.child, files.bag].map(pathOf)
    const secrets = [
      ...docs.flatMap((w) => [w.beneficiary.name, w.beneficiary.address, w.guardian?.name, w.guardian?.phone, ...w.privatePhotos]),
      ...childPhotos,
      CHILD.name.slice(1)
    ].filter(Boolean) as string[]
    expect(secrets).toEqual(expect.arrayContaining([CHILD.name, CHILD.address, CHILD.guardianPhone, RES_ADDRESS, '张桂英']))

    const answers: unknown[] = []
    for (const status of ['published', 'claimed', 'fulfilled', 'confirmed'] as const) {
      for (const who of ['res2', 'member03', 'memberB', 'vol1', 'anonymous-visitor']) {
        answers.push(await ok(api.wish.wall({ status }, who)))
        answers.push(await ok(api.wish.wall({ status, sort: 'nearest', location: { lat: 31.335, lng: 118.375 } }, who)))
      }
    }
    for (const id of [ids.adult, ids.child, ids.open]) {
      for (const who of ['res2', 'member03', 'memberB', 'vol1', 'staff2', 'anonymous-visitor'])
        answers.push(await ok(api.wish.detail({ wishId: id }, who)))
    }
    for (const who of ['member03', 'memberB'])
      answers.push(await ok(api.wish.mine({ as: 'claimer' }, who)), await ok(api.wish.mine({ as: 'beneficiary' }, who)))
    expect(answers.length).toBeGreaterThan(60)
    // The adult's own photo is public (a positive control for the scan below).
    expect(JSON.stringify(answers)).toContain(pathOf(files.adult))

    let scanned = 0
    for (const s of answers.flatMap(strings)) {
      scanned++
      expect(s).not.toMatch(PHONE_PATTERN)
      for (const secret of secrets) expect(s).not.toContain(secret)
    }
    expect(scanned).toBeGreaterThan(500)

    // The unpublished wish is not there at all.
    expect(JSON.stringify(answers)).not.toContain(ids.pending)
  })

  it('shows the claimer and staff what they need, and the public the party badge', async () => {
    const { adult, child } = await district()
    const asClaimer = await ok(api.wish.detail({ wishId: adult }, 'member01'))
    expect(asClaimer.delivery).toMatchObject({ phone: RES_PHONE, address: RES_ADDRESS })
    expect(asClaimer.can).toMatchObject({ release: true, fulfil: true, claim: false })
    const childClaimer = await ok(api.wish.detail({ wishId: child }, 'member02'))
    // A child's wish is delivered through the community: the claimer gets its contact, never the guardian's.
    expect(childClaimer.delivery).toEqual({
      mode: 'handover',
      name: null,
      phone: null,
      address: null,
      handoverPoint: '青枫社区党群服务中心一楼服务台',
      communityPhone: '0553-2123456'
    })
    for (const secret of [CHILD.name, CHILD.guardian, CHILD.guardianPhone, CHILD.address])
      expect(JSON.stringify(childClaimer)).not.toContain(secret)
    const asStaff = await ok(api.wish.detail({ wishId: child }, 'staff1'))
    expect(asStaff.private).toMatchObject({
      beneficiaryName: CHILD.name,
      isChild: true,
      privatePhotos: [expect.stringContaining(pathOf(files.child))]
    })
    expect(asStaff.fulfilment?.photos).toEqual([expect.stringContaining(pathOf(files.bag))])
    const photoUrl = asStaff.private?.privatePhotos[0] as string
    expect((await fetch(photoUrl)).status).toBe(200)
    expect(asStaff.can.confirm).toBe(true)
    const asPublic = await ok(api.wish.detail({ wishId: adult }, 'res2'))
    expect(asPublic).toMatchObject({ viewer: 'public', private: null, delivery: null, beneficiaryDisplay: '张奶奶' })
    expect(asPublic.claimer).toMatchObject({ kind: 'member', displayName: '陈**', branch: '江城市税务局镜湖分局机关党支部' })
    expect(asPublic.timeline.map((t: { label: string }) => t.label)).toEqual(['提交心愿', '审核通过，公开征集', '心愿被认领'])
    expect(asPublic.timeline.every((t: { why?: string }) => t.why === undefined)).toBe(true)
    const asMember = await ok(api.wish.detail({ wishId: await published() }, 'member03'))
    expect(asMember.can.claim).toBe(true)
  })

  it('pages the wall newest first, filters by category, sorts by distance', async () => {
    const ids: string[] = []
    for (let i = 0; i < 7; i++) ids.push(await published({ category: i % 2 ? 'service' : 'goods', title: `心愿${i}` }))
    const seen: string[] = []
    let cursor: string | undefined
    do {
      const page = await ok(api.wish.wall({ limit: 3, cursor }, 'res2'))
      seen.push(...page.items.map((w: { id: string }) => w.id))
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    expect(seen).toEqual([...ids].reverse())
    const services = await ok(api.wish.wall({ category: 'service' }, 'res2'))
    expect(services.items).toHaveLength(3)
    const cm02 = (await ok(api.wish.submit(ownWish({ photos: [], beneficiary: { name: '赵国强', appellation: '叔叔' } }), 'res3'))).id
    await ok(api.wish.review({ wishId: cm02, decision: 'publish' }, 'staff2'))
    const near = await ok(api.wish.wall({ sort: 'nearest', location: { lat: 31.341, lng: 118.386 } }, 'res2'))
    expect(near.items[0]).toMatchObject({ id: cm02, communityName: '柳岸社区' })
    expect(near.items[0].distance).toBeLessThan(50)
    expect(near.items[1].distance).toBeGreaterThan(near.items[0].distance as number)
    const onlyCm01 = await ok(api.wish.wall({ communityId: 'cm01' }, 'res2'))
    expect(onlyCm01.items.every((w: { communityId: string }) => w.communityId === 'cm01')).toBe(true)
    await fails(api.wish.wall({ sort: 'nearest' }, 'res2'), 'INVALID_ARGUMENT', /位置/)
  })

  it('lists my wishes as beneficiary and as claimer', async () => {
    const a = await claimed('member01')
    const b = await published()
    const asBeneficiary = await ok(api.wish.mine({ as: 'beneficiary' }, 'res1'))
    expect(asBeneficiary.items.map((w: { id: string }) => w.id).sort()).toEqual([a, b].sort())
    const asClaimer = await ok(api.wish.mine({ as: 'claimer' }, 'member01'))
    expect(asClaimer.items).toEqual([expect.objectContaining({ id: a, todo: 'fulfil' })])
    expect(asClaimer.items[0].claimDeadline).toBeTruthy()
    await fails(api.wish.mine({}, 'anonymous-visitor'), 'UNAUTHENTICATED')
  })
})

// --- account deletion ----------------------------------------------------------------------------------

describe('erasure', () => {
  it('erases the beneficiary’s name, contact and photos of a resident’s own wishes when they delete their account', async () => {
    const own = await published()
    const proxy = (await ok(api.wish.submit(childWish(), 'staff1'))).id
    // A published wish of one's own is withdrawn first: deleting an account never strands an open wish.
    await fails(api.user.deleteAccount({ confirm: '注销' }, 'res1'), 'FAILED_PRECONDITION', /进行中的本人心愿/)
    await ok(api.wish.withdraw({ wishId: own }, 'res1'))
    await ok(api.user.deleteAccount({ confirm: '注销' }, 'res1'))
    expect(wishDoc(own).beneficiary).toMatchObject({ name: '已注销用户', display: '居民', phone: null, address: null })
    expect(wishDoc(own).photos).toEqual([])
    expect(JSON.stringify(wishDoc(own))).not.toContain(RES_PHONE)
    expect(wishDoc(proxy).beneficiary.name).toBe(CHILD.name)
  })
})

// --- statistics ----------------------------------------------------------------------------------------

describe('stats', () => {
  it('computes 办结率, median times and average rating with the database, for staff and street admins', async () => {
    const H = 3_600_000
    const at = new Date('2026-06-01T00:00:00Z')
    const base = { communityId: 'cm03', streetId: 'st01', createdAt: at, history: [] }
    const rows = [
      { status: 'published', metrics: { claimMs: null, fulfilMs: null } },
      { status: 'claimed', metrics: { claimMs: 2 * H, fulfilMs: null } },
      { status: 'fulfilled', metrics: { claimMs: 4 * H, fulfilMs: 10 * H } },
      { status: 'confirmed', metrics: { claimMs: 6 * H, fulfilMs: 30 * H }, confirmation: { rating: 5 } },
      { status: 'confirmed', metrics: { claimMs: 30 * H, fulfilMs: 50 * H }, confirmation: { rating: 4 } },
      { status: 'submitted', metrics: { claimMs: null, fulfilMs: null } },
      { status: 'withdrawn', metrics: { claimMs: null, fulfilMs: null } }
    ]
    store().insert(
      'wishes',
      rows.map((r, i) => ({ _id: `s${i}`, ...base, ...r }))
    )
    store().insert('users', [user('staff3', '吴芳', 'cm03', [{ role: 'staff', communityId: 'cm03' }])])

    const s = await ok(api.wish.stats({}, 'staff3'))
    expect(s).toMatchObject({
      total: 5,
      completionRate: 0.4,
      claimRate: 0.8,
      medianHoursToClaim: 5,
      medianHoursToFulfil: 30,
      averageRating: 4.5,
      ratings: 2
    })
    expect(s.counts).toMatchObject({ submitted: 1, withdrawn: 1, confirmed: 2 })
    expect(await ok(api.wish.stats({ period: '2026H1' }, 'staff3'))).toMatchObject({ total: 5 })
    expect(await ok(api.wish.stats({ period: '2025' }, 'staff3'))).toMatchObject({ total: 0, completionRate: null })

    const street = await ok(api.wish.stats({}, 'street1'))
    expect(street.scope).toMatchObject({ streetId: 'st01' })
    expect(street.total).toBe(5)
    expect(await ok(api.wish.stats({ communityId: 'cm03' }, 'street1'))).toMatchObject({ total: 5 })
    await fails(api.wish.stats({ communityId: 'cm03' }, 'staff1'), 'PERMISSION_DENIED')
    await fails(api.wish.stats({}, 'res1'), 'PERMISSION_DENIED')
  })
})

// --- the state machine holds everywhere ------------------------------------------------------------------

afterEach(() => {
  for (const w of store().find('wishes', {}) as unknown as WishDoc[]) {
    if (w.history.length) expect(isValidHistory(w.history)).toBe(true)
  }
})
