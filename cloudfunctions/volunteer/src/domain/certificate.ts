// The volunteer service-record certificate (志愿服务记录证明, 《志愿服务记录与证明出具办法》): a number that
// identifies exactly what it certifies (person, hours, activities), and the issuer.
import { createHash } from 'node:crypto'
import { assessmentPeriod } from '../../../_shared/domain/period'

const chinaDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10)

/** Crockford base32: no I, L, O or U, so a number read aloud or typed is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

export interface CertifiedRecord {
  openid: string
  halfHours: number
  activityCount: number
  /** The latest enrollment certified, so a new service gives a new certificate. */
  lastEnrollmentId: string | null
}

/**
 * ZYJL-<year>-<10 chars>. The same record on the same day gives the same number (a retried request issues
 * nothing new); the openid in the hash makes numbers unguessable.
 */
export function certificateNumber(r: CertifiedRecord, issuedAt: Date): string {
  const digest = createHash('sha256')
    .update([r.openid, r.halfHours, r.activityCount, r.lastEnrollmentId ?? '', chinaDay(issuedAt)].join('|'))
    .digest()
  let code = ''
  for (let i = 0; i < 10; i++) code += ALPHABET[digest[i] % 32]
  return `ZYJL-${assessmentPeriod(issuedAt)}-${code}`
}

export const issuerOf = (communityName: string) => `${communityName}志愿服务站`
