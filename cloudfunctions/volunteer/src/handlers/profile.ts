// Volunteer registration and profile. Registering writes the profile and the volunteer role grant in one
// transaction; an ID number, if given, is kept only masked and as a keyed hash.
import { personOf, type Caller } from '../../../_shared/infra/auth'
import { conflict, invalid, notFound, precondition, unauthenticated } from '../../../_shared/infra/errors'
import type { Handler } from '../../../_shared/infra/router'
import type { VolunteerDoc } from '../docs'
import { isValidIdCard, protectIdCard, volunteerNumber, type StoredIdCard } from '../domain/identity'
import { claimIdCard, communityName, findUser, findVolunteer, idCardKey, registerVolunteer, transact, updateVolunteer } from '../repo'
import { toProfile } from '../views'

/** The caller's volunteer profile, or a refusal asking them to register first. */
export async function requireVolunteer(caller: Caller): Promise<VolunteerDoc> {
  const v = await findVolunteer(personOf(caller))
  if (!v) throw precondition('请先注册为志愿者')
  return v
}

/**
 * The one answer for an ID number that cannot be registered, whether its checksum is wrong or it is
 * registered to someone else: a different answer would tell a stranger whose number is on file.
 */
const ID_CARD_REFUSED = '身份证号不正确或无法登记，请核对；如有疑问请联系社区'
const idCardRefused = () => invalid(ID_CARD_REFUSED, { fields: [{ path: 'idCard', message: ID_CARD_REFUSED }] })

async function protectedIdCard(idCard: string | undefined): Promise<StoredIdCard | null> {
  if (!idCard) return null
  if (!isValidIdCard(idCard)) throw idCardRefused()
  return protectIdCard(idCard, await idCardKey())
}

export const register: Handler<'volunteer', 'register'> = async (input, { caller, now }) => {
  const openid = personOf(caller)
  const name = await communityName(input.communityId)
  if (!name) throw invalid('所选社区不存在')
  const idCard = await protectedIdCard(input.idCard)

  const doc = await transact(async (tx) => {
    if (await findVolunteer(openid, tx)) throw conflict('您已注册为志愿者')
    const user = await findUser(openid, tx)
    if (!user || user.deletedAt) throw unauthenticated()
    if (idCard && !(await claimIdCard(tx, idCard.idCardHash, openid, now))) throw idCardRefused()
    return registerVolunteer(
      tx,
      user,
      (sequence) => ({
        _id: openid,
        volunteerNo: volunteerNumber(now, sequence),
        realName: input.realName,
        phone: input.phone,
        communityId: input.communityId,
        skills: input.skills,
        idCardMasked: idCard?.idCardMasked ?? null,
        idCardHash: idCard?.idCardHash ?? null,
        boardOptIn: input.boardOptIn,
        consentAt: now,
        status: 'pending',
        reviews: [],
        halfHours: 0,
        activityCount: 0,
        lastEnrollmentId: null,
        firstServiceAt: null,
        lastServiceAt: null,
        createdAt: now,
        updatedAt: now
      }),
      now
    )
  })
  return toProfile(doc, name)
}

export const profile: Handler<'volunteer', 'profile'> = async (_input, { caller }) => {
  const v = await findVolunteer(personOf(caller))
  return v ? toProfile(v, await communityName(v.communityId)) : null
}

export const updateProfile: Handler<'volunteer', 'updateProfile'> = async (input, { caller, now }) => {
  const v = await requireVolunteer(caller)
  const changes: Partial<VolunteerDoc> = { updatedAt: now }
  if (input.phone !== undefined) changes.phone = input.phone
  if (input.skills !== undefined) changes.skills = input.skills
  if (input.boardOptIn !== undefined) changes.boardOptIn = input.boardOptIn
  await updateVolunteer(v._id, changes)
  const fresh = await findVolunteer(v._id)
  if (!fresh) throw notFound()
  return toProfile(fresh, await communityName(fresh.communityId))
}
