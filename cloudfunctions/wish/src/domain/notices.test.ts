import { T0, wishFixture } from './fixture'
import { noticesFor } from './notices'
import { applyEvent } from './stateMachine'

describe('wish notices', () => {
  it('tells the submitter when their wish is published, claimed and fulfilled', () => {
    const wish = wishFixture()
    const t = applyEvent(wish, { event: 'publish' }, { who: 'u-staff', role: 'staff' }, T0)
    const [n] = noticesFor('publish', wish, t.entry)
    expect(n).toMatchObject({ touser: 'u-res', template: 'wishPublished', page: 'packages/wish/detail/index?id=w1' })
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
})
