import { chinaDateTime, isoOrNull } from './dates'

const at = new Date('2026-11-22T08:00:00Z')

test('isoOrNull copes with what the SDK hands back', () => {
  expect(isoOrNull(at)).toBe(at.toISOString())
  expect(isoOrNull(at.toISOString())).toBe(at.toISOString())
  expect(isoOrNull(null)).toBeNull()
  expect(isoOrNull('nonsense')).toBeNull()
})

test('chinaDateTime reads in China time, across the UTC date line', () => {
  expect(chinaDateTime(new Date('2026-12-03T11:00:00Z'))).toBe('12月3日 19:00')
  expect(chinaDateTime(new Date('2026-12-03T16:05:00Z'))).toBe('12月4日 00:05')
})
