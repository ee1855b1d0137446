// What deleting an account erases, collection by collection. Each pillar lists here the personal fields
// it stores; ledgers and histories keep the openid (an opaque id) so balances still add up.
import type { CollectionName } from '../../config/database'

export interface EraseRule {
  collection: CollectionName
  /** The field holding the person's openid. */
  owner: string
  /** Fields set on every matching document. */
  set: Record<string, unknown>
}

export const ERASED_NAME = '已注销用户'

export const ERASE_RULES: EraseRule[] = [
  // Pillars add their rows here, e.g.
  // { collection: 'volunteers', owner: '_id', set: { realName: ERASED_NAME, phone: null, idCardMasked: null, idCardHash: null } },
]
