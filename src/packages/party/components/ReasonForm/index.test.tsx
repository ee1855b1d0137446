import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { ReasonForm } from '.'

const type = (value: string) => fireEvent.change(screen.getByPlaceholderText('请说明原因'), { target: { value } })

describe('ReasonForm', () => {
  it('asks for the reason, refuses an empty or long one, sends it trimmed and closes', async () => {
    const onSubmit = jest.fn(async () => ({ ok: true }))
    render(<ReasonForm action="驳回" label="驳回理由" placeholder="请说明原因" max={10} onSubmit={onSubmit} />)
    fireEvent.click(screen.getByText('驳回'))
    fireEvent.click(screen.getByText('确定驳回'))
    expect(screen.getByRole('alert').textContent).toBe('请填写驳回理由')
    type('一二三四五六七八九十十一')
    fireEvent.click(screen.getByText('确定驳回'))
    expect(screen.getByRole('alert').textContent).toBe('驳回理由不能超过10个字')
    type('  非本社区居民 ')
    fireEvent.click(screen.getByText('确定驳回'))
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith('非本社区居民'))
    await waitFor(() => expect(screen.queryByText('确定驳回')).toBeNull())
  })

  it('stays open when the action failed, and an optional reason may be empty', async () => {
    const onSubmit = jest.fn(async () => undefined)
    render(<ReasonForm action="退出报到" label="退出原因" placeholder="请说明原因" optional onSubmit={onSubmit} />)
    fireEvent.click(screen.getByText('退出报到'))
    fireEvent.click(screen.getByText('确定退出报到'))
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith(''))
    expect(screen.getByText('确定退出报到')).toBeTruthy()
    fireEvent.click(screen.getByText('取消'))
    expect(screen.queryByText('确定退出报到')).toBeNull()
  })
})
