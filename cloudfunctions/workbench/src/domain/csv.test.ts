import Papa from 'papaparse'
import { PHONE_PATTERN } from '../../../_shared/domain/masking'
import {
  cstMinute,
  gapLines,
  GAP_COLUMNS,
  memberLine,
  REGISTRATION_COLUMNS,
  SERVICE_COLUMNS,
  serviceLine,
  toCsv,
  unitLine,
  type Viewer
} from './csv'

const STAFF: Viewer = { staffOf: 'cm01' }
const STREET: Viewer = { staffOf: null }
const parse = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data

const member = {
  name: '陈建国',
  phone: '13912345678',
  workUnit: '江城市税务局',
  branch: '机关党支部',
  status: 'approved' as const,
  createdAt: new Date('2026-03-01T02:00:00Z'),
  approvedAt: new Date('2026-03-02T17:00:00Z'),
  renewedHalves: ['2026H1']
}
const unit = {
  name: '江城供电公司',
  org: '营销党支部',
  contactName: '刘德华',
  contactPhone: '13800001111',
  status: 'pending' as const,
  createdAt: new Date('2026-03-05T00:00:00Z'),
  approvedAt: null
}

describe('CSV reports', () => {
  it('writes UTF-8 with a BOM, CRLF lines and only the heading when there are no rows', () => {
    const csv = toCsv(REGISTRATION_COLUMNS, [])
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(parse(csv)).toEqual([REGISTRATION_COLUMNS.map(([h]) => h)])
  })

  it('shows staff the registrations as the party pillar does (full phone) and masks them for a street admin', () => {
    const staff = parse(toCsv(REGISTRATION_COLUMNS, [memberLine(member, STAFF), unitLine(unit, STAFF)]))
    expect(staff[1]).toEqual([
      '个人报到',
      '陈建国',
      '',
      '13912345678',
      '江城市税务局',
      '机关党支部',
      '已通过',
      '2026-03-01',
      '2026-03-03',
      '2026年上半年'
    ])
    expect(staff[2].slice(0, 4)).toEqual(['单位报到', '江城供电公司', '刘德华', '13800001111'])
    const street = toCsv(REGISTRATION_COLUMNS, [memberLine(member, STREET), unitLine(unit, STREET)])
    expect(street).not.toMatch(PHONE_PATTERN)
    expect(street).not.toContain('陈建国')
    expect(street).not.toContain('刘德华')
    expect(parse(street)[1].slice(1, 4)).toEqual(['陈**', '', '139****5678'])
  })

  it('shows a volunteer’s phone only to staff of the volunteer’s own community', () => {
    const record = {
      openid: 'v1',
      activityTitle: '敬老院陪伴读报',
      activityStart: new Date('2026-03-03T01:00:00Z'),
      checkInAt: new Date('2026-03-03T01:05:00Z'),
      checkOutAt: new Date('2026-03-03T03:00:00Z'),
      hours: 2,
      points: 20
    }
    const ours = { volunteerNo: 'ZY20260001', realName: '李志强', phone: '13700002222', communityId: 'cm01' }
    const theirs = { ...ours, communityId: 'cm02' }
    expect(serviceLine(record, ours, STAFF)).toMatchObject({ name: '李志强', phone: '13700002222', start: record.activityStart })
    expect(serviceLine(record, theirs, STAFF)).toMatchObject({ name: '李志强', phone: '137****2222' })
    expect(serviceLine(record, ours, STREET)).toMatchObject({ name: '李**', phone: '137****2222' })
    expect(
      parse(toCsv(SERVICE_COLUMNS, [serviceLine({ ...record, missingCheckout: true, corrections: [{}] }, ours, STAFF)]))[1].slice(4)
    ).toEqual(['2026-03-03', '2026-03-03 09:05', '2026-03-03 11:00', '2', '20', '未签退；时长已更正'])
  })

  it('defuses cells a spreadsheet would run as a formula', () => {
    const csv = toCsv(REGISTRATION_COLUMNS, [memberLine({ ...member, workUnit: '=HYPERLINK("x")' }, STAFF)])
    expect(parse(csv)[1][4]).toBe('\'=HYPERLINK("x")')
  })

  it('lists coverage gaps one compound per line with its category and households', () => {
    const lines = gapLines(
      [{ category: 'canteen', compoundIds: ['cp2', 'cp1'] }],
      new Map([['canteen', { name: '老年助餐点/社区食堂', tier: 10 }]]),
      new Map([
        ['cp1', { name: '幸福小区', households: 500 }],
        ['cp2', { name: '柳岸花园', households: 800 }]
      ])
    )
    expect(parse(toCsv(GAP_COLUMNS, lines)).slice(1)).toEqual([
      ['老年助餐点/社区食堂', '10', '柳岸花园', '800'],
      ['老年助餐点/社区食堂', '10', '幸福小区', '500']
    ])
  })

  it('writes times as China Standard Time', () => {
    expect(cstMinute(new Date('2026-02-28T16:00:00Z'))).toBe('2026-03-01 00:00')
    expect(cstMinute(null)).toBe('')
  })
})
