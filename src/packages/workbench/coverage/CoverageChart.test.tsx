import { fireEvent, render, screen } from '@testing-library/react'
import type { CategoryInfo, CoverageCounts } from '@contract/schemas/lifeCircle'
import { CoverageChart } from './CoverageChart'
import { GapList } from './GapList'

const categories: CategoryInfo[] = [
  { id: 'canteen', name: '老年助餐点/社区食堂', tier: 10, icon: '餐', radius: 500 },
  { id: 'elderCare', name: '养老服务站/日间照料中心', tier: 10, icon: '老', radius: 500 }
]
const rows: CoverageCounts[] = [
  { category: 'canteen', compounds: 53, compoundsCovered: 20, households: 10000, householdsCovered: 3772, compoundShare: 0.3774, householdShare: 0.3772 },
  { category: 'elderCare', compounds: 53, compoundsCovered: 53, households: 10000, householdsCovered: 10000, compoundShare: 1, householdShare: 1 }
]

describe('coverage chart', () => {
  it('shows each category with its walk, both shares and a bar as wide as the share', () => {
    const { container } = render(<CoverageChart rows={rows} categories={categories} />)
    expect(screen.getByText('老年助餐点/社区食堂')).toBeTruthy()
    expect(screen.getAllByText('10分钟 · 500米内')).toHaveLength(2)
    expect(screen.getByText('37.7%（20/53个小区）')).toBeTruthy()
    expect(screen.getByText('37.7%（3772/10000户）')).toBeTruthy()
    const widths = Array.from(container.querySelectorAll<HTMLElement>('.wb-bar__fill')).map((el) => el.style.width)
    expect(widths).toEqual(['38%', '38%', '100%', '100%'])
  })

  it('lists the gaps, most households first, and unfolds long lists', () => {
    const compounds = Array.from({ length: 7 }, (_v, i) => ({ id: `c${i}`, name: `小区${i}`, communityName: '青枫社区', households: 700 - i * 100 }))
    render(<GapList gaps={[{ category: 'canteen', households: 2800, compounds }]} categories={categories} showCommunity />)
    expect(screen.getByText('7个小区、2800户步行范围内没有')).toBeTruthy()
    expect(screen.getByText('青枫社区 · 小区0')).toBeTruthy()
    expect(screen.queryByText('青枫社区 · 小区6')).toBeNull()
    fireEvent.click(screen.getByText('展开全部7个小区'))
    expect(screen.getByText('青枫社区 · 小区6')).toBeTruthy()
  })

  it('says so when every compound has everything', () => {
    render(<GapList gaps={[]} categories={categories} showCommunity={false} />)
    expect(screen.getByText('每个小区步行范围内都有各类设施。')).toBeTruthy()
  })
})
