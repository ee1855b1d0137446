import { formatDistance } from './distance'

test('meters below a kilometre, then kilometers with one decimal', () => {
  expect(formatDistance(349.6)).toBe('350米')
  expect(formatDistance(999)).toBe('999米')
  expect(formatDistance(1000)).toBe('1.0公里')
  expect(formatDistance(1530)).toBe('1.5公里')
  expect(formatDistance(1260)).toBe('1.3公里')
})

test('a step rounds short distances, never to zero', () => {
  expect(formatDistance(84, 10)).toBe('80米')
  expect(formatDistance(3, 10)).toBe('1米')
  expect(formatDistance(1234, 10)).toBe('1.2公里')
})
