import { fireEvent, render, screen } from '@testing-library/react'
import { Field, TextArea, TextInput } from '.'

describe('Field', () => {
  it('shows the label, a required mark and the hint', () => {
    const { container } = render(
      <Field label="心愿标题" required hint="写清楚想要什么">
        <span>控件</span>
      </Field>
    )
    expect(screen.getByText('心愿标题')).toBeTruthy()
    expect(screen.getByText('*')).toBeTruthy()
    expect(screen.getByText('写清楚想要什么')).toBeTruthy()
    expect(screen.getByText('控件')).toBeTruthy()
    expect(container.querySelector('.llt-field--error')).toBeNull()
  })

  it('shows the message instead of the hint when the field is refused', () => {
    const { container } = render(
      <Field label="手机号" hint="只有社区工作人员能看到" error="请填写正确的11位手机号">
        <span />
      </Field>
    )
    expect(screen.getByRole('alert').textContent).toBe('请填写正确的11位手机号')
    expect(screen.queryByText('只有社区工作人员能看到')).toBeNull()
    expect(container.querySelector('.llt-field--error')).not.toBeNull()
  })

  it('counts characters as the server does and marks an overflow', () => {
    const { rerender } = render(
      <Field label="承诺" max={3} value="守信😀">
        <span />
      </Field>
    )
    expect(screen.getByText('3/3').className).not.toContain('--over')
    rerender(
      <Field label="承诺" max={3} value="守信守信">
        <span />
      </Field>
    )
    expect(screen.getByText('4/3').className).toContain('llt-field__counter--over')
  })

  it('has no counter without a maximum', () => {
    render(
      <Field label="地址" value="幸福小区">
        <span />
      </Field>
    )
    expect(screen.queryByText(/\//)).toBeNull()
  })
})

describe('TextInput and TextArea', () => {
  it('report what is typed', () => {
    const onName = jest.fn()
    const onStory = jest.fn()
    const { container } = render(
      <>
        <TextInput label="姓名" value="" onChange={onName} placeholder="真实姓名" />
        <TextArea label="故事" value="" onChange={onStory} />
      </>
    )
    const input = container.querySelector('.llt-input') as HTMLInputElement
    const area = container.querySelector('.llt-textarea') as HTMLTextAreaElement
    fireEvent.change(input, { target: { value: '陈建国' } })
    fireEvent.change(area, { target: { value: '想要一盏台灯' } })
    expect(onName).toHaveBeenCalledWith('陈建国')
    expect(onStory).toHaveBeenCalledWith('想要一盏台灯')
  })
})
