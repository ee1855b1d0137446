import Papa from 'papaparse'
import { DEFAULT_COMMUNITY_SETTINGS } from '../docs'
import type { MemberRegistrationDoc } from '../docs/party'
import { reportCsv, reportFilename, reportRow } from './assessmentReport'

const now = new Date('2026-11-22T08:00:00Z')
const names = { community: (id: string) => (id === 'cm01' ? '青枫社区' : id), grid: () => null }
const reg = {
  _id: 'pm-1',
  openid: 'o1',
  communityId: 'cm01',
  name: '陈建国',
  phone: '13800001234',
  unitId: 'u01',
  workUnit: '江城市税务局镜湖分局',
  branch: '=机关党支部',
  approvedAt: new Date('2026-03-01T16:30:00Z')
} as unknown as MemberRegistrationDoc
const ctx = { period: '2026', now, rules: DEFAULT_COMMUNITY_SETTINGS.assessment, names, fullAccess: false }

test('a row adds the member’s entries, masks the phone for a unit admin and caps the rating when not renewed', () => {
  const row = reportRow(
    {
      reg: { ...reg, renewedHalves: ['2026H1'] },
      sums: [
        { source: 'registration', points: 10, hours: 0, count: 1 },
        { source: 'hours', points: 52, hours: 52, count: 9 },
        { source: 'wish', points: 5, hours: 0, count: 1 }
      ],
      rating: 'qualified'
    },
    ctx
  )
  expect(row).toMatchObject({ phone: '138****1234', hours: 52, wishes: 1, needs: 0, points: 67, passed: true, renewedThisHalf: false })
  expect(row).toMatchObject({ rating: 'qualified', ratingLabel: '合格', maxRating: 'qualified', communityName: '青枫社区' })
  expect(reportRow({ reg: { ...reg, renewedHalves: [] }, sums: [], rating: null }, { ...ctx, fullAccess: true }).phone).toBe('13800001234')
})

test('the CSV starts with a BOM, has Chinese headers, CST dates, and defuses formulas', () => {
  const row = reportRow({ reg: { ...reg, renewedHalves: ['2026H1', '2026H2'] }, sums: [], rating: null }, ctx)
  const csv = reportCsv([row])
  expect(csv.charCodeAt(0)).toBe(0xfeff)
  const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data
  expect(parsed[0]).toEqual([
    '姓名',
    '手机号',
    '报到社区',
    '工作单位',
    '所在党支部',
    '报到通过日期',
    '已续报到半年度',
    '志愿服务时长(小时)',
    '认领心愿(个)',
    '完成需求(个)',
    '积分',
    '是否达标',
    '评定等次'
  ])
  expect(parsed[1]).toEqual([
    '陈建国',
    '138****1234',
    '青枫社区',
    '江城市税务局镜湖分局',
    "'=机关党支部",
    '2026-03-02',
    '2026年上半年、2026年下半年',
    '0',
    '0',
    '0',
    '0',
    '未达标',
    '未评定'
  ])
  expect(reportFilename('税务局', '2026')).toBe('税务局-2026年度党员双重考评.csv')
})
