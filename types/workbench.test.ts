import { sortStreetRows, STREET_COLUMNS, type CommunityFigures } from './workbench'

const row = (communityId: string, communityName: string, completionRate: number | null, hours: number): CommunityFigures =>
  ({
    communityId,
    communityName,
    wishes: { published: 1, completionRate, averageRating: null, medianDaysToClaim: null },
    volunteers: { active: 1, hours, pointsIssued: 0 },
    party: { approved: 0, active: 0 },
    coverage: { averageHouseholdShare: 0.5 }
  }) as unknown as CommunityFigures

const rows = [
  row('cm01', '青枫社区', 0.5, 10),
  row('cm02', '柳岸社区', null, 30),
  row('cm03', '梧桐社区', 0.8, 10),
  row('cm04', '安澜社区', 0.5, 20)
]
const ids = (r: CommunityFigures[]) => r.map((x) => x.communityId)

describe('the street comparison sort', () => {
  it('sorts by a figure either way, communities without a value last, ties by community id', () => {
    expect(ids(sortStreetRows(rows, 'completionRate', 'desc'))).toEqual(['cm03', 'cm01', 'cm04', 'cm02'])
    expect(ids(sortStreetRows(rows, 'completionRate', 'asc'))).toEqual(['cm01', 'cm04', 'cm03', 'cm02'])
    expect(ids(sortStreetRows(rows, 'volunteerHours', 'desc'))).toEqual(['cm02', 'cm04', 'cm01', 'cm03'])
  })

  it('sorts by name in pinyin order and leaves the input untouched', () => {
    expect(ids(sortStreetRows(rows, 'communityName', 'asc'))).toEqual(['cm04', 'cm02', 'cm01', 'cm03'])
    expect(ids(rows)).toEqual(['cm01', 'cm02', 'cm03', 'cm04'])
  })

  it('has a unique key and a Chinese label for every column', () => {
    expect(new Set(STREET_COLUMNS.map((c) => c.key)).size).toBe(STREET_COLUMNS.length)
    for (const c of STREET_COLUMNS) expect(c.label).toMatch(/[\u4e00-\u9fa5]/)
  })
})
