// What deleting an account erases, collection by collection. Each pillar lists here the personal fields
// it stores; ledgers and histories keep the openid (an opaque id) so balances still add up.
import type { CollectionName } from '../../../config/database'

export interface EraseRule {
  collection: CollectionName
  /** The field holding the person's openid. */
  owner: string
  /** Fields set on every matching document. */
  set: Record<string, unknown>
}

export const ERASED_NAME = '已注销用户'

export const ERASE_RULES: EraseRule[] = [
  // A rider's registration with a street: name and phone (the registration ends with the account).
  { collection: 'riders', owner: 'openid', set: { name: ERASED_NAME, phone: '', status: 'rejected' } },
  // A grid worker's patrols keep their path (the grid's coverage) but not the worker's name.
  { collection: 'patrols', owner: 'openid', set: { workerName: ERASED_NAME } },
  {
    collection: 'volunteers',
    owner: '_id',
    set: { realName: ERASED_NAME, phone: null, idCardMasked: null, idCardHash: null, skills: [], boardOptIn: false }
  },
  // The ID number's claim is freed, so the number can register again.
  { collection: 'idCardClaims', owner: 'openid', set: { openid: null } },
  { collection: 'certificates', owner: 'openid', set: { realName: ERASED_NAME, idCardMasked: null } },
  { collection: 'merchants', owner: 'ownerId', set: { contactName: ERASED_NAME, contactPhone: null } },
  // A resident's own wishes (for themselves or their family): the beneficiary's name, contact and photos.
  {
    collection: 'wishes',
    owner: 'beneficiary.ownerId',
    set: {
      'beneficiary.name': ERASED_NAME,
      'beneficiary.display': '居民',
      'beneficiary.phone': null,
      'beneficiary.address': null,
      photos: [],
      privatePhotos: []
    }
  },
  // Party registrations: name, phone, skills and pledge; the registration ends (roles are cleared with the account).
  { collection: 'partyMembers', owner: 'openid', set: { name: ERASED_NAME, phone: '', skills: [], pledge: '', status: 'ended' } },
  { collection: 'partyMemberships', owner: '_id', set: { status: 'ended', pledge: '', branch: '' } },
  { collection: 'partyUnits', owner: 'adminId', set: { contactName: ERASED_NAME, contactPhone: '' } },
  {
    collection: 'partyNeeds',
    owner: 'claimant.id',
    set: { 'claimant.name': ERASED_NAME, 'claimant.pledge': null, 'claimant.branch': null }
  },
  // Grid reports: the reporter's name and phone (the report itself stays: the community's figures count it).
  {
    collection: 'reports',
    owner: 'reporterId',
    set: { 'reporter.name': ERASED_NAME, 'reporter.display': '居民', 'reporter.phone': null, showName: false, photos: [] }
  }
]

/** Collections whose documents about the person are removed whole on deletion: nothing in them outlives the account. */
export const ERASE_REMOVALS: Array<{ collection: CollectionName; owner: string }> = [
  // The person's message centre (消息): their notices, read or not.
  { collection: 'notices', owner: 'recipient' },
  // Their 我也遇到 and follows.
  { collection: 'reportFollows', owner: 'openid' }
]
