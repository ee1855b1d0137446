import { formatDistance, formatShare, formatWalk } from './format'

test('distances, walks and shares read naturally', () => {
  expect(formatDistance(3)).toBe('10米内')
  expect(formatDistance(86.4)).toBe('86米')
  expect(formatDistance(999)).toBe('999米')
  expect(formatDistance(1000)).toBe('1.0公里')
  expect(formatDistance(1260)).toBe('1.3公里')
  expect(formatWalk(300, 5)).toBe('300米 · 步行约5分钟')
  expect(formatShare(0.3772)).toBe('37.7%')
  expect(formatShare(1)).toBe('100.0%')
  expect(formatShare(0)).toBe('0.0%')
})
