// Volunteer numbers and resident ID cards. An ID number is never stored: only its masked form and a
// keyed hash (so a duplicate registration can be recognised without keeping the number).
import { createHmac } from 'node:crypto'
import { maskIdCard } from '../../../_shared/domain/masking'
import { assessmentPeriod } from '../../../_shared/domain/period'

/** ZY + two-digit year of registration + six-digit sequence, e.g. ZY26000123. */
export function volunteerNumber(registeredAt: Date, sequence: number): string {
  const year = assessmentPeriod(registeredAt).slice(2)
  return `ZY${year}${String(sequence % 1_000_000).padStart(6, '0')}`
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'

/** GB 11643-1999: 17 digits, a check character, and a plausible birth date. */
export function isValidIdCard(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0)
  if (CHECK_CHARS[sum % 11] !== id[17]) return false
  const [y, m, d] = [Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14))]
  const birth = new Date(Date.UTC(y, m - 1, d))
  return y >= 1900 && birth.getUTCMonth() === m - 1 && birth.getUTCDate() === d
}

export interface StoredIdCard {
  idCardMasked: string
  idCardHash: string
}

export function protectIdCard(id: string, key: string): StoredIdCard {
  return { idCardMasked: maskIdCard(id) as string, idCardHash: createHmac('sha256', key).update(`idcard|${id}`).digest('hex') }
}
