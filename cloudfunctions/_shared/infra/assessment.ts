// The ONE writer of party-member assessment entries (党员积分). Like the points ledger, an entry's _id is
// derived from its source (assessmentEntryId), so crediting the same source again — a retry, a concurrent
// request, a renewal in the same year — finds the entry written and changes nothing. Only a correction of
// its source (volunteer hours corrected by staff) replaces an entry.
import type { AssessmentEntryDoc } from '../domain/assessment'
import { getDoc, type Tx } from './db'
import { putTracked } from './rollups'

export interface CreditOptions {
  /** The source's amount was corrected: replace the entry written for it. */
  corrects?: boolean
}

/** Writes `entry` inside `tx` unless its source was credited already; answers whether it wrote. */
export async function credit(tx: Tx, entry: AssessmentEntryDoc, { corrects = false }: CreditOptions = {}): Promise<boolean> {
  if (!corrects && (await getDoc<AssessmentEntryDoc>('assessmentEntries', entry._id, tx))) return false
  await putTracked(tx, 'assessmentEntries', entry)
  return true
}
