// Finding 7 of issue 13: ids others can see leaked openids, and `party.memberCard { openid }` then handed a
// member's work unit, branch, grid and pledge to anyone (a merchant who read an openid off an order id).
// The card is now asked for by member (registration) id, for the member, their community's staff and
// their unit's admins only.
import { useLocalCloud } from '../support/cloud'
import { typedClient } from '../support/client'
import { fails, ok } from '../support/envelope'
import { castWorld, type Cast } from './support/world'

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
const lc = useLocalCloud({
  seed: (store) => {
    cast = castWorld(store, { members: 2, volunteers: 2, residents: 1, staff: 2, funding: () => 500 })
    store.insert('partyMembers', [registrationOf(cast.members[0])])
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
