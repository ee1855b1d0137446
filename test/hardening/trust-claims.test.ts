// Issue 13, findings 1, 8 and 11, each attack replayed through the local cloud and now refused:
// - an unvetted stranger registers as a volunteer and claims a wish to get a family's contact details;
// - a claimer releases and claims again without limit; staff can neither end a claim nor stop a claimer;
// - a child's wish hands the guardian's name, phone and address to whoever claims it;
// - a claimer's free-text release reason is forwarded into the beneficiary's subscription message;
// - nobody can tell who saw a family's contact details;
// - volunteer.register is an oracle for ID numbers on file, and concurrent registrations with one number
//   make several volunteers;
// - party.withdraw beside party.claimNeed leaves a need claimed by a non-member.
import type { Envelope } from '../../types'
import { useLocalCloud } from '../support/cloud'
import { typedClient, type Input } from '../support/client'
import { fails, ok } from '../support/envelope'
import { communitySettings, nextRequestId, STREET, twoCommunities } from '../support/fixtures'
import { compoundDoc, grants, membershipDoc, userDoc } from './support/world'

const lc = useLocalCloud()
const api = typedClient(lc)
const store = () => lc.cloud.store

jest.setTimeout(180_000)

const CM01 = communitySettings({ openWishesToVolunteers: true, directContact: true, handoverPoint: '青枫社区服务台' })
const FAMILY = { name: '张桂英', phone: '13912345678', address: '幸福小区3栋201室' }
const CHILD = { name: '李小明', address: '阳光小区5栋', guardian: '刘红梅', guardianPhone: '13700001111' }
const PHISHING = '补贴已到账请加微信abc123领取'

function seed() {
  const s = store()
  s.clear()
  s.insert('streets', [STREET])
  s.insert('communities', twoCommunities(CM01, communitySettings()))
  s.insert('compounds', [compoundDoc('cp01', 'cm01'), compoundDoc('cp02', 'cm02')])
  s.insert('users', [
    userDoc('res1', FAMILY.name, [], { phone: FAMILY.phone }),
    userDoc('staff1', '孙丽', [grants.staff('cm01')]),
    userDoc('staff2', '周敏', [grants.staff('cm02')], { communityId: 'cm02', compoundId: 'cp02' }),
    userDoc('member1', '陈建国', [grants.member('cm01')]),
    ...Array.from({ length: 8 }, (_, i) => userDoc(`stranger${i}`, `路人${i}`, [], { phone: null }))
  ])
  s.insert('partyMemberships', [membershipDoc('member1')])
}

beforeEach(seed)

// --- helpers -------------------------------------------------------------------------------------------

/** A published wish of res1 (delivered by contact), or of a child posted by staff. */
async function publishedWish(kind: 'adult' | 'child' = 'adult'): Promise<string> {
  const base = {
    requestId: nextRequestId('trust'),
    category: 'goods' as const,
    story: '家里需要帮忙，谢谢大家。',
    value: 100,
    consent: true as const
  }
  const input: Input<'wish', 'submit'> =
    kind === 'adult'
      ? {
          ...base,
          title: '想要一盏护眼台灯',
          beneficiary: { name: FAMILY.name, appellation: '奶奶', address: FAMILY.address },
          delivery: 'contact'
        }
      : {
          ...base,
          title: '想要一个新书包',
          proxy: true,
          communityId: 'cm01',
          beneficiary: { name: CHILD.name, appellation: '同学', address: CHILD.address, isChild: true },
          guardian: { name: CHILD.guardian, relation: '母亲', phone: CHILD.guardianPhone, consent: true },
          delivery: 'contact'
        }
  const { id } = await ok(api.wish.submit(input, kind === 'adult' ? 'res1' : 'staff1'))
  await ok(api.wish.review({ wishId: id, decision: 'publish' }, 'staff1'))
  return id
}

const volunteerInput = (over: Partial<Input<'volunteer', 'register'>> = {}): Input<'volunteer', 'register'> => ({
  realName: '林晓东',
  phone: '13812340001',
  communityId: 'cm01',
  consent: true,
  ...over
})

/** Registers `openid` as a volunteer of cm01 and has staff approve it (the vetting step). */
async function approvedVolunteer(openid: string): Promise<void> {
  const { volunteerNo } = await ok(api.volunteer.register(volunteerInput(), openid))
  await ok(api.volunteer.reviewVolunteer({ volunteerNo, decision: 'approve' }, 'staff1'))
}

const contactValues = [FAMILY.phone, FAMILY.address, CHILD.name, CHILD.guardian, CHILD.guardianPhone, CHILD.address]
const leaked = (answer: unknown, values = contactValues) => values.filter((v) => JSON.stringify(answer).includes(v))

// --- finding 1: vetting ------------------------------------------------------------------------------------

describe('vetting', () => {
  it('keeps a stranger who registers as a volunteer from claiming until staff of the community approve', async () => {
    const wishId = await publishedWish()
    const registered = await ok(api.volunteer.register(volunteerInput(), 'stranger0'))
    expect(registered.status).toBe('pending')
    await fails(api.wish.claim({ wishId }, 'stranger0'), 'PERMISSION_DENIED', /审核/)
    expect(store().get('wishes', wishId)!.status).toBe('published')

    // The registration waits in the staff queue (by volunteer number, never an openid), and only staff of cm01 decide.
    const queue = await ok(api.volunteer.pendingVolunteers({ communityId: 'cm01' }, 'staff1'))
    expect(queue.items).toEqual([expect.objectContaining({ volunteerNo: registered.volunteerNo, realName: '林晓东', status: 'pending' })])
    const queues = await ok(api.workbench.queues({ communityId: 'cm01' }, 'staff1'))
    const registrations = queues.queues.find((q) => q.kind === 'registrations')
    expect(registrations?.oldest).toEqual([expect.objectContaining({ id: registered.volunteerNo, title: '林晓东（志愿者注册）' })])
    await fails(api.volunteer.pendingVolunteers({ communityId: 'cm01' }, 'staff2'), 'PERMISSION_DENIED')
    await fails(api.volunteer.reviewVolunteer({ volunteerNo: registered.volunteerNo, decision: 'approve' }, 'staff2'), 'PERMISSION_DENIED')
    await fails(
      api.volunteer.reviewVolunteer({ volunteerNo: registered.volunteerNo, decision: 'reject' }, 'staff1'),
      'INVALID_ARGUMENT',
      /原因/
    )

    const approved = await ok(api.volunteer.reviewVolunteer({ volunteerNo: registered.volunteerNo, decision: 'approve' }, 'staff1'))
    expect(approved.status).toBe('approved')
    expect(store().get('volunteers', 'stranger0')!.reviews).toEqual([
      expect.objectContaining({ by: 'staff1', from: 'pending', to: 'approved', reason: null })
    ])
    await fails(
      api.volunteer.reviewVolunteer({ volunteerNo: registered.volunteerNo, decision: 'reject', reason: '重复' }, 'staff1'),
      'CONFLICT'
    )
    const claimed = await ok(api.wish.claim({ wishId }, 'stranger0'))
    // An approved volunteer still delivers through the community: never the family's contact.
    expect(claimed.delivery).toMatchObject({ mode: 'handover', phone: null, address: null, handoverPoint: '青枫社区服务台' })
    expect(leaked(claimed)).toEqual([])
  })

  it('keeps a rejected volunteer from claiming', async () => {
    const wishId = await publishedWish()
    const { volunteerNo } = await ok(api.volunteer.register(volunteerInput(), 'stranger1'))
    await ok(api.volunteer.reviewVolunteer({ volunteerNo, decision: 'reject', reason: '身份无法核实' }, 'staff1'))
    await fails(api.wish.claim({ wishId }, 'stranger1'), 'PERMISSION_DENIED', /审核/)
  })

  it('limits releases: after 2 in 30 days, claims are refused during the cooling-off with a clear message', async () => {
    await approvedVolunteer('stranger2')
    const [a, b, c] = [await publishedWish(), await publishedWish(), await publishedWish()]
    for (const wishId of [a, b]) {
      await ok(api.wish.claim({ wishId }, 'stranger2'))
      await ok(api.wish.release({ wishId, reason: '临时有事' }, 'stranger2'))
    }
    await fails(api.wish.claim({ wishId: c }, 'stranger2'), 'FAILED_PRECONDITION', /30天内已放弃2次认领，\d{4}-\d{2}-\d{2}之后可再认领/)
    expect(store().get('wishes', c)!.status).toBe('published')
  })

  it('lets staff force-release a claim and suspend the claimer, recorded, until they lift it', async () => {
    const [a, b] = [await publishedWish(), await publishedWish()]
    await ok(api.wish.claim({ wishId: a }, 'member1'))
    await fails(api.wish.forceRelease({ wishId: a, reason: '认领人长期未联系', suspend: true }, 'staff2'), 'PERMISSION_DENIED')
    const released = await ok(api.wish.forceRelease({ wishId: a, reason: '认领人长期未联系', suspend: true }, 'staff1'))
    expect(released).toMatchObject({ status: 'published', suspended: true })
    const wish = store().get('wishes', a)!
    expect(wish.claimerId).toBeNull()
    expect((wish.history as unknown[]).at(-1)).toMatchObject({
      who: 'staff1',
      role: 'staff',
      from: 'claimed',
      to: 'published',
      why: '认领人长期未联系'
    })
    expect(store().get('wishClaimers', 'member1')).toMatchObject({
      open: 0,
      suspensions: [expect.objectContaining({ communityId: 'cm01', by: 'staff1', reason: '认领人长期未联系' })]
    })

    await fails(api.wish.claim({ wishId: b }, 'member1'), 'FAILED_PRECONDITION', /暂停/)
    await fails(api.wish.setClaimerSuspension({ wishId: a, suspended: false, reason: '已核实' }, 'staff2'), 'PERMISSION_DENIED')
    await ok(api.wish.setClaimerSuspension({ wishId: a, suspended: false, reason: '已核实' }, 'staff1'))
    await ok(api.wish.claim({ wishId: b }, 'member1'))
    expect(store().get('wishClaimers', 'member1')!.suspensionLog).toEqual([
      expect.objectContaining({ suspended: true, by: 'staff1' }),
      expect.objectContaining({ suspended: false, by: 'staff1', reason: '已核实' })
    ])
  })
})

// --- finding 1: contact details ------------------------------------------------------------------------

describe('contact details', () => {
  it('never gives the claimer of a child’s wish the family’s contact: a member or a volunteer gets the community’s', async () => {
    await approvedVolunteer('stranger3')
    for (const claimer of ['member1', 'stranger3']) {
      const wishId = await publishedWish('child')
      const claimed = await ok(api.wish.claim({ wishId }, claimer))
      expect(claimed.delivery).toEqual({
        mode: 'handover',
        name: null,
        phone: null,
        address: null,
        handoverPoint: '青枫社区服务台',
        communityPhone: '0553-2123456'
      })
      const detail = await ok(api.wish.detail({ wishId }, claimer))
      expect(leaked([claimed, detail])).toEqual([])
    }
    expect(store().count('auditLog', { kind: 'contactView', role: { $in: ['member', 'volunteer'] } })).toBe(0)
  })

  it('keeps the release reason for staff but never forwards it in a subscription message', async () => {
    const wishId = await publishedWish()
    await ok(api.wish.claim({ wishId }, 'member1'))
    await ok(api.wish.release({ wishId, reason: PHISHING }, 'member1'))
    const sent = store().find('outbox', {})
    expect(sent.length).toBeGreaterThan(0)
    expect(JSON.stringify(sent)).not.toContain('abc123')
    expect(sent.filter((m) => m.touser === 'res1').map((m) => JSON.stringify(m))).toEqual(
      expect.arrayContaining([expect.stringContaining('认领人已放弃，重新征集中')])
    )
    const staffView = await ok(api.wish.detail({ wishId }, 'staff1'))
    expect(staffView.timeline.at(-1)).toMatchObject({ why: PHISHING })

    // Staff's own reason for ending a claim stays in the history too, and the family hears a fixed one.
    await ok(api.wish.claim({ wishId }, 'member1'))
    await ok(api.wish.forceRelease({ wishId, reason: PHISHING }, 'staff1'))
    expect(JSON.stringify(store().find('outbox', {}))).not.toContain('abc123')
  })

  it('logs each answer carrying a family’s contact, and shows the log to staff of that community only', async () => {
    const wishId = await publishedWish()
    const claimed = await ok(api.wish.claim({ wishId }, 'member1'))
    expect(claimed.delivery).toMatchObject({ mode: 'contact', phone: FAMILY.phone, address: FAMILY.address })
    await ok(api.wish.detail({ wishId }, 'member1'))
    await ok(api.wish.detail({ wishId }, 'staff1'))
    const views = await ok(api.wish.contactViews({ communityId: 'cm01', wishId }, 'staff1'))
    expect(views.items.map((v) => [v.viewerName, v.viewerRole, v.wishId])).toEqual([
      ['孙丽', 'staff', wishId],
      ['陈建国', 'member', wishId],
      ['陈建国', 'member', wishId]
    ])
    expect(store().find('auditLog', { kind: 'contactView' })).toEqual(
      expect.arrayContaining([expect.objectContaining({ who: 'member1', whose: 'res1', wishId, communityId: 'cm01' })])
    )
    await fails(api.wish.contactViews({ communityId: 'cm01' }, 'staff2'), 'PERMISSION_DENIED')
    await fails(api.wish.contactViews({ communityId: 'cm01' }, 'member1'), 'PERMISSION_DENIED')
  })
})

// --- finding 8: ID numbers ---------------------------------------------------------------------------------

describe('ID numbers', () => {
  const ID_CARD = '11010519491231002X'

  it('answers a number registered to someone else exactly as a wrong number', async () => {
    await ok(api.volunteer.register(volunteerInput({ idCard: ID_CARD }), 'stranger4'))
    const taken = await api.volunteer.register(volunteerInput({ idCard: ID_CARD }), 'stranger5')
    const wrong = await api.volunteer.register(volunteerInput({ idCard: '110105194912310021' }), 'stranger6')
    expect(taken).toEqual(wrong)
    expect(taken.ok).toBe(false)
  })

  it('makes exactly one volunteer of 6 concurrent registrations with one number', async () => {
    const people = Array.from({ length: 6 }, (_, i) => `stranger${i}`)
    const answers: Envelope<unknown>[] = await Promise.all(
      people.map((p) => api.volunteer.register(volunteerInput({ idCard: ID_CARD }), p))
    )
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    const hashes = store()
      .find('volunteers', {})
      .map((v) => v.idCardHash)
      .filter(Boolean)
    expect(hashes).toHaveLength(1)
    expect(store().find('idCardClaims', {})).toEqual([expect.objectContaining({ _id: hashes[0] })])
    expect(new Set(answers.filter((a) => !a.ok).map((a) => JSON.stringify(a)))).toHaveProperty('size', 1)
  })
})

// --- finding 11: withdraw beside claimNeed -------------------------------------------------------------------

describe('party.withdraw beside party.claimNeed', () => {
  it('never leaves a need claimed by someone who is no longer a member', async () => {
    const rounds = 6
    for (let i = 0; i < rounds; i++) {
      const openid = `stranger${i}`
      const reg = await ok(
        api.party.registerMember(
          {
            requestId: nextRequestId('pm'),
            communityId: 'cm01',
            name: `党员${i}号`,
            phone: '13812340002',
            branch: '机关党支部',
            workUnit: '江城市税务局',
            pledge: '为邻里办实事'
          },
          openid
        )
      )
      await ok(api.party.review({ kind: 'member', id: reg.id, decision: 'approve' }, 'staff1'))
      const need = await ok(
        api.party.postNeed(
          { requestId: nextRequestId('nd'), communityId: 'cm01', category: 'other', title: `需求${i}`, description: '帮忙搬运物资' },
          'staff1'
        )
      )
      // Sent together, in either order: each claim and each withdrawal runs on its own instance.
      const claim = () => api.party.claimNeed({ needId: need.id }, openid)
      const withdraw = () => api.party.withdraw({ reason: '工作调动' }, openid)
      const [claimed, withdrawn] =
        i % 2 === 0 ? await Promise.all([claim(), withdraw()]) : await Promise.all([withdraw(), claim()]).then(([w, c]) => [c, w] as const)
      expect(withdrawn.ok).toBe(true)
      const stored = store().get('partyNeeds', need.id)!
      const membership = store().get('partyMemberships', openid)!
      expect(membership.status).toBe('ended')
      // Whichever came first, the need is open again (or was never claimed), never held by the former member.
      expect(stored.status).toBe('open')
      expect(stored.claimerId).toBeNull()
      if (claimed.ok) expect((stored.history as unknown[]).at(-1)).toMatchObject({ to: 'open', why: '报到已结束，认领自动释放' })
    }
  })

  it('releases the needs of a member whose approval staff revoke, so none is left held by a non-member', async () => {
    const reg = await ok(
      api.party.registerMember(
        {
          requestId: nextRequestId('pm'),
          communityId: 'cm01',
          name: '党员甲',
          phone: '13812340003',
          branch: '机关党支部',
          workUnit: '江城市税务局',
          pledge: '为邻里办实事'
        },
        'stranger7'
      )
    )
    await ok(api.party.review({ kind: 'member', id: reg.id, decision: 'approve' }, 'staff1'))
    const need = await ok(
      api.party.postNeed(
        { requestId: nextRequestId('nd'), communityId: 'cm01', category: 'other', title: '搬运物资', description: '帮忙搬运物资' },
        'staff1'
      )
    )
    await ok(api.party.claimNeed({ needId: need.id }, 'stranger7'))
    await ok(api.party.review({ kind: 'member', id: reg.id, decision: 'reject', reason: '信息不实' }, 'staff1'))
    expect(store().get('partyNeeds', need.id)).toMatchObject({ status: 'open', claimerId: null })
    expect(store().get('partyMemberships', 'stranger7')).toMatchObject({ status: 'rejected' })
  })
})
