import { formatFigure, waitingFor } from './format'

describe('dashboard figures as text', () => {
  it('writes each kind of figure, and a dash when there is nothing to measure', () => {
    expect(formatFigure(0.3333, 'rate')).toBe('33.3%')
    expect(formatFigure(9, 'hours')).toBe('9小时')
    expect(formatFigure(4.5, 'score')).toBe('4.5分')
    expect(formatFigure(2, 'days')).toBe('2天')
    expect(formatFigure(67, 'count')).toBe('67')
    expect(formatFigure(null, 'rate')).toBe('—')
  })

  it('says how long the oldest item has waited', () => {
    const now = new Date('2026-03-10T12:00:00Z')
    expect(waitingFor('2026-03-10T11:30:00Z', now)).toBe('刚刚')
    expect(waitingFor('2026-03-10T07:00:00Z', now)).toBe('已等待5小时')
    expect(waitingFor('2026-03-07T07:00:00Z', now)).toBe('已等待3天')
  })
})
