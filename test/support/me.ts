// A signed-in person as user.me returns them, for tests of the app: a resident of 青枫社区 who has not
// consented yet, changed by `patch`.
import type { Output } from './client'

type Me = Output<'user', 'me'>

export function makeMe(patch: Partial<Me> = {}): Me {
  return {
    openid: 'demo-resident',
    nickName: '王秀英',
    avatar: null,
    realName: null,
    phone: '138****5678',
    communityId: 'c01',
    communityName: '青枫社区',
    streetName: null,
    compoundId: null,
    roles: [],
    elderMode: false,
    consentVersion: null,
    needsConsent: true,
    isStaff: false,
    badge: null,
    ...patch
  }
}
