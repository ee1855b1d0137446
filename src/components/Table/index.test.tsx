import { fireEvent, render, screen } from '@testing-library/react'
import { sortRows, Table, type TableColumn } from '.'

interface Shop {
  id: string
  name: string
  sales: number | null
}

const columns: TableColumn<Shop>[] = [
  { key: 'name', title: '店名', value: (s) => s.name },
  { key: 'sales', title: '销量', value: (s) => s.sales, firstOrder: 'desc' }
]
const shops: Shop[] = [
  { id: 's1', name: '青枫超市', sales: 3 },
  { id: 's2', name: '柳岸药房', sales: 9 },
  { id: 's3', name: '梧桐书店', sales: null }
]
const total: Shop = { id: 'all', name: '合计', sales: 12 }

/** The names in the body rows, under the heading and the pinned total. */
const names = () =>
  screen
    .getAllByRole('row')
    .slice(2)
    .map((r) => r.querySelector('[role="rowheader"]')?.textContent)

describe('Table', () => {
  it('sorts by its first column first, the pinned row above, in pinyin order', () => {
    render(<Table columns={columns} rows={shops} pinned={[total]} rowKey={(s) => s.id} />)
    expect(screen.getAllByRole('row')[1].textContent).toContain('合计')
    expect(names()).toEqual(['柳岸药房', '青枫超市', '梧桐书店'])
    expect(screen.getByText('店名 ↑')).toBeTruthy()
  })

  it('sorts by a heading tapped, in its first order, the other way on a second tap, no value last', () => {
    render(<Table columns={columns} rows={shops} pinned={[total]} rowKey={(s) => s.id} />)
    fireEvent.click(screen.getByText('销量'))
    expect(names()).toEqual(['柳岸药房', '青枫超市', '梧桐书店'])
    expect(screen.getByText('销量 ↓').closest('[role="columnheader"]')?.getAttribute('aria-sort')).toBe('descending')
    fireEvent.click(screen.getByText('销量 ↓'))
    expect(names()).toEqual(['青枫超市', '柳岸药房', '梧桐书店'])
  })

  it('filters the rows by what is typed, keeping the pinned row, and says when none is left', () => {
    render(
      <Table
        columns={columns}
        rows={shops}
        pinned={[total]}
        rowKey={(s) => s.id}
        filter={{ placeholder: '输入店名筛选', text: (s) => s.name }}
      />
    )
    const box = screen.getByPlaceholderText('输入店名筛选')
    fireEvent.change(box, { target: { value: '药' } })
    expect(names()).toEqual(['柳岸药房'])
    fireEvent.change(box, { target: { value: '面包' } })
    expect(names()).toEqual([])
    expect(screen.getByText('没有符合条件的行')).toBeTruthy()
    expect(screen.getAllByRole('row')[1].textContent).toContain('合计')
  })

  it('opens a body row, never the pinned one', () => {
    const onOpen = jest.fn()
    render(<Table columns={columns} rows={shops} pinned={[total]} rowKey={(s) => s.id} onOpen={onOpen} />)
    fireEvent.click(screen.getByText('合计'))
    fireEvent.click(screen.getByText('梧桐书店'))
    expect(onOpen.mock.calls.map(([s]) => (s as Shop).id)).toEqual(['s3'])
  })

  it('gives a column its share of spare width, heading and cells alike', () => {
    const wide: TableColumn<Shop>[] = [...columns, { key: 'actions', title: '操作', value: () => null, fixed: true, grow: 2 }]
    render(<Table columns={wide} rows={shops} rowKey={(s) => s.id} />)
    const actions = screen.getAllByRole('row').map((r) => (r.lastElementChild as HTMLElement).style.flexGrow)
    expect(actions).toEqual(['2', '2', '2', '2'])
    expect((screen.getAllByRole('columnheader')[0] as HTMLElement).style.flexGrow).toBe('')
  })

  it('sortRows keeps ties in key order in both directions', () => {
    const tied = [
      { id: 'b', name: 'x', sales: 1 },
      { id: 'a', name: 'y', sales: 1 }
    ]
    const ids = (order: 'asc' | 'desc') =>
      sortRows(
        tied,
        (s) => s.sales,
        order,
        (s) => s.id
      ).map((s) => s.id)
    expect(ids('asc')).toEqual(['a', 'b'])
    expect(ids('desc')).toEqual(['a', 'b'])
  })
})
