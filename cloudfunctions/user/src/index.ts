// user: sign-in, profile, elder mode, privacy consent, account deletion.
import { contract, type CommunityOption } from '../../../types'
import { personOf, type Caller } from '../../_shared/infra/auth'
import { _, db } from '../../_shared/infra/cloud'
import { coll, getAll, getDoc } from '../../_shared/infra/db'
import { fromPoint, type CommunityDoc, type CompoundDoc, type UserDoc } from '../../_shared/docs'
import { ERASE_RULES, ERASED_NAME } from '../../_shared/infra/erase'
import { invalid, precondition, unauthenticated } from '../../_shared/infra/errors'
import { createFunction, type Ctx } from '../../_shared/infra/router'
import { missingGrants, parseAdminGrants } from './domain/admins'
import { obligationMessage, type Obligations } from './domain/obligations'
import { toMe } from './me'

function signedIn(caller: Caller): UserDoc {
  if (!caller.user) throw unauthenticated()
  return caller.user
}

async function reload(openid: string): Promise<UserDoc> {
  const user = await getDoc<UserDoc>('users', openid)
  if (!user) throw unauthenticated()
  return user
}

const count = async (name: Parameters<typeof coll>[0], where: object) => ((await coll(name).where(where).count()) as { total: number }).total

async function openObligations(openid: string): Promise<Obligations> {
  const [claimedWishes, ownOpenWishes, claimedNeeds, pendingOrders, activeEnrolments] = await Promise.all([
    count('wishes', { claimerId: openid, status: 'claimed' }),
    // Their own wishes (a 代录 wish staff posted belongs to its beneficiary, not to the staff member).
    count('wishes', { 'beneficiary.ownerId': openid, status: _.in(['submitted', 'published', 'claimed', 'fulfilled']) }),
    count('partyNeeds', { claimerId: openid, status: 'claimed' }),
    count('redemptions', { openid, status: 'pending' }),
    count('enrollments', { openid, status: _.in(['enrolled', 'checkedIn']) })
  ])
  return { claimedWishes, ownOpenWishes, claimedNeeds, pendingOrders, activeEnrolments }
}

async function patch(ctx: Ctx, changes: Partial<UserDoc>) {
  const user = signedIn(ctx.caller)
  await coll('users').doc(user._id).update({ data: { ...changes, updatedAt: ctx.now } })
  return toMe(await reload(user._id))
}

export const main = createFunction('user', contract.user, {
  login: {
    allow: ['anyone'],
    async handler(input, { caller, now }) {
      const openid = personOf(caller)
      const configured = missingGrants(caller.user?.roles ?? [], parseAdminGrants(process.env.ADMIN_OPENIDS).get(openid))
      if (caller.user && !configured.length) return toMe(caller.user)
      if (caller.user) {
        await coll('users').doc(openid).update({ data: { roles: _.push(configured), updatedAt: now } })
        return toMe(await reload(openid))
      }
      const fresh: Omit<UserDoc, '_id'> = {
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
      await coll('users').doc(openid).set({ data: fresh })
      return toMe({ _id: openid, ...fresh })
    }
  },

  me: {
    allow: ['resident'],
    handler: async (_input, { caller }) => toMe(signedIn(caller))
  },

  updateProfile: {
    allow: ['resident'],
    async handler(input, ctx) {
      const changes: Partial<UserDoc> = {}
      if (input.nickName !== undefined) changes.nickName = input.nickName
      if (input.realName !== undefined) changes.realName = input.realName
      if (input.phone !== undefined) changes.phone = input.phone
      if (input.avatar !== undefined) changes.avatar = input.avatar || null
      if (input.communityId !== undefined) {
        if (!(await getDoc<CommunityDoc>('communities', input.communityId))) throw invalid('所选社区不存在')
        changes.communityId = input.communityId
        changes.compoundId = null
      }
      if (input.compoundId !== undefined) {
        const compound = await getDoc<CompoundDoc>('compounds', input.compoundId)
        const community = changes.communityId ?? ctx.caller.user?.communityId
        if (!compound || compound.communityId !== community) throw invalid('所选小区不属于该社区')
        changes.compoundId = input.compoundId
      }
      return patch(ctx, changes)
    }
  },

  setElderMode: {
    allow: ['resident'],
    handler: (input, ctx) => patch(ctx, { elderMode: input.on })
  },

  consent: {
    allow: ['resident'],
    handler: (input, ctx) => patch(ctx, { consent: { version: input.version, at: ctx.now } })
  },

  deleteAccount: {
    allow: ['resident'],
    async handler(_input, { caller, now }) {
      const user = signedIn(caller)
      const refusal = obligationMessage(await openObligations(user._id))
      if (refusal) throw precondition(refusal)
      for (const rule of ERASE_RULES) {
        await coll(rule.collection).where({ [rule.owner]: user._id }).update({ data: rule.set })
      }
      await coll('users')
        .doc(user._id)
        .update({ data: {
          nickName: ERASED_NAME,
          avatar: null,
          realName: null,
          phone: null,
          compoundId: null,
          roles: [],
          consent: null,
          // The local demo login page lists users by this label, which names the person.
          demo: _.remove(),
          deletedAt: now,
          updatedAt: now
        } })
      return { deleted: true as const }
    }
  },

  communities: {
    allow: ['anyone'],
    async handler(): Promise<CommunityOption[]> {
      const docs = await getAll<CommunityDoc>(db.collection('communities').orderBy('_id', 'asc'), 1000)
      return docs.map((c) => ({ id: c._id, name: c.name, streetId: c.streetId, center: fromPoint(c.center) }))
    }
  }
})
