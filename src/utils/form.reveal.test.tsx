// Defect 12: a form's messages sit under their fields, and the first one is brought into view.
import { render } from '@testing-library/react'
import { Field } from '@/components/Field'
import { revealFirstError } from './form'

test('brings the first field with a message into view, and does nothing without messages', async () => {
  const scrolled: Element[] = []
  const original = Element.prototype.scrollIntoView
  Element.prototype.scrollIntoView = function (this: Element) {
    scrolled.push(this)
  }
  try {
    render(
      <>
        <Field label="标题" required>
          <input />
        </Field>
        <Field label="描述" required error="请填写描述">
          <input />
        </Field>
        <Field label="价值" error="价值请填写整数">
          <input />
        </Field>
      </>
    )
    expect(revealFirstError({})).toEqual({})
    const errors = { story: '请填写描述', value: '价值请填写整数' }
    expect(revealFirstError(errors)).toBe(errors)
    await new Promise((resolve) => setTimeout(resolve, 80))
    expect(scrolled).toHaveLength(1)
    expect(scrolled[0].textContent).toContain('请填写描述')
  } finally {
    Element.prototype.scrollIntoView = original
  }
})
