import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { taroTest } from '../../../test/components/taro'
import { usePaged, type PageAnswer } from '@/hooks/usePaged'
import { announceChange } from '@/services/changes'
import { CloudError } from '@/services/cloud'
import { END_TEXT, PagedList } from '.'

interface Row {
  id: string
  title: string
}

/** A server of `total` rows, `size` per page, with a cursor that is the next offset. */
function pages(total: number, size = 2) {
  const calls: Array<string | undefined> = []
  let version = 1
  const load = async (cursor?: string): Promise<PageAnswer<Row>> => {
    calls.push(cursor)
    const start = cursor ? Number(cursor) : 0
    const end = Math.min(start + size, total)
    const items = Array.from({ length: end - start }, (_, i) => ({ id: `r${start + i}`, title: `心愿${start + i + 1}·第${version}版` }))
    return { items, nextCursor: end < total ? String(end) : null }
  }
  return { load, calls, bump: () => version++ }
}

function List({ load }: { load: (cursor?: string) => Promise<PageAnswer<Row>> }) {
  const paged = usePaged(load)
  return <PagedList paged={paged} itemKey={(r) => r.id} renderItem={(r) => <span>{r.title}</span>} emptyTitle="还没有心愿" />
}

describe('PagedList', () => {
  it('loads the first page, loads more at the bottom and shows the end', async () => {
    const server = pages(5)
    render(<List load={server.load} />)
    expect(screen.getByText('正在加载…')).toBeTruthy()
    await screen.findByText('心愿1·第1版')
    expect(screen.getByText('心愿2·第1版')).toBeTruthy()
    expect(screen.queryByText('没有更多了')).toBeNull()

    act(() => taroTest.reachBottom())
    await screen.findByText('心愿4·第1版')
    act(() => taroTest.reachBottom())
    await screen.findByText('心愿5·第1版')
    expect(screen.getByText('没有更多了')).toBeTruthy()

    act(() => taroTest.reachBottom()) // nothing more to load
    expect(server.calls).toEqual([undefined, '2', '4'])
  })

  it('loads more by tapping when the page is too short to scroll', async () => {
    const server = pages(3)
    render(<List load={server.load} />)
    fireEvent.click(await screen.findByText('加载更多'))
    await screen.findByText('心愿3·第1版')
    expect(screen.getByText('没有更多了')).toBeTruthy()
  })

  it('refreshes from the first page on pull-down and stops the indicator', async () => {
    const server = pages(5)
    render(<List load={server.load} />)
    await screen.findByText('心愿1·第1版')
    act(() => taroTest.reachBottom())
    await screen.findByText('心愿4·第1版')

    server.bump()
    act(() => taroTest.pullDownRefresh())
    await screen.findByText('心愿1·第2版')
    expect(screen.queryByText('心愿4·第1版')).toBeNull()
    await waitFor(() => expect(taroTest.stopPullDownRefreshCalls).toBe(1))
    expect(server.calls).toEqual([undefined, '2', undefined])
  })

  it('shows the empty state', async () => {
    render(<List load={pages(0).load} />)
    expect(await screen.findByText('还没有心愿')).toBeTruthy()
  })

  it('shows an error with a retry, then the list', async () => {
    let failing = true
    const server = pages(1)
    const load = async (cursor?: string) => {
      if (failing) throw new CloudError({ code: 'INTERNAL', message: '服务开小差了，请稍后再试' })
      return server.load(cursor)
    }
    render(<List load={load} />)
    expect(await screen.findByText('服务开小差了，请稍后再试')).toBeTruthy()
    failing = false
    fireEvent.click(screen.getByText('重新加载'))
    await screen.findByText('心愿1·第1版')
    expect(screen.getByText('没有更多了')).toBeTruthy()
  })

  it('keeps the list when loading more fails, and retries on tap', async () => {
    const server = pages(4)
    let failMore = true
    const load = async (cursor?: string) => {
      if (cursor && failMore) throw new CloudError({ code: 'INTERNAL', message: '网络不太好' })
      return server.load(cursor)
    }
    render(<List load={load} />)
    await screen.findByText('心愿1·第1版')
    act(() => taroTest.reachBottom())
    const retry = await screen.findByText('加载失败，点这里重试')
    expect(screen.getByText('心愿2·第1版')).toBeTruthy()
    failMore = false
    fireEvent.click(retry)
    await screen.findByText('心愿4·第1版')
  })

  it('tells the person when a pull-down refresh fails and keeps the items', async () => {
    const server = pages(2)
    let fail = false
    const load = async (cursor?: string) => {
      if (fail) throw new CloudError({ code: 'INTERNAL', message: '刷新失败了' })
      return server.load(cursor)
    }
    render(<List load={load} />)
    await screen.findByText('心愿1·第1版')
    fail = true
    act(() => taroTest.pullDownRefresh())
    await waitFor(() => expect(taroTest.toasts.map((t) => t.title)).toEqual(['刷新失败了']))
    expect(screen.getByText('心愿1·第1版')).toBeTruthy()
    expect(taroTest.stopPullDownRefreshCalls).toBe(1)
  })

  it('reloads after a change elsewhere: when its page shows again, or at once while it shows', async () => {
    const server = pages(1)
    render(<List load={server.load} />)
    await screen.findByText('心愿1·第1版')
    // The person opens another page and acts there (e.g. confirms the wish).
    act(() => taroTest.fire('didHide'))
    server.bump()
    act(() => announceChange())
    expect(server.calls).toEqual([undefined])
    act(() => taroTest.fire('didShow'))
    await screen.findByText('心愿1·第2版')
    server.bump()
    act(() => announceChange())
    await screen.findByText('心愿1·第3版')
    expect(server.calls).toEqual([undefined, undefined, undefined])
  })

  it('ends every list with the same words', async () => {
    render(<List load={pages(1).load} />)
    expect(await screen.findByText(END_TEXT)).toBeTruthy()
    expect(END_TEXT).toBe('没有更多了')
  })
})
