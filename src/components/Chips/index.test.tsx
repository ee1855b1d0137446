import { fireEvent, render, screen } from '@testing-library/react'
import { Chips } from './index'

const OPTIONS = [
  { value: 'upcoming', label: '即将开始' },
  { value: 'nearby', label: '附近' }
] as const

describe('Chips', () => {
  it('marks the chosen chips and reports taps', () => {
    const onToggle = jest.fn()
    render(<Chips options={OPTIONS} selected={['nearby']} onToggle={onToggle} />)
    expect(screen.getByText('附近').className).toContain('llt-chip--on')
    expect(screen.getByText('即将开始').className).not.toContain('llt-chip--on')
    fireEvent.click(screen.getByText('即将开始'))
    expect(onToggle).toHaveBeenCalledWith('upcoming')
  })
})
