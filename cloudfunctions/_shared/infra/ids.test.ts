import { createHash } from 'node:crypto'
import { assertSameRequest, fingerprintOf, opaqueId, REQUEST_REUSED, setIdKey } from './ids'

describe('fingerprintOf', () => {
  it('ignores key order and the request id', () => {
    expect(fingerprintOf({ a: 1, b: { c: [1, 2], d: 'x' }, requestId: 'r1' })).toBe(
      fingerprintOf({ requestId: 'r2', b: { d: 'x', c: [1, 2] }, a: 1 })
    )
  })

  it('tells different contents apart', () => {
    expect(fingerprintOf({ volunteerNo: 'V1', amount: 10 })).not.toBe(fingerprintOf({ volunteerNo: 'V2', amount: 10 }))
    expect(fingerprintOf({ amount: 10 })).not.toBe(fingerprintOf({ amount: '10' }))
    expect(fingerprintOf({ items: [1, 2] })).not.toBe(fingerprintOf({ items: [2, 1] }))
  })

  it('treats an absent field like an undefined one and dates by their instant', () => {
    expect(fingerprintOf({ a: 1, b: undefined })).toBe(fingerprintOf({ a: 1 }))
    expect(fingerprintOf({ at: new Date('2026-01-01T00:00:00Z') })).toBe(fingerprintOf({ at: new Date(Date.UTC(2026, 0, 1)) }))
  })
})

describe('assertSameRequest', () => {
  it('passes a retry and a document without a fingerprint, refuses another payload', () => {
    expect(() => assertSameRequest({ requestFingerprint: 'f1' }, 'f1')).not.toThrow()
    expect(() => assertSameRequest({}, 'f1')).not.toThrow()
    expect(() => assertSameRequest({ requestFingerprint: 'f1' }, undefined)).not.toThrow()
    expect(() => assertSameRequest({ requestFingerprint: 'f1' }, 'f2')).toThrow(REQUEST_REUSED)
  })
})

describe('opaqueId', () => {
  it('is deterministic under one key, and another key gives another id', () => {
    setIdKey('key-one')
    const id = opaqueId('od', 'openid-1', 'req-1')
    expect(id).toMatch(/^od_[0-9a-f]{24}$/)
    expect(opaqueId('od', 'openid-1', 'req-1')).toBe(id)
    expect(opaqueId('od', 'openid-1', 'req-2')).not.toBe(id)
    setIdKey('key-two')
    expect(opaqueId('od', 'openid-1', 'req-1')).not.toBe(id)
  })

  it('is not a plain hash of its parts', () => {
    setIdKey('key-one')
    const plain = createHash('sha256')
      .update(JSON.stringify(['openid-1']))
      .digest('hex')
      .slice(0, 24)
    expect(opaqueId('m', 'openid-1')).not.toBe(`m_${plain}`)
  })
})
