import { dayjs } from '@/utils/date'
import { defaultDraft, toActivityInput } from './draft'

describe('the 发布活动 defaults', () => {
  it.each(['2026-03-10 00:05', '2026-03-10 12:00', '2026-03-10 20:30', '2026-03-10 23:59'])(
    'close sign-up after the form is opened and before the start (opened %s)',
    (opened) => {
      const now = dayjs(opened)
      const input = toActivityInput(defaultDraft(now), 'cm01', 'r1')
      expect(dayjs(input.enrollDeadline).isAfter(now)).toBe(true)
      expect(dayjs(input.enrollDeadline).isBefore(dayjs(input.start))).toBe(true)
      expect(dayjs(input.start).format('YYYY-MM-DD HH:mm')).toBe(now.add(1, 'day').format('YYYY-MM-DD') + ' 09:00')
      expect(dayjs(input.start).diff(dayjs(input.enrollDeadline), 'minute')).toBe(60)
    }
  )
})
