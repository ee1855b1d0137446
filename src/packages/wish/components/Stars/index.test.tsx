// Defect 7: a proper five-level scale, and the word on its own line (never squeezed beside the stars).
import { fireEvent, render, screen } from '@testing-library/react'
import { RATING_WORDS, Stars } from './index'

test('the five levels read as a satisfaction scale: two stars is not 一般', () => {
  expect(RATING_WORDS.slice(1)).toEqual(['非常不满意', '不满意', '一般', '满意', '非常满意'])
})

test('the word is outside the row of stars, on one line', () => {
  const change = jest.fn()
  const { container } = render(<Stars value={5} onChange={change} />)
  const word = screen.getByText('5星 · 非常满意')
  expect(word.className).toContain('wish-stars__word')
  expect(container.querySelector('.wish-stars__row')?.contains(word)).toBe(false)
  expect(container.querySelectorAll('.wish-stars__row [role="radio"]')).toHaveLength(5)
  fireEvent.click(screen.getByLabelText('2星 不满意'))
  expect(change).toHaveBeenCalledWith(2)
})
