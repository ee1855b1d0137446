// The message centre (user.notices, unreadCount, markRead) through the local cloud with the real
// wx-server-sdk: a notice is written with the event it tells of (a wish published and claimed), only its
// recipient reads or marks it, marking is idempotent and safe under concurrency, and deleting the account
// erases it.
import { NOTICE_PAGES, NOTICE_REASON_LABELS } from '../../types'
import { useLocalCloud } from '../support/cloud'
import { communitySettings, nextRequestId, STREET, twoCommunities } from '../support/fixtures'
import { typedClient } from '../support/client'
import { fails, ok } from '../support/envelope'

const lc = useLocalCloud()
const api = typedClient(lc)
const store = () => lc.cloud.store

function user(openid: string, name: string, roles: object[]) {
  const at = new Date('2026-01-01T00:00:00Z')
  const phone = '1391234' + String(openid.length).padStart(4, '0')
  return { _id: openid, nickName: name, realName: name, phone, communityId: 'cm01', roles, elderMode: false, createdAt: at, updatedAt: at }
}

beforeEach(() => {
  store().clear()
  store().insert('streets', [STREET])
  store().insert('communities', twoCommunities(communitySettings({ handoverPoint: '青枫社区党群服务中心' })))
  store().insert('users', [
    user('res1', '张桂英', []),
    user('res2', '王秀英', []),
    user('staff1', '孙丽', [{ role: 'staff', communityId: 'cm01' }]),
    user('member01', '陈建国', [{ role: 'member', communityId: 'cm01' }])
  ])
  store().insert('partyMemberships', [
    { _id: 'member01', openid: 'member01', status: 'approved', communityId: 'cm01', branch: '机关党支部', pledge: '为邻里办实事' }
  ])
})

/** res1's wish, published by staff and claimed by a member: two notices to res1. */
async function claimedWish(): Promise<string> {
  const { id } = await ok(
    api.wish.submit(
      {
        requestId: nextRequestId(),
        category: 'goods',
        title: '想要一盏护眼台灯',
        story: '家里的台灯坏了，晚上看书不方便。',
        value: 120,
        photos: ['cloud://local.6c6f-local-1300000000/users/res1/2026-11/a.jpg'],
        beneficiary: { name: '张桂英', appellation: '奶奶', address: '幸福小区3栋201室' },
        consent: true
      },
      'res1'
    )
  )
  await ok(api.wish.review({ wishId: id, decision: 'publish' }, 'staff1'))
  await ok(api.wish.claim({ wishId: id }, 'member01'))
  return id
}

describe('notices', () => {
  it('tells the resident their wish was claimed, newest first, with a fixed text and the page it opens', async () => {
    const id = await claimedWish()
    const page = await ok(api.user.notices({}, 'res1'))
    expect(page.items.map((n) => n.kind)).toEqual(['wishClaimed', 'wishPublished'])
    const [claimed] = page.items
    expect(claimed).toMatchObject({
      title: '心愿已被认领',
      body: NOTICE_REASON_LABELS.wishClaimed,
      target: { page: 'packages/wish/detail/index', params: { id } },
      readAt: null
    })
    expect(NOTICE_PAGES).toContain(claimed.target.page)
    // Opaque ids: nothing of the recipient's openid shows through; no free text of anyone either.
    for (const n of page.items) expect(n.id).not.toContain('res1')
    expect(JSON.stringify(page)).not.toContain('台灯')
    expect(await ok(api.user.unreadCount({}, 'res1'))).toEqual({ unread: 2 })
    // The member who claimed hears nothing about their own action.
    expect((await ok(api.user.notices({}, 'member01'))).items).toEqual([])
  })

  it('writes one notice per event: the subscription message and its twin', async () => {
    await claimedWish()
    const kept = store().find('notices', { recipient: 'res1' })
    expect(kept).toHaveLength(2)
    expect(store().find('outbox', { touser: 'res1' })).toHaveLength(2)
  })

  it('pages newest first with a cursor', async () => {
    const at = (i: number) => new Date(Date.UTC(2026, 10, 1, 8, i))
    store().insert(
      'notices',
      Array.from({ length: 25 }, (_, i) => ({
        _id: `n_page${String(i).padStart(2, '0')}`,
        recipient: 'res1',
        kind: 'wishPublished',
        title: '心愿已公开征集',
        body: NOTICE_REASON_LABELS.wishPublished,
        target: { page: 'packages/wish/detail/index', params: { id: 'w1' } },
        createdAt: at(i),
        readAt: null
      }))
    )
    const first = await ok(api.user.notices({}, 'res1'))
    expect(first.items).toHaveLength(20)
    expect(first.items[0].id).toBe('n_page24')
    const second = await ok(api.user.notices({ cursor: first.nextCursor ?? undefined }, 'res1'))
    expect(second.items.map((n) => n.id)).toEqual(['n_page04', 'n_page03', 'n_page02', 'n_page01', 'n_page00'])
    expect(second.nextCursor).toBeNull()
  })

  it('lets nobody else read or mark them', async () => {
    await claimedWish()
    const ids = (await ok(api.user.notices({}, 'res1'))).items.map((n) => n.id)
    expect((await ok(api.user.notices({}, 'res2'))).items).toEqual([])
    expect(await ok(api.user.unreadCount({}, 'res2'))).toEqual({ unread: 0 })
    expect(await ok(api.user.markRead({ ids }, 'res2'))).toEqual({ unread: 0 })
    expect(await ok(api.user.markRead({ all: true }, 'staff1'))).toEqual({ unread: 0 })
    expect(await ok(api.user.unreadCount({}, 'res1'))).toEqual({ unread: 2 })
    await fails(api.user.notices({}), 'UNAUTHENTICATED')
    await fails(api.user.markRead({ ids }), 'UNAUTHENTICATED')
  })

  it('marks read idempotently, by id or all, keeping the first read time', async () => {
    await claimedWish()
    const [newest, older] = (await ok(api.user.notices({}, 'res1'))).items
    expect(await ok(api.user.markRead({ ids: [newest.id] }, 'res1'))).toEqual({ unread: 1 })
    const firstRead = (await ok(api.user.notices({}, 'res1'))).items[0].readAt
    expect(firstRead).not.toBeNull()
    expect(await ok(api.user.markRead({ ids: [newest.id] }, 'res1'))).toEqual({ unread: 1 })
    expect(await ok(api.user.markRead({ all: true }, 'res1'))).toEqual({ unread: 0 })
    expect(await ok(api.user.markRead({ all: true }, 'res1'))).toEqual({ unread: 0 })
    const after = (await ok(api.user.notices({}, 'res1'))).items
    expect(after.find((n) => n.id === newest.id)?.readAt).toBe(firstRead)
    expect(after.find((n) => n.id === older.id)?.readAt).not.toBeNull()
  })

  it('takes 20 concurrent "mark all read" calls: every one ok, none unread after', async () => {
    await claimedWish()
    const answers = await Promise.all(Array.from({ length: 20 }, () => api.user.markRead({ all: true }, 'res1')))
    for (const a of answers) expect(a).toEqual({ ok: true, data: { unread: 0 } })
    expect(await ok(api.user.unreadCount({}, 'res1'))).toEqual({ unread: 0 })
  })

  it('refuses a malformed request with INVALID_ARGUMENT', async () => {
    // callRaw: these payloads are what the contract forbids (neither, both, not an id, all: false).
    for (const data of [{}, { ids: ['n1'], all: true }, { ids: [] }, { ids: ['a b'] }, { all: false }])
      await fails(api.callRaw('user', 'markRead', data, 'res1'), 'INVALID_ARGUMENT')
  })

  it('erases the person’s notices when they delete their account', async () => {
    await claimedWish()
    store().insert('notices', [
      {
        _id: 'n_other',
        recipient: 'res2',
        kind: 'pickupReady',
        title: '兑换成功，待取货',
        body: NOTICE_REASON_LABELS.pickupReady,
        target: { page: 'packages/points/orders/index', params: {} },
        createdAt: new Date('2026-11-01T00:00:00Z'),
        readAt: null
      }
    ])
    await ok(api.user.deleteAccount({ confirm: '注销' }, 'res2'))
    expect(store().find('notices', { recipient: 'res2' })).toEqual([])
    expect(store().find('notices', { recipient: 'res1' })).toHaveLength(2)
  })
})
