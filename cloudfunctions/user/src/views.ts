// The stored user → the `Me` answer. The phone is shown masked, even to its owner.
import type { Me } from '../../../types'
import { PRIVACY_VERSION, type NoticeView } from '../../../types/schemas/user'
import { maskPhone } from '../../_shared/domain/masking'
import type { CommunityDoc, MembershipDoc, NoticeDoc, StreetDoc, UserDoc } from './docs'

export interface MeFacts {
  community: CommunityDoc | null
  street: StreetDoc | null
  membership: MembershipDoc | null
}

export function toMe(user: UserDoc, { community, street, membership }: MeFacts): Me {
  const consentVersion = user.consent?.version ?? null
  return {
    openid: user._id,
    nickName: user.nickName,
    avatar: user.avatar ?? null,
    realName: user.realName ?? null,
    phone: maskPhone(user.phone),
    communityId: user.communityId ?? null,
    communityName: community?.name ?? null,
    streetName: street?.name ?? null,
    compoundId: user.compoundId ?? null,
    roles: user.roles,
    elderMode: Boolean(user.elderMode),
    consentVersion,
    needsConsent: consentVersion !== PRIVACY_VERSION,
    isStaff: user.roles.some((r) => r.role === 'staff' || r.role === 'streetAdmin'),
    badge: membership?.status === 'approved' ? { branch: membership.branch, pledge: membership.pledge } : null
  }
}

export const toNoticeView = (n: NoticeDoc): NoticeView => ({
  id: n._id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  target: n.target,
  createdAt: new Date(n.createdAt).toISOString(),
  readAt: n.readAt ? new Date(n.readAt).toISOString() : null
})
