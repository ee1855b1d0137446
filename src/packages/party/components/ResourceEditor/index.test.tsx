import { fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { RegisterUnitInput } from '@contract/schemas/party'
import { ResourceEditor, fromDrafts, toDraft, type ResourceDraft } from '.'

function Editor({
  initial,
  onValue,
  errors
}: {
  initial: ResourceDraft[]
  onValue: (v: ResourceDraft[]) => void
  errors?: Record<string, string>
}) {
  const [value, setValue] = useState(initial)
  return (
    <ResourceEditor
      value={value}
      errors={errors}
      onChange={(v) => {
        setValue(v)
        onValue(v)
      }}
    />
  )
}

describe('ResourceEditor', () => {
  it('adds, edits and removes resources; the quantity label follows the kind', () => {
    let latest: ResourceDraft[] = []
    render(<Editor initial={[]} onValue={(v) => (latest = v)} />)
    expect(screen.getByText('还没有资源，点下面的按钮添加')).toBeTruthy()
    fireEvent.click(screen.getByText('添加一项资源'))
    fireEvent.click(screen.getByText('资金'))
    expect(screen.getByText('数量（元）')).toBeTruthy()
    fireEvent.change(screen.getByPlaceholderText('如：党员活动室、法律咨询'), { target: { value: '楼道照明改造资金' } })
    fireEvent.change(screen.getByPlaceholderText('可不填'), { target: { value: '20000' } })
    expect(latest).toEqual([{ kind: 'funds', name: '楼道照明改造资金', quantity: '20000', detail: '' }])
    fireEvent.click(screen.getByText('删除'))
    expect(latest).toEqual([])
  })

  it('shows the schema’s message under the right item', () => {
    const drafts = [
      toDraft({ kind: 'venue', name: '活动室', quantity: 40 }),
      { kind: 'skill' as const, name: '', quantity: 'x', detail: '' }
    ]
    const parsed = RegisterUnitInput.safeParse({
      requestId: 'req-00000001',
      communityId: 'cm01',
      name: '单位',
      org: '支部',
      contactName: '赵磊',
      contactPhone: '13800001111',
      resources: fromDrafts(drafts)
    })
    expect(parsed.success).toBe(false)
    const errors = Object.fromEntries((parsed.success ? [] : parsed.error.issues).map((i) => [i.path.join('.'), i.message]))
    expect(errors).toEqual({ 'resources.1.name': '请填写资源名称', 'resources.1.quantity': '数量必须是数字' })
    render(<Editor initial={drafts} onValue={() => undefined} errors={errors} />)
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual(['请填写资源名称', '数量必须是数字'])
  })

  it('turns drafts into items: empty quantity and note left out', () => {
    expect(fromDrafts([{ kind: 'volunteers', name: '青年突击队', quantity: ' ', detail: '' }])).toEqual([
      { kind: 'volunteers', name: '青年突击队' }
    ])
    expect(fromDrafts([{ kind: 'venue', name: '活动室', quantity: '40', detail: '周末开放' }])).toEqual([
      { kind: 'venue', name: '活动室', quantity: 40, detail: '周末开放' }
    ])
  })
})
