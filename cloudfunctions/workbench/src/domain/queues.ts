// The workbench queues: which queues a caller has, how an item is described, and their order. Pure.
import { QUEUE_KINDS, type Queue, type QueueItem, type QueueKind } from '../../../../types/workbench'

/** A staff member's queues, in their community. */
export const STAFF_QUEUES: readonly QueueKind[] = [
  'wishReview',
  'overdueClaims',
  'registrations',
  'merchants',
  'needs',
  'hours',
  'approvals',
  'pickups'
]
/** A merchant's queue, at their shops. */
export const MERCHANT_QUEUES: readonly QueueKind[] = ['pickups']

/** How many of the oldest items a queue card shows. */
export const OLDEST_SHOWN = 3

type Doc = Record<string, unknown> & { _id: string }
const str = (v: unknown) => (typeof v === 'string' ? v : '')
const isoOf = (v: unknown) => new Date(v instanceof Date || typeof v === 'string' || typeof v === 'number' ? v : 0).toISOString()

/** The few words a queue card shows for an item, and since when it waits. */
export function queueItem(kind: QueueKind, doc: Doc): QueueItem {
  switch (kind) {
    case 'wishReview':
      return { id: doc._id, title: str(doc.title), since: isoOf(doc.createdAt) }
    case 'overdueClaims': {
      const claimer = (doc.claimer as { displayName?: string } | null)?.displayName
      return { id: doc._id, title: claimer ? `${str(doc.title)}（${claimer}认领）` : str(doc.title), since: isoOf(doc.claimDeadline) }
    }
    case 'registrations':
      // A volunteer is named by their number: the document's id is an openid.
      if (doc.kind === 'volunteer')
        return { id: str(doc.volunteerNo), title: `${str(doc.realName)}（志愿者注册）`, since: isoOf(doc.createdAt) }
      return doc.kind === 'unit'
        ? { id: doc._id, title: `${str(doc.name)}（单位报到）`, since: isoOf(doc.createdAt) }
        : { id: doc._id, title: [str(doc.name), str(doc.workUnit)].filter(Boolean).join(' · '), since: isoOf(doc.createdAt) }
    case 'merchants':
      return { id: doc._id, title: str(doc.name), since: isoOf(doc.appliedAt) }
    case 'needs':
      return { id: doc._id, title: str(doc.title), since: isoOf((doc.completion as { at?: unknown } | null)?.at ?? doc.updatedAt) }
    case 'hours':
      return { id: doc._id, title: `${str(doc.activityTitle)}（未签退）`, since: isoOf(doc.completedAt ?? doc.updatedAt) }
    case 'approvals':
      return doc.kind === 'hours'
        ? { id: doc._id, title: `${str(doc.activityTitle)}（本人时长修改）`, since: isoOf(doc.updatedAt) }
        : {
            id: doc._id,
            title: `${str(doc.volunteerName)} ${Number(doc.amount) > 0 ? '+' : ''}${Number(doc.amount) || 0}分`,
            since: isoOf(doc.requestedAt)
          }
    case 'pickups':
      return { id: doc._id, title: `${str(doc.goodsName)} ×${Number(doc.quantity) || 1}`, since: isoOf(doc.createdAt) }
  }
}

const bySince = (a: QueueItem, b: QueueItem) => a.since.localeCompare(b.since) || a.id.localeCompare(b.id)

/** The oldest items of several lists (e.g. member and unit registrations), oldest first. */
export const oldestOf = (lists: ReadonlyArray<readonly QueueItem[]>, n = OLDEST_SHOWN): QueueItem[] =>
  lists.flat().sort(bySince).slice(0, n)

/**
 * Queues with work first, the one whose oldest item has waited longest at the top; empty queues after, in
 * the fixed order of QUEUE_KINDS, so a card never jumps around while there is nothing in it.
 */
export function orderQueues(queues: readonly Queue[]): Queue[] {
  const fixed = (q: Queue) => QUEUE_KINDS.indexOf(q.kind)
  return [...queues].sort((a, b) => {
    const wa = a.count > 0 && a.oldest.length > 0
    const wb = b.count > 0 && b.oldest.length > 0
    if (wa !== wb) return wa ? -1 : 1
    if (wa && wb) return bySince(a.oldest[0], b.oldest[0]) || fixed(a) - fixed(b)
    return fixed(a) - fixed(b)
  })
}
