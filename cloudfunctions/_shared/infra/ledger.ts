// The ONE module that changes a points balance. Inside the caller's transaction it reads
// `pointsAccounts/<openid>`, refuses a negative result, and writes the account together with an
// append-only `pointsLedger` entry whose _id is derived from its source (enrollment, order, request), so a
// retried or concurrent request finds the entry already written and changes nothing. The community's
// ledger rollup (the dashboards' points figures) changes with the entry, in the same transaction.
import type { LedgerKind } from '../../../types/enums'
import { nextTotals, type LedgerEntryDoc, type PointsAccountDoc, type Totals } from '../domain/ledgerRules'
import { getDoc, inTransaction, isTxConflict, putDoc, type Tx } from './db'
import { exhausted } from './errors'
import { assertSameRequest } from './ids'
import { ledgerDeltas } from '../domain/rollups'
import { readRollups, writeRollups, type ReadCell } from './rollups'

export * from '../domain/ledgerRules'

export interface Posting {
  id: string
  openid: string
  /** The holder's home community, used when the account is created. */
  homeCommunityId: string
  communityId: string
  kind: LedgerKind
  amount: number
  reason: string
  sourceId: string
  by?: string | null
  at: Date
  /** The request's payload fingerprint when the entry's id comes from a client request id (see ids.ts). */
  fingerprint?: string
}

export interface PostResult {
  /** False when the entry already existed (a retry): nothing was changed. */
  applied: boolean
  balance: number
  entry: LedgerEntryDoc
}

/** What `post` reads before it writes: a caller may read it alongside its own reads (`readPosting`). */
export interface ReadPosting {
  posting: Posting
  existing: LedgerEntryDoc | null
  account: PointsAccountDoc | null
  counters: ReadCell[]
}

/** The reads of `post` (the entry if written already, the account, the rollup counters), inside `tx`. */
export async function readPosting(tx: Tx, p: Posting): Promise<ReadPosting> {
  const [existing, account, counters] = await Promise.all([
    getDoc<LedgerEntryDoc>('pointsLedger', p.id, tx),
    getDoc<PointsAccountDoc>('pointsAccounts', p.openid, tx),
    readRollups(tx, ledgerDeltas(p), p.id)
  ])
  return { posting: p, existing, account, counters }
}

/** The writes of `post` after `readPosting` in the same `tx`; refuses a negative balance before writing. */
export async function applyPosting(tx: Tx, { posting: p, existing, account, counters }: ReadPosting): Promise<PostResult> {
  if (existing) {
    assertSameRequest(existing, p.fingerprint)
    return { applied: false, balance: account?.balance ?? 0, entry: existing }
  }
  const totals = nextTotals(account, p.kind, p.amount)
  const nextAccount: PointsAccountDoc = {
    _id: p.openid,
    communityId: account?.communityId ?? p.homeCommunityId,
    ...totals,
    createdAt: account?.createdAt ?? p.at,
    updatedAt: p.at
  }
  const entry: LedgerEntryDoc = {
    _id: p.id,
    openid: p.openid,
    communityId: p.communityId,
    kind: p.kind,
    amount: p.amount,
    balanceAfter: totals.balance,
    reason: p.reason,
    sourceId: p.sourceId,
    by: p.by ?? null,
    at: p.at,
    ...(p.fingerprint ? { requestFingerprint: p.fingerprint } : {})
  }
  await Promise.all([putDoc('pointsAccounts', nextAccount, tx), putDoc('pointsLedger', entry, tx), writeRollups(tx, counters)])
  return { applied: true, balance: totals.balance, entry }
}

/** Posts one entry inside `tx`. Call it only from within `inTransaction`. */
export async function post(tx: Tx, p: Posting): Promise<PostResult> {
  return applyPosting(tx, await readPosting(tx, p))
}

/** Reads a balance outside a transaction (0 for someone who never had points). */
export async function balanceOf(openid: string): Promise<Totals & { communityId: string | null }> {
  const account = await getDoc<PointsAccountDoc>('pointsAccounts', openid)
  return {
    balance: account?.balance ?? 0,
    earned: account?.earned ?? 0,
    spent: account?.spent ?? 0,
    communityId: account?.communityId ?? null
  }
}

export const BUSY_MESSAGE = '参与的人太多了，请稍后再试'

/**
 * `inTransaction` for the points and volunteer functions: when the retries are used up under heavy
 * contention the caller reads a sentence (RESOURCE_EXHAUSTED) instead of an internal error. `started`: a
 * transaction begun already (`startTransaction`), for the first attempt.
 */
export async function transact<T>(work: (tx: Tx) => Promise<T>, started?: Promise<Tx>): Promise<T> {
  try {
    return await inTransaction(work, { started })
  } catch (e) {
    if (isTxConflict(e)) throw exhausted(BUSY_MESSAGE)
    throw e
  }
}
