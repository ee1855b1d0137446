import { periodLabel } from './periods'

test('periods read as Chinese', () => {
  expect(periodLabel('2025H2')).toBe('2025年下半年')
  expect(periodLabel('2026H1')).toBe('2026年上半年')
  expect(periodLabel('2026-03')).toBe('2026年3月')
  expect(periodLabel('2025')).toBe('2025年')
  expect(periodLabel('其他')).toBe('其他')
})
