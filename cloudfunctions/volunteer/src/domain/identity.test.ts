import { isValidIdCard, protectIdCard, volunteerNumber } from './identity'

describe('volunteer number', () => {
  test('ZY + year (China time) + six digits', () => {
    expect(volunteerNumber(new Date('2026-11-22T08:00:00Z'), 123)).toBe('ZY26000123')
    // 31 Dec 2026 20:00 UTC is already 2027 in China.
    expect(volunteerNumber(new Date('2026-12-31T20:00:00Z'), 1)).toBe('ZY27000001')
  })
})

describe('ID card', () => {
  test('checksum and birth date are verified', () => {
    expect(isValidIdCard('11010519491231002X')).toBe(true)
    expect(isValidIdCard('110105194912310021')).toBe(false)
    expect(isValidIdCard('110105194913310023')).toBe(false)
    expect(isValidIdCard('1101051949123100')).toBe(false)
  })

  test('only the masked form and a keyed hash are kept', () => {
    const stored = protectIdCard('11010519491231002X', 'key-1')
    expect(stored.idCardMasked).toBe('1101**********002X')
    expect(stored.idCardHash).toMatch(/^[0-9a-f]{64}$/)
    expect(JSON.stringify(stored)).not.toContain('19491231')
    expect(protectIdCard('11010519491231002X', 'key-2').idCardHash).not.toBe(stored.idCardHash)
  })
})
