import { render, screen } from '@testing-library/react'
import { Chart, linePositions } from '.'

describe('Chart', () => {
  it('draws bars in proportion to the largest, with the part inside and every value written out', () => {
    const { container } = render(
      <Chart
        kind="bars"
        title="各类心愿"
        legend={['发布', '办结']}
        data={[
          { label: '物资', value: 8, part: 2 },
          { label: '服务', value: 4, part: 4 },
          { label: '陪伴', value: 0 }
        ]}
      />
    )
    const bars = Array.from(container.querySelectorAll<HTMLElement>('.llt-chart__bar')).map((b) => b.style.width)
    expect(bars).toEqual(['100%', '50%', '0%'])
    const parts = Array.from(container.querySelectorAll<HTMLElement>('.llt-chart__part')).map((b) => b.style.width)
    expect(parts).toEqual(['25%', '100%'])
    expect(screen.getByRole('listitem', { name: '物资 8' })).toBeTruthy()
    expect(screen.getByText('办结')).toBeTruthy()
  })

  it('takes a fixed maximum and a format for shares', () => {
    const { container } = render(
      <Chart kind="bars" max={1} format={(v) => `${Math.round(v * 100)}%`} data={[{ label: '便利店', value: 0.625 }]} />
    )
    expect(container.querySelector<HTMLElement>('.llt-chart__bar')!.style.width).toBe('62.5%')
    expect(screen.getByText('63%')).toBeTruthy()
  })

  it('draws a line through the months with a dot and a label at every point', () => {
    const { container } = render(
      <Chart
        kind="line"
        title="每月发布"
        data={[
          { label: '1月', value: 2 },
          { label: '2月', value: 4 },
          { label: '3月', value: 0 }
        ]}
      />
    )
    const dots = Array.from(container.querySelectorAll<HTMLElement>('.llt-chart__point')).map((p) => [p.style.left, p.style.top])
    // The highest point at 85% of the height (room for its label); zero on the axis.
    expect(dots).toEqual([
      ['16.67%', '57.5%'],
      ['50%', '15%'],
      ['83.33%', '100%']
    ])
    expect(container.querySelectorAll('.llt-chart__segment')).toHaveLength(2)
    expect(screen.getByRole('img', { name: '每月发布 1月2，2月4，3月0' })).toBeTruthy()
    for (const t of ['1月', '2月', '3月']) expect(screen.getByText(t)).toBeTruthy()
  })

  it('keeps an all-zero line on the axis and says when there is nothing to draw', () => {
    expect(linePositions([0, 0])).toEqual([
      { x: 25, y: 100 },
      { x: 75, y: 100 }
    ])
    render(<Chart kind="line" data={[]} />)
    expect(screen.getByText('暂无数据')).toBeTruthy()
  })
})
