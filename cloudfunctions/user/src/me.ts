// Building the `Me` answer from the stored user and what other pillars know of them.
import type { Me } from '../../../types'
import { getDoc } from '../../_shared/infra/db'
import type { CommunityDoc, StreetDoc, UserDoc } from '../../_shared/docs'
import { maskPhone } from '../../_shared/domain/masking'
import { PRIVACY_VERSION } from '../../../types/schemas/user'

interface MembershipDoc {
  _id: string
  status: string
  branch: string
  pledge: string
}

export async function toMe(user: UserDoc): Promise<Me> {
  const streetId = user.roles.find((r) => r.role === 'streetAdmin')?.streetId
  const [community, street, membership] = await Promise.all([
    user.communityId ? getDoc<CommunityDoc>('communities', user.communityId) : null,
    streetId ? getDoc<StreetDoc>('streets', streetId) : null,
    getDoc<MembershipDoc>('partyMemberships', user._id)
  ])
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
