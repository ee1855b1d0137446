// Quick phrases: one tap puts a phrase in the field, joined naturally, never past the field's limit.
import { fireEvent, render, screen } from '@testing-library/react'
import { insertPhrase, QuickPhrases, THANKS_PHRASES } from '.'

test('insertPhrase joins with a comma unless the text already ends a sentence, and respects the limit', () => {
  expect(insertPhrase('', '谢谢您', 10)).toBe('谢谢您')
  expect(insertPhrase('东西收到了', '谢谢您', 10)).toBe('东西收到了，谢谢您')
  expect(insertPhrase('收到了。', '谢谢您', 10)).toBe('收到了。谢谢您')
  expect(insertPhrase('一二三四五六七八', '谢谢您', 10)).toBe('一二三四五六七八')
})

test('tapping a thanks phrase fills the thanks', () => {
  const onChange = jest.fn()
  render(<QuickPhrases phrases={THANKS_PHRASES} value="" max={300} onChange={onChange} />)
  fireEvent.click(screen.getByText('谢谢您，帮了我大忙！'))
  expect(onChange).toHaveBeenCalledWith('谢谢您，帮了我大忙！')
})
