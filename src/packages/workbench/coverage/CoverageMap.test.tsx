import { fireEvent, render, screen } from '@testing-library/react'
import type { CategoryInfo, CompoundCoverage } from '@contract/schemas/lifeCircle'
import { CoverageMap } from './CoverageMap'

const categories: CategoryInfo[] = [
  { id: 'canteen', name: '老年助餐点/社区食堂', tier: 10, icon: '餐', radius: 500 },
  { id: 'clinic', name: '社区卫生服务站', tier: 15, icon: '医', radius: 1000 }
]
const compounds: CompoundCoverage[] = [
  { id: 'A', name: '枫林苑', communityId: 'cm01', households: 800, location: { lat: 31.335, lng: 118.375 }, missing: ['canteen'] },
  { id: 'B', name: '桂花里', communityId: 'cm01', households: 500, location: { lat: 31.338, lng: 118.379 }, missing: [] },
  { id: 'C', name: '东湖小区', communityId: 'cm02', households: 300, location: { lat: 31.331, lng: 118.371 }, missing: ['canteen', 'clinic'] }
]

describe('coverage gaps on the map (issue 19, maps)', () => {
  it('marks compounds with gaps red and covered ones green, per category, and names what a tapped one lacks', () => {
    const { container } = render(
      <CoverageMap compounds={compounds} categories={categories} communityNames={new Map([['cm02', '东湖社区']])} />
    )
    expect(screen.getByRole('img', { name: '小区覆盖缺口分布图' })).toBeTruthy()
    expect(container.querySelectorAll('.llt-map__marker--gap')).toHaveLength(2)
    expect(container.querySelectorAll('.llt-map__marker--covered')).toHaveLength(1)
    expect(screen.getByText('红点：步行范围内缺设施（2个小区）；绿点：已覆盖')).toBeTruthy()

    fireEvent.click(screen.getByText('社区卫生服务站'))
    expect(container.querySelectorAll('.llt-map__marker--gap')).toHaveLength(1)
    expect(screen.getByRole('button', { name: '东湖小区 · 有缺口' })).toBeTruthy()
    expect(screen.getByRole('button', { name: '枫林苑 · 已覆盖' })).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: '东湖小区 · 有缺口' }))
    expect(screen.getByRole('status').textContent).toBe('东湖社区 · 东湖小区（300户）步行范围内缺：老年助餐点/社区食堂、社区卫生服务站')
  })

  it('says so when the scope has no compounds', () => {
    render(<CoverageMap compounds={[]} categories={categories} />)
    expect(screen.getByText('该范围还没有登记小区。')).toBeTruthy()
  })
})
