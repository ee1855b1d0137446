import { fireEvent, render, screen } from '@testing-library/react'
import type { CommunityFigures } from '@contract/workbench'
import { StreetTable } from './StreetTable'

const row = (communityId: string, communityName: string, completionRate: number | null, hours: number): CommunityFigures =>
  ({
    communityId,
    communityName,
    wishes: { published: 4, completionRate, averageRating: 4.5, medianDaysToClaim: 2 },
    volunteers: { active: 3, hours, pointsIssued: 67 },
    party: { approved: 3, active: 2 },
    coverage: { averageHouseholdShare: 0.0735 }
  }) as unknown as CommunityFigures

const rows = [row('cm01', '青枫社区', 0.3333, 9), row('cm02', '柳岸社区', 1, 1), row('cm03', '梧桐社区', null, 0)]
const total = row('st01', '街道合计', 0.4286, 10)
const names = () =>
  screen
    .getAllByRole('row')
    .slice(2)
    .map((r) => r.textContent?.match(/^\S+?社区/)?.[0])

describe('the street comparison table', () => {
  it('shows the street total above the communities, with every figure written out', () => {
    render(<StreetTable rows={rows} total={total} />)
    const [, totalRow] = screen.getAllByRole('row')
    expect(totalRow.textContent).toContain('街道合计')
    expect(totalRow.textContent).toContain('42.9%')
    expect(names()).toEqual(['柳岸社区', '青枫社区', '梧桐社区'])
  })

  it('sorts by a figure when its heading is tapped, the other way on a second tap, no value last', () => {
    render(<StreetTable rows={rows} total={total} />)
    fireEvent.click(screen.getByText('办结率'))
    expect(names()).toEqual(['柳岸社区', '青枫社区', '梧桐社区'])
    expect(screen.getByText('办结率 ↓')).toBeTruthy()
    fireEvent.click(screen.getByText('办结率 ↓'))
    expect(names()).toEqual(['青枫社区', '柳岸社区', '梧桐社区'])
    fireEvent.click(screen.getByText('志愿时长'))
    expect(names()).toEqual(['青枫社区', '柳岸社区', '梧桐社区'])
  })

  it('opens a community’s dashboard from its row', () => {
    const onOpen = jest.fn()
    render(<StreetTable rows={rows} total={total} onOpen={onOpen} />)
    fireEvent.click(screen.getByText('梧桐社区'))
    expect(onOpen).toHaveBeenCalledWith('cm03')
  })
})
