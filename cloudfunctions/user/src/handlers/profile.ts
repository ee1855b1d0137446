// Sign-in, the person's own profile, elder mode and privacy consent.
import { personOf, type Caller } from '../../../_shared/infra/auth'
import { invalid, unauthenticated } from '../../../_shared/infra/errors'
import { requireOwnFiles } from '../../../_shared/infra/files'
import type { Ctx, Handler } from '../../../_shared/infra/router'
import type { UserDoc } from '../docs'
import { missingGrants, parseAdminGrants } from '../domain/admins'
import { addGrants, createUser, findCommunity, findCompound, findUser, meFacts, updateUser } from '../repo'
import { toMe } from '../views'

export function signedIn(caller: Caller): UserDoc {
  if (!caller.user) throw unauthenticated()
  return caller.user
}

async function me(openid: string) {
  const user = await findUser(openid)
  if (!user) throw unauthenticated()
  return toMe(user, await meFacts(user))
}

async function patch(ctx: Ctx, changes: Partial<UserDoc>) {
  const user = signedIn(ctx.caller)
  await updateUser(user._id, { ...changes, updatedAt: ctx.now })
  return me(user._id)
}

export const login: Handler<'user', 'login'> = async (input, { caller, now }) => {
  const openid = personOf(caller)
  const configured = missingGrants(caller.user?.roles ?? [], parseAdminGrants(process.env.ADMIN_OPENIDS).get(openid))
  if (caller.user && !configured.length) return toMe(caller.user, await meFacts(caller.user))
  if (caller.user) {
    await addGrants(openid, configured, now)
    return me(openid)
  }
  const fresh: UserDoc = {
    _id: openid,
    nickName: input.nickName || `邻居${openid.slice(-4)}`,
    avatar: null,
    realName: null,
    phone: null,
    communityId: null,
    compoundId: null,
    roles: configured,
    elderMode: false,
    consent: null,
    createdAt: now,
    updatedAt: now,
    deletedAt: null
  }
  await createUser(fresh)
  return toMe(fresh, await meFacts(fresh))
}

export const myProfile: Handler<'user', 'me'> = async (_input, { caller }) => {
  const user = signedIn(caller)
  return toMe(user, await meFacts(user))
}

export const updateProfile: Handler<'user', 'updateProfile'> = async (input, ctx) => {
  const changes: Partial<UserDoc> = {}
  if (input.nickName !== undefined) changes.nickName = input.nickName
  if (input.realName !== undefined) changes.realName = input.realName
  if (input.phone !== undefined) changes.phone = input.phone
  if (input.avatar !== undefined) {
    requireOwnFiles([input.avatar], ctx.caller.openid, { path: 'avatar', kept: [ctx.caller.user?.avatar] })
    changes.avatar = input.avatar || null
  }
  if (input.communityId !== undefined) {
    if (!(await findCommunity(input.communityId))) throw invalid('所选社区不存在')
    changes.communityId = input.communityId
    changes.compoundId = null
  }
  if (input.compoundId !== undefined) {
    const compound = await findCompound(input.compoundId)
    const community = changes.communityId ?? ctx.caller.user?.communityId
    if (!compound || compound.communityId !== community) throw invalid('所选小区不属于该社区')
    changes.compoundId = input.compoundId
  }
  return patch(ctx, changes)
}

export const setElderMode: Handler<'user', 'setElderMode'> = (input, ctx) => patch(ctx, { elderMode: input.on })

export const consent: Handler<'user', 'consent'> = (input, ctx) => patch(ctx, { consent: { version: input.version, at: ctx.now } })
