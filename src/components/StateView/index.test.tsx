import { fireEvent, render, screen } from '@testing-library/react'
import { CloudError } from '@/services/cloud'
import { StateView } from '.'

describe('StateView', () => {
  it('says it is loading', () => {
    render(<StateView state="loading" />)
    expect(screen.getByText('正在加载…')).toBeTruthy()
  })

  it('shows an empty state with its description and action', () => {
    render(<StateView state="empty" title="还没有心愿" description="许下第一个心愿吧" action={<span>许个心愿</span>} />)
    expect(screen.getByText('还没有心愿')).toBeTruthy()
    expect(screen.getByText('许下第一个心愿吧')).toBeTruthy()
    expect(screen.getByText('许个心愿')).toBeTruthy()
  })

  it('defaults the empty title', () => {
    render(<StateView state="empty" />)
    expect(screen.getByText('暂无内容')).toBeTruthy()
  })

  it('shows the error message from the envelope and retries', () => {
    const onRetry = jest.fn()
    render(<StateView state="error" error={new CloudError({ code: 'NOT_FOUND', message: '该活动已被删除' })} onRetry={onRetry} />)
    expect(screen.getByText('该活动已被删除')).toBeTruthy()
    fireEvent.click(screen.getByText('重新加载'))
    expect(onRetry).toHaveBeenCalledTimes(1)
  })

  it('has no retry button without onRetry', () => {
    render(<StateView state="error" />)
    expect(screen.getByText('加载失败，请稍后再试')).toBeTruthy()
    expect(screen.queryByText('重新加载')).toBeNull()
  })
})

describe('StateView icons (defect 27)', () => {
  it('draws loading as a ring, never a bare glyph', () => {
    const { container } = render(<StateView state="loading" />)
    expect(container.querySelector('.llt-state__spinner')).toBeTruthy()
    expect(container.textContent).toBe('正在加载…')
  })

  it.each(['empty', 'error'] as const)('draws %s with an icon, never a bare ○ or ! glyph', (state) => {
    const { container } = render(<StateView state={state} />)
    expect(container.textContent).not.toMatch(/[○!！]/)
    const img = container.querySelector('.llt-state__image') as HTMLImageElement
    expect(img.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/)
    expect(Buffer.from(img.getAttribute('src')!.split(',')[1], 'base64').toString()).toContain('<svg')
  })
})
