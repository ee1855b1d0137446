import { PHONE_PATTERN } from '../../_shared/domain/masking'
import { T0, wishFixture } from './domain/fixture'
import { canSee, deliveryFor, publicDisplayName, toCard, toDetail, toMyWish, viewerOf, type DetailFacts } from './views'
import type { WishDoc } from './docs'

const handover = { handoverPoint: '青枫社区党群服务中心一楼服务台', phone: '0553-2123456', address: '青枫路1号' }
/** Delivery through the community: its hand-over point and phone, nothing of the family. */
const throughCommunity = {
  mode: 'handover',
  name: null,
  phone: null,
  address: null,
  handoverPoint: handover.handoverPoint,
  communityPhone: handover.phone
}
const facts = (over: Partial<DetailFacts> = {}): DetailFacts => ({
  openid: 'stranger',
  staff: false,
  communityName: '青枫社区',
  handover,
  eligibleToClaim: false,
  claimDays: 7,
  directContact: true,
  ...over
})

const childWish = (over: Partial<WishDoc> = {}) =>
  wishFixture(
    {
      proxy: true,
      submitterId: 'u-staff',
      photos: [],
      privatePhotos: ['cloud://env/users/u-staff/child.jpg'],
      guardian: { name: '刘红梅', relation: '母亲', phone: '13700001111', consentAt: T0, recordedBy: 'u-staff' },
      delivery: 'contact',
      status: 'claimed',
      claimerId: 'm1',
      claimer: { kind: 'member', displayName: '陈**', branch: '税务局机关党支部', pledge: '为邻里办实事' },
      fulfilment: { note: '书包已送到', photos: ['cloud://env/users/m1/bag.jpg'], at: T0 },
      ...over
    },
    { ownerId: null, name: '李小明', display: '李同学', phone: null, address: '阳光小区5栋', isChild: true }
  )

/** Every string anywhere in a value. */
const strings = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(strings) : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : []

function expectNothingPrivate(answer: unknown, wish: WishDoc) {
  for (const s of strings(answer)) {
    expect(s).not.toMatch(PHONE_PATTERN)
    expect(s).not.toContain(wish.beneficiary.name)
    if (wish.beneficiary.address) expect(s).not.toContain(wish.beneficiary.address)
    for (const p of wish.privatePhotos) expect(s).not.toBe(p)
    if (wish.beneficiary.isChild) for (const p of wish.fulfilment?.photos ?? []) expect(s).not.toBe(p)
  }
}

describe('public display names', () => {
  it('uses the surname with an appellation, or masks', () => {
    expect(publicDisplayName('张桂英', '奶奶', false)).toBe('张奶奶')
    expect(publicDisplayName('张桂英', undefined, false)).toBe('张**')
    expect(publicDisplayName('李小明', '同学', true)).toBe('李同学')
    expect(publicDisplayName('李小明', '奶奶', true)).toBe('李**')
  })
})

describe('what each viewer sees', () => {
  it('shows a stranger only public fields, even of a child wish with a claimer', () => {
    const wish = childWish()
    const answer = toDetail(wish, facts())
    expect(answer.viewer).toBe('public')
    expect(answer.private).toBeNull()
    expect(answer.delivery).toBeNull()
    expect(answer.photos).toEqual([])
    expect(answer.fulfilment).toBeNull()
    expect(answer.timeline.every((t) => t.why === undefined)).toBe(true)
    expect(answer.claimer).toEqual({ kind: 'member', displayName: '陈**', branch: '税务局机关党支部', pledge: '为邻里办实事' })
    expectNothingPrivate(answer, wish)
  })

  it('shows a stranger an adult wish with its photos but without phone or address', () => {
    const wish = wishFixture({ status: 'published', publishedAt: T0 })
    const answer = toDetail(wish, facts())
    expect(answer.photos).toEqual(wish.photos)
    expect(answer.beneficiaryDisplay).toBe('张奶奶')
    expectNothingPrivate(answer, wish)
    expectNothingPrivate(toCard(wish, '青枫社区'), wish)
    expectNothingPrivate(toMyWish(wish, '青枫社区', 'someone-else'), wish)
  })

  it('gives the claimer of a child’s wish only the community’s contact, never the guardian’s or the child’s', () => {
    const wish = childWish()
    const answer = toDetail(wish, facts({ openid: 'm1' }))
    expect(answer.viewer).toBe('claimer')
    expect(answer.delivery).toEqual(throughCommunity)
    expect(answer.private).toBeNull()
    expect(JSON.stringify(answer)).not.toContain('李小明')
    expect(JSON.stringify(answer)).not.toContain('刘红梅')
    expect(JSON.stringify(answer)).not.toContain('13700001111')
    expect(JSON.stringify(answer)).not.toContain('阳光小区5栋')
  })

  it('gives the beneficiary’s contact only to an approved member where the community allows it, never for a vulnerable resident', () => {
    const memberClaim = { status: 'claimed' as const, claimerId: 'm1' }
    const member = { kind: 'member' as const, displayName: '陈**', branch: null, pledge: null }
    const adult = wishFixture({ ...memberClaim, claimer: member })
    expect(toDetail(adult, facts({ openid: 'm1' })).delivery).toMatchObject({ mode: 'contact', phone: '13912345678' })
    expect(toDetail(adult, facts({ openid: 'm1', directContact: false })).delivery).toMatchObject({ mode: 'handover', phone: null })
    const volunteer = wishFixture({ ...memberClaim, claimer: { ...member, kind: 'volunteer' } })
    expect(toDetail(volunteer, facts({ openid: 'm1' })).delivery).toMatchObject({ mode: 'handover', phone: null, address: null })
    const vulnerable = wishFixture({ ...memberClaim, claimer: member }, { vulnerable: true })
    expect(toDetail(vulnerable, facts({ openid: 'm1' })).delivery).toMatchObject({ mode: 'handover', phone: null, address: null })
    expect(toDetail(vulnerable, facts({ openid: 's', staff: true })).delivery).toMatchObject({ mode: 'contact', phone: '13912345678' })
  })

  it('sends delivery to the community’s address when it has no hand-over point', () => {
    const wish = childWish()
    expect(deliveryFor(wish, { ...handover, handoverPoint: '' }, false)).toMatchObject({ mode: 'handover', handoverPoint: '青枫路1号' })
  })

  it('gives the claimer the hand-over point when the wish is delivered through the community', () => {
    const wish = wishFixture({ status: 'claimed', claimerId: 'm1', delivery: 'handover' })
    expect(deliveryFor(wish, handover, true)).toEqual(throughCommunity)
    expect(toDetail(wish, facts({ openid: 'm1' })).delivery?.mode).toBe('handover')
  })

  it('stops showing delivery details to a claimer whose claim ended', () => {
    const wish = wishFixture({ status: 'published', claimerId: null })
    expect(viewerOf(wish, { openid: 'm1', staff: false })).toBe('public')
    const confirmed = wishFixture({ status: 'confirmed', claimerId: 'm1' })
    expect(toDetail(confirmed, facts({ openid: 'm1' })).delivery).toBeNull()
  })

  it('gives staff of the community everything, and the owner their own data', () => {
    const wish = childWish()
    const staff = toDetail(wish, facts({ openid: 'u-staff2', staff: true }))
    expect(staff.private).toMatchObject({ beneficiaryName: '李小明', isChild: true, privatePhotos: wish.privatePhotos })
    expect(staff.delivery).not.toBeNull()
    const own = toDetail(wishFixture(), facts({ openid: 'u-res' }))
    expect(own.viewer).toBe('owner')
    expect(own.private?.phone).toBe('13912345678')
    expect(own.delivery).toBeNull()
  })

  it('hides unpublished wishes from the public', () => {
    for (const status of ['submitted', 'rejected', 'withdrawn'] as const) {
      const wish = wishFixture({ status })
      expect(canSee(wish, viewerOf(wish, { openid: 'x', staff: false }))).toBe(false)
      expect(canSee(wish, viewerOf(wish, { openid: 'u-res', staff: false }))).toBe(true)
    }
  })

  it('offers each person only the actions the state machine and their role allow', () => {
    const published = wishFixture({ status: 'published' })
    expect(toDetail(published, facts({ eligibleToClaim: true })).can).toEqual({
      claim: true,
      release: false,
      fulfil: false,
      confirm: false,
      withdraw: false,
      review: false
    })
    expect(toDetail(published, facts({ openid: 'u-res' })).can.withdraw).toBe(true)
    const fulfilled = wishFixture({ status: 'fulfilled', claimerId: 'm1' })
    expect(toDetail(fulfilled, facts({ openid: 'u-res' })).can.confirm).toBe(true)
    expect(toDetail(fulfilled, facts({ openid: 'm1' })).can.confirm).toBe(false)
    expect(toDetail(childWish({ status: 'fulfilled' }), facts({ openid: 'x', staff: true })).can.confirm).toBe(true)
    expect(toDetail(wishFixture({ status: 'claimed', claimerId: 'm1' }), facts({ openid: 'm1' })).can).toMatchObject({
      release: true,
      fulfil: true
    })
  })
})
