import type { Certificate } from '@contract/schemas/volunteer'
import { certificateText, wrapText } from './certificate'

const cert: Certificate = {
  number: 'ZYJL-2026-ABCDEFGH12',
  realName: '李志强',
  idCardMasked: '1101**********002X',
  volunteerNo: 'ZY26000001',
  totalHours: 7.5,
  activityCount: 3,
  from: '2026-09-01T01:00:00.000Z',
  to: '2026-11-01T01:00:00.000Z',
  items: [
    {
      enrollmentId: 'e1',
      activityId: 'a1',
      title: '敬老院陪伴读报',
      content: '读报',
      organiser: '青枫社区',
      start: '2026-11-01T01:00:00.000Z',
      end: '2026-11-01T04:00:00.000Z',
      hours: 3,
      points: 30
    }
  ],
  issuer: '青枫社区志愿服务站',
  issuedAt: '2026-11-22T02:00:00.000Z'
}

describe('certificate wording', () => {
  it('states identity, period, count and hours, the lines, the issuer and the number', () => {
    const t = certificateText(cert)
    expect(t.opening).toBe(
      '兹证明李志强（身份证号 1101**********002X，志愿者编号 ZY26000001）于2026年9月1日至2026年11月1日期间参加志愿服务3次，累计服务时长7.5小时。服务记录如下：'
    )
    expect(t.items).toEqual(['2026年11月1日　敬老院陪伴读报（青枫社区）　3小时'])
    expect(t.closing).toBe('（以上为最近1次，其余从略）特此证明。')
    expect(t.issuer).toBe('青枫社区志愿服务站')
    expect(t.date).toBe('2026年11月22日')
    expect(t.number).toBe('证明编号：ZYJL-2026-ABCDEFGH12')
  })
  it('leaves out the ID card when none was given', () => {
    expect(certificateText({ ...cert, idCardMasked: null }).opening).toContain('兹证明李志强（志愿者编号 ZY26000001）')
  })
})

describe('wrapping for the picture', () => {
  it('breaks text at the width, keeping every character', () => {
    const lines = wrapText('一二三四五六七', 3, (s) => [...s].length)
    expect(lines).toEqual(['一二三', '四五六', '七'])
    expect(wrapText('', 3, (s) => s.length)).toEqual([])
  })
})
