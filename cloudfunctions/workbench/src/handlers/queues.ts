// workbench.queues: what waits for the caller, with counts and the items waiting longest. Staff see their
// community's queues; a merchant sees the pickups pending at their shops; a street admin has no queue of
// their own (their work is the street comparison).
import type { CollectionName } from '../../../_shared/docs'
import type { Queue, QueueKind } from '../../../../types/workbench'
import { isStaffOf, staffCommunities } from '../../../_shared/infra/auth'
import { denied } from '../../../_shared/infra/errors'
import type { Handler } from '../../../_shared/infra/router'
import type { Match } from '../domain/plan'
import { MERCHANT_QUEUES, OLDEST_SHOWN, STAFF_QUEUES, oldestOf, orderQueues, queueItem } from '../domain/queues'
import { findCommunity, readQueue } from '../repo'

interface Source {
  collection: CollectionName
  where: Match
  /** The date the item waits since: the queue is read oldest first by it. */
  since: string
  /** The fields a card needs (nothing personal beyond what staff see in the queue's own page). */
  fields: string[]
  tag?: Record<string, unknown>
}

type Scope = { communityId: string } | { merchantIds: string[] }

function sourcesOf(kind: QueueKind, scope: Scope, now: Date): Source[] {
  if ('merchantIds' in scope) {
    return kind === 'pickups'
      ? [
          {
            collection: 'redemptions',
            where: { merchantId: { in: scope.merchantIds }, status: 'pending' },
            since: 'createdAt',
            fields: ['goodsName', 'quantity', 'createdAt']
          }
        ]
      : []
  }
  const communityId = scope.communityId
  switch (kind) {
    case 'wishReview':
      return [{ collection: 'wishes', where: { communityId, status: 'submitted' }, since: 'createdAt', fields: ['title', 'createdAt'] }]
    case 'overdueClaims':
      return [
        {
          collection: 'wishes',
          where: { communityId, status: 'claimed', claimDeadline: { lt: now } },
          since: 'claimDeadline',
          fields: ['title', 'claimer', 'claimDeadline']
        }
      ]
    case 'registrations':
      return [
        {
          collection: 'partyMembers',
          where: { communityId, status: 'pending' },
          since: 'createdAt',
          fields: ['name', 'workUnit', 'createdAt']
        },
        {
          collection: 'partyUnits',
          where: { communityId, status: 'pending' },
          since: 'createdAt',
          fields: ['name', 'createdAt'],
          tag: { kind: 'unit' }
        },
        {
          collection: 'volunteers',
          where: { communityId, status: 'pending' },
          since: 'createdAt',
          fields: ['realName', 'volunteerNo', 'createdAt'],
          tag: { kind: 'volunteer' }
        }
      ]
    case 'merchants':
      return [{ collection: 'merchants', where: { communityId, status: 'pending' }, since: 'appliedAt', fields: ['name', 'appliedAt'] }]
    case 'needs':
      return [
        {
          collection: 'partyNeeds',
          where: { communityId, status: 'completed' },
          since: 'updatedAt',
          fields: ['title', 'completion', 'updatedAt']
        }
      ]
    case 'hours':
      return [
        {
          collection: 'enrollments',
          where: { communityId, status: 'completed', missingCheckout: true },
          since: 'completedAt',
          fields: ['activityTitle', 'completedAt', 'updatedAt']
        }
      ]
    case 'approvals':
      return [
        {
          collection: 'pointsAdjustments',
          where: { communityId, status: 'pending' },
          since: 'requestedAt',
          fields: ['volunteerName', 'amount', 'requestedAt']
        },
        {
          collection: 'enrollments',
          where: { communityId, correctionPending: true },
          since: 'updatedAt',
          fields: ['activityTitle', 'updatedAt'],
          tag: { kind: 'hours' }
        }
      ]
    case 'pickups':
      return [
        {
          collection: 'redemptions',
          where: { communityId, status: 'pending' },
          since: 'createdAt',
          fields: ['goodsName', 'quantity', 'createdAt']
        }
      ]
  }
}

async function readSource(kind: QueueKind, s: Source) {
  const { count, docs } = await readQueue(s.collection, s.where, s.since, s.fields, OLDEST_SHOWN)
  return { count, items: docs.map((d) => queueItem(kind, { ...d, ...s.tag })) }
}

async function queueOf(kind: QueueKind, scope: Scope, now: Date): Promise<Queue> {
  const read = await Promise.all(sourcesOf(kind, scope, now).map((s) => readSource(kind, s)))
  return { kind, count: read.reduce((n, r) => n + r.count, 0), oldest: oldestOf(read.map((r) => r.items)) }
}

export const queues: Handler<'workbench', 'queues'> = async (input, { caller, now }) => {
  if (input.communityId && !isStaffOf(caller, input.communityId)) throw denied('只能查看本社区的待办')
  const communityId = input.communityId ?? staffCommunities(caller)[0] ?? null
  const merchantIds = [...new Set(caller.grants.filter((g) => g.role === 'merchant' && g.merchantId).map((g) => g.merchantId as string))]
  // A staff member's pickups queue covers their community; a merchant without a staff role sees their shops'.
  const plan: Array<[QueueKind, Scope]> = communityId
    ? STAFF_QUEUES.map((k) => [k, { communityId }])
    : merchantIds.length
      ? MERCHANT_QUEUES.map((k) => [k, { merchantIds }])
      : []
  const [community, list] = await Promise.all([
    communityId ? findCommunity(communityId) : null,
    Promise.all(plan.map(([kind, scope]) => queueOf(kind, scope, now)))
  ])
  return {
    communityId,
    communityName: community?.name ?? null,
    merchantIds: communityId ? [] : merchantIds,
    queues: orderQueues(list),
    asOf: now.toISOString()
  }
}
