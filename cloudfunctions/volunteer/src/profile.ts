// Volunteer registration and profile. Registering writes the profile and the volunteer role grant in one
// transaction; an ID number, if given, is kept only masked and as a keyed hash.
import type { RoleGrant } from '../../../types'
import type { ParsedOf } from '../../../types/contract'
import { contract } from '../../../types'
import type { VolunteerProfile } from '../../../types/schemas/volunteer'
import { personOf, type Caller } from '../../_shared/infra/auth'
import { coll, getDoc } from '../../_shared/infra/db'
import type { CommunityDoc, UserDoc } from '../../_shared/docs'
import { conflict, invalid, notFound, precondition, unauthenticated } from '../../_shared/infra/errors'
import { transact } from '../../_shared/infra/ledger'
import type { Ctx } from '../../_shared/infra/router'
import type { VolunteerDoc } from './docs'
import { isValidIdCard, protectIdCard, volunteerNumber, type StoredIdCard } from './domain/identity'
import { idCardKey } from './secrets'
import { toProfile } from './views'

type Input<A extends keyof typeof contract.volunteer> = ParsedOf<(typeof contract.volunteer)[A]>

const SEQUENCE = 'volunteerNo'

export async function communityName(id: string): Promise<string> {
  return (await getDoc<CommunityDoc>('communities', id))?.name ?? ''
}

/** The caller's volunteer profile, or a refusal asking them to register first. */
export async function requireVolunteer(caller: Caller): Promise<VolunteerDoc> {
  const v = await getDoc<VolunteerDoc>('volunteers', personOf(caller))
  if (!v) throw precondition('请先注册为志愿者')
  return v
}

const withGrant = (roles: RoleGrant[], grant: RoleGrant) =>
  roles.some((g) => g.role === grant.role && g.communityId === grant.communityId) ? roles : [...roles, grant]

async function protectedIdCard(openid: string, idCard: string | undefined): Promise<StoredIdCard | null> {
  if (!idCard) return null
  if (!isValidIdCard(idCard)) throw invalid('身份证号不正确，请核对', { fields: [{ path: 'idCard', message: '身份证号不正确，请核对' }] })
  const stored = protectIdCard(idCard, await idCardKey())
  const { data } = await coll('volunteers').where({ idCardHash: stored.idCardHash }).field({ _id: true }).limit(2).get()
  if ((data as { _id: string }[]).some((d) => d._id !== openid)) throw conflict('该身份证号已登记为其他志愿者')
  return stored
}

export async function register(input: Input<'register'>, { caller, now }: Ctx): Promise<VolunteerProfile> {
  const openid = personOf(caller)
  const name = await communityName(input.communityId)
  if (!name) throw invalid('所选社区不存在')
  const idCard = await protectedIdCard(openid, input.idCard)

  const doc = await transact(async (tx) => {
    if (await getDoc<VolunteerDoc>('volunteers', openid, tx)) throw conflict('您已注册为志愿者')
    const user = await getDoc<UserDoc>('users', openid, tx)
    if (!user || user.deletedAt) throw unauthenticated()
    const sequence = ((await getDoc<{ value: number }>('sequences', SEQUENCE, tx))?.value ?? 0) + 1
    const volunteer: Omit<VolunteerDoc, '_id'> = {
      volunteerNo: volunteerNumber(now, sequence),
      realName: input.realName,
      phone: input.phone,
      communityId: input.communityId,
      skills: input.skills,
      idCardMasked: idCard?.idCardMasked ?? null,
      idCardHash: idCard?.idCardHash ?? null,
      boardOptIn: input.boardOptIn,
      consentAt: now,
      halfHours: 0,
      activityCount: 0,
      lastEnrollmentId: null,
      firstServiceAt: null,
      lastServiceAt: null,
      createdAt: now,
      updatedAt: now
    }
    await coll('sequences', tx).doc(SEQUENCE).set({ data: { value: sequence } })
    await coll('volunteers', tx).doc(openid).set({ data: volunteer })
    const roles = withGrant(user.roles ?? [], { role: 'volunteer', communityId: input.communityId })
    await coll('users', tx).doc(openid).update({ data: { roles, updatedAt: now } })
    return { _id: openid, ...volunteer }
  })
  return toProfile(doc, name)
}

export async function profile(caller: Caller): Promise<VolunteerProfile | null> {
  const v = await getDoc<VolunteerDoc>('volunteers', personOf(caller))
  return v ? toProfile(v, await communityName(v.communityId)) : null
}

export async function updateProfile(input: Input<'updateProfile'>, { caller, now }: Ctx): Promise<VolunteerProfile> {
  const v = await requireVolunteer(caller)
  const changes: Partial<VolunteerDoc> = { updatedAt: now }
  if (input.phone !== undefined) changes.phone = input.phone
  if (input.skills !== undefined) changes.skills = input.skills
  if (input.boardOptIn !== undefined) changes.boardOptIn = input.boardOptIn
  await coll('volunteers').doc(v._id).update({ data: changes })
  const fresh = await getDoc<VolunteerDoc>('volunteers', v._id)
  if (!fresh) throw notFound()
  return toProfile(fresh, await communityName(fresh.communityId))
}
