import { CERTIFICATE_NUMBER } from '../../../../types/schemas/volunteer'
import { certificateNumber, issuerOf } from './certificate'

const record = { openid: 'o1', halfHours: 12, activityCount: 3, lastEnrollmentId: 'a1_o1' }
const day = new Date('2026-11-22T03:00:00Z')

describe('certificate number', () => {
  test('matches the published format', () => {
    expect(certificateNumber(record, day)).toMatch(CERTIFICATE_NUMBER)
    expect(certificateNumber(record, day).startsWith('ZYJL-2026-')).toBe(true)
  })
  test('the same record on the same day gives the same number; more service gives another', () => {
    expect(certificateNumber(record, new Date('2026-11-22T05:00:00Z'))).toBe(certificateNumber(record, day))
    expect(certificateNumber({ ...record, halfHours: 14, lastEnrollmentId: 'a2_o1' }, day)).not.toBe(certificateNumber(record, day))
    expect(certificateNumber({ ...record, openid: 'o2' }, day)).not.toBe(certificateNumber(record, day))
  })
  test('issuer is the community volunteer station', () => {
    expect(issuerOf('青枫社区')).toBe('青枫社区志愿服务站')
  })
})
