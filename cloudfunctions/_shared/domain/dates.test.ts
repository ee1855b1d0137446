import { isoOrNull } from './dates'

const at = new Date('2026-11-22T08:00:00Z')

test('isoOrNull copes with what the SDK hands back', () => {
  expect(isoOrNull(at)).toBe(at.toISOString())
  expect(isoOrNull(at.toISOString())).toBe(at.toISOString())
  expect(isoOrNull(null)).toBeNull()
  expect(isoOrNull('nonsense')).toBeNull()
})
