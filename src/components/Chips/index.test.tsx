import { fireEvent, render, screen } from '@testing-library/react'
import { Chips } from './index'

const OPTIONS = [
  { value: 'upcoming', label: '即将开始' },
  { value: 'nearby', label: '附近' },
  { value: 'full', label: '已满', disabled: true }
] as const

type Value = (typeof OPTIONS)[number]['value']

describe('Chips', () => {
  it('marks the chosen chip and reports taps on the others', () => {
    const onChange = jest.fn()
    render(<Chips label="范围" options={OPTIONS} value={'nearby' as Value} onChange={onChange} />)
    expect(screen.getByRole('radiogroup', { name: '范围' })).toBeTruthy()
    expect(screen.getByText('附近').className).toContain('llt-chip--on')
    expect(screen.getByText('即将开始').className).not.toContain('llt-chip--on')
    fireEvent.click(screen.getByText('附近'))
    fireEvent.click(screen.getByText('已满'))
    expect(onChange).not.toHaveBeenCalled()
    fireEvent.click(screen.getByText('即将开始'))
    expect(onChange).toHaveBeenCalledWith('upcoming')
  })

  it('chooses several with `multiple`: a tap adds or removes one', () => {
    const onChange = jest.fn()
    render(<Chips multiple options={OPTIONS} value={['nearby'] as Value[]} onChange={onChange} />)
    expect(screen.getAllByRole('checkbox').map((c) => c.getAttribute('aria-checked'))).toEqual(['false', 'true', 'false'])
    fireEvent.click(screen.getByText('即将开始'))
    expect(onChange).toHaveBeenLastCalledWith(['nearby', 'upcoming'])
    fireEvent.click(screen.getByText('附近'))
    expect(onChange).toHaveBeenLastCalledWith([])
  })
})
