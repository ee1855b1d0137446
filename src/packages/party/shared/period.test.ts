import { currentYear, halfLabel, recentYears } from './period'
import { splitTags } from './text'

test('years and halves as people read them', () => {
  expect(currentYear(new Date('2026-12-31T16:30:00Z'))).toBe('2027')
  expect(recentYears(3, new Date('2026-11-22T08:00:00Z'))).toEqual(['2026', '2025', '2024'])
  expect(halfLabel('2026H2')).toBe('2026年下半年')
  expect(halfLabel('2027H1')).toBe('2027年上半年')
})

test('skills typed with any separator become tags', () => {
  expect(splitTags(' 法律咨询，书法、摄影 ;英语  ')).toEqual(['法律咨询', '书法', '摄影', '英语'])
  expect(splitTags('')).toEqual([])
})
