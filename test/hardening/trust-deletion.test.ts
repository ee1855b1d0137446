// Finding 6 of issue 13: `user.deleteAccount` beside `points.redeem` or `wish.claim` deleted an account that
// kept a pending order or a claim, and signing in again resurrected a half-deleted, stuck account. Now the
// account is marked `deleting` in a transaction first and every action that creates an obligation reads
// that mark inside its own transaction (_shared/infra/account.ts): however the two race, the account is
// never both deleted and holding what the other call created.
import { typedClient } from '../support/client'
import { useLocalCloud } from '../support/cloud'
import { ok } from '../support/envelope'
import { IDS, useKeptWorld } from './support/matrixWorld'
import { fundingDocs, grants, membershipDoc, userDoc, volunteerDoc } from './support/world'

const lc = useLocalCloud({ instancesPerFunction: 2 })
const api = typedClient(lc)
const kept = useKeptWorld(lc)
const store = () => lc.cloud.store

const ROUNDS = 12
let serial = 0

/** A fresh matrix world with a new person `openid` (no obligations) of cm01. */
function freshWorldWith(prefix: string): string {
  kept.touched()
  kept.fresh()
  kept.touched()
  return `${prefix}${++serial}`
}

/** A new party member who may claim wPublished. */
function freshMember(): string {
  const openid = freshWorldWith('hz-race-m')
  store().insert('users', [userDoc(openid, '钱多多', [grants.member()])])
  store().insert('partyMemberships', [membershipDoc(openid)])
  return openid
}

/** A new volunteer with 500 points who may redeem gA. */
function freshVolunteer(): string {
  const openid = freshWorldWith('hz-race-v')
  const funding = fundingDocs(openid, 500)
  store().insert('users', [userDoc(openid, '孙悦', [grants.volunteer()])])
  store().insert('volunteers', [volunteerDoc(openid, '孙悦', 900 + serial)])
  store().insert('pointsLedger', [funding.entry])
  store().insert('pointsAccounts', [funding.account])
  return openid
}

/** Deletion started `i` steps later in round `i`, so the rounds cover both orders and the overlaps between. */
const later = <T>(i: number, call: () => Promise<T>) => new Promise<T>((resolve) => setTimeout(() => resolve(call()), i * 4))

const deletedIn = (openid: string) => Boolean((store().get('users', openid) as { deletedAt?: unknown } | null)?.deletedAt)

interface Race {
  person: () => string
  action: (openid: string) => Promise<{ ok: boolean }>
  /** How many obligations the action left the person holding. */
  holds: (openid: string) => number
}

const RACES: Record<string, Race> = {
  'wish.claim': {
    person: freshMember,
    action: (openid) => api.wish.claim({ wishId: IDS.wish.published }, openid),
    holds: (openid) => store().count('wishes', { claimerId: openid, status: 'claimed' })
  },
  'points.redeem': {
    person: freshVolunteer,
    action: (openid) => api.points.redeem({ goodsId: IDS.goods, quantity: 1, requestId: `hz-race-req-${serial}` }, openid),
    holds: (openid) => store().count('redemptions', { openid, status: 'pending' })
  }
}

describe('deletion and the actions it must wait for never interleave', () => {
  test.each(Object.keys(RACES))(`deleteAccount racing %s, ${ROUNDS} times`, async (name) => {
    const race = RACES[name]
    const outcomes: string[] = []
    for (let i = 0; i < ROUNDS; i++) {
      const openid = race.person()
      const [deleted, acted] = await Promise.all([later(i, () => api.user.deleteAccount({ confirm: '注销' }, openid)), race.action(openid)])
      outcomes.push(`${deleted.ok ? 'deleted' : 'kept'}/${acted.ok ? 'acted' : 'refused'}`)
      expect(deleted.ok && acted.ok).toBe(false)
      expect(deletedIn(openid) && race.holds(openid) > 0).toBe(false)
      expect(store().get('users', openid)?.deleting ?? null).toBeNull()
    }
    console.log(`${name} races: ${outcomes.join(', ')}`)
  })

  test('while the account is being deleted (a crash after the mark), obligations are refused; deleting again finishes', async () => {
    const openid = freshMember()
    store().update('users', { _id: openid }, { $set: { deleting: new Date() } })
    const claim = await api.wish.claim({ wishId: IDS.wish.published }, openid)
    expect(claim).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION', message: expect.stringMatching(/正在注销/) } })
    await ok(api.user.deleteAccount({ confirm: '注销' }, openid))
    expect(store().get('users', openid)).toMatchObject({ deleting: null, deletedAt: expect.any(Date) })
  })

  test('signing in after deletion starts a clean account: no old roles or personal data', async () => {
    const openid = freshVolunteer()
    await ok(api.user.deleteAccount({ confirm: '注销' }, openid))
    const me = await ok(api.user.login({}, openid))
    expect(me).toMatchObject({ openid, roles: [], realName: null, phone: null, communityId: null })
    const doc = store().get('users', openid)
    expect(doc).toMatchObject({ roles: [], realName: null, phone: null, deletedAt: null })
    expect(doc).not.toHaveProperty('deleting', expect.anything())
    // The old volunteer role is gone: volunteer actions are refused as for anyone without it.
    expect(await api.points.redeem({ goodsId: IDS.goods, quantity: 1, requestId: `hz-race-req-${serial}-again` }, openid)).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_DENIED' }
    })
  })
})
