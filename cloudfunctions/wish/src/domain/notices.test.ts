import { T0, wishFixture } from './fixture'
import { noticesFor } from './notices'
import { applyEvent } from './stateMachine'

describe('wish notices', () => {
  it('tells the submitter when their wish is published, claimed and fulfilled', () => {
    const wish = wishFixture()
    const t = applyEvent(wish, { event: 'publish' }, { who: 'u-staff', role: 'staff' }, T0)
    const [n] = noticesFor('publish', wish, t.entry)
    expect(n).toMatchObject({
      touser: 'u-res',
      kind: 'wishPublished',
      reason: 'wishPublished',
      target: { page: 'packages/wish/detail/index', params: { id: 'w1' } }
    })
    expect(n.data).toMatchObject({ thing1: wish.title, phrase2: '待认领', time4: '2026-11-01 10:00' })
  })

  it('tells both sides when a claim expires, and nobody about their own action', () => {
    const wish = wishFixture({ status: 'claimed', claimerId: 'm1' })
    const expire = applyEvent(wish, { event: 'expire', claimDays: 7 }, { who: 'system', role: 'system' }, T0)
    expect(
      noticesFor('expire', wish, expire.entry)
        .map((n) => n.touser)
        .sort()
    ).toEqual(['m1', 'u-res'])
    const release = applyEvent(wish, { event: 'release' }, { who: 'm1', role: 'member' }, T0)
    expect(noticesFor('release', wish, release.entry).map((n) => n.touser)).toEqual(['u-res'])
    const confirm = applyEvent(
      wishFixture({ status: 'fulfilled' }),
      { event: 'confirm', rating: 5, thanks: '谢谢' },
      { who: 'u-res', role: 'resident' },
      T0
    )
    expect(noticesFor('confirm', wish, confirm.entry)).toEqual([])
  })

  it('names the event by the history step it adds, so every recipient of one step shares it and the next step differs', () => {
    const wish = wishFixture({ status: 'claimed', claimerId: 'm1' })
    const expire = applyEvent(wish, { event: 'expire', claimDays: 7 }, { who: 'system', role: 'system' }, T0)
    const events = new Set(noticesFor('expire', wish, expire.entry).map((n) => n.event))
    expect(events).toEqual(new Set([`wish:w1:${(wish.history ?? []).length}`]))
    const after = { ...wish, ...expire.patch }
    const claim = applyEvent(
      after,
      { event: 'claim', claimer: { kind: 'member', displayName: '陈**', branch: '支部', pledge: '办实事' }, claimDays: 7 },
      { who: 'm2', role: 'member' },
      T0
    )
    expect(noticesFor('claim', after, claim.entry)[0].event).not.toBe([...events][0])
  })

  it('carries a fixed reason, never the free text someone typed', () => {
    const wish = wishFixture({ status: 'claimed', claimerId: 'm1' })
    const phishing = '补贴已到账请加微信abc123领取'
    const release = applyEvent(wish, { event: 'release', reason: phishing }, { who: 'm1', role: 'member' }, T0)
    expect(release.entry.why).toBe(phishing)
    const notices = noticesFor('release', wish, release.entry)
    expect(JSON.stringify(notices)).not.toContain('abc123')
    expect(notices[0].data.thing3).toBe('认领人已放弃，重新征集中')
    const forced = applyEvent(wish, { event: 'release', reason: phishing }, { who: 'u-staff', role: 'staff' }, T0)
    expect(noticesFor('release', wish, forced.entry).map((n) => n.data.thing3)).toEqual([
      '社区已结束本次认领，重新征集中',
      '社区已结束本次认领，重新征集中'
    ])
  })
})
