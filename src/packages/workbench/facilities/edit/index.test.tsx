import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { callsOf, makeMe, ok, stubFetch, type Recorded } from '../../../../../test/components/fetch-stub'
import { MeProvider } from '@/hooks/useMe'
import { Editor } from '.'

const PLACES = ok({
  communities: [
    {
      id: 'cm01',
      name: '青枫社区',
      center: { lat: 31.335, lng: 118.375 },
      compounds: [
        { id: 'cp1', name: '枫林苑', location: { lat: 31.3361, lng: 118.3742 } },
        { id: 'cp2', name: '桂花里', location: { lat: 31.3332, lng: 118.3771 } }
      ]
    }
  ]
})

function renderEditor(answer: (req: Recorded) => unknown) {
  const calls = stubFetch((req) => (req.body.action === 'places' ? PLACES : answer(req)))
  render(
    <MeProvider initialMe={makeMe({ needsConsent: false, communityId: 'cm01' })}>
      <Editor communityId="cm01" existing={null} />
    </MeProvider>
  )
  return calls
}

describe('facility form location (issue 19, defect 26)', () => {
  it('has no coordinate boxes: staff tap the map or choose a compound; required fields are marked', async () => {
    const calls = renderEditor(() => ok({ id: 'f1' }))
    expect(screen.queryByPlaceholderText(/纬度|经度/)).toBeNull()
    expect(screen.getAllByText('*').length).toBeGreaterThanOrEqual(4)
    expect(screen.getByText('还没有选择位置')).toBeTruthy()

    const map = await screen.findByRole('img', { name: '青枫社区地图，点一下选定设施位置' })
    map.getBoundingClientRect = () => ({
      left: 0,
      top: 0,
      width: 300,
      height: 300,
      right: 300,
      bottom: 300,
      x: 0,
      y: 0,
      toJSON: () => ({})
    })
    fireEvent.click(map, { clientX: 150, clientY: 150 })
    expect(screen.getByText('已选位置：纬度 31.33500，经度 118.37500')).toBeTruthy()

    fireEvent.click(screen.getByRole('radio', { name: '桂花里' }))
    expect(screen.getByText('已选位置：纬度 31.33320，经度 118.37710（桂花里）')).toBeTruthy()

    fireEvent.click(screen.getByText('保存'))
    await waitFor(() => expect(callsOf(calls, 'lifeCircle', 'upsertFacility')).toHaveLength(1))
    expect(callsOf(calls, 'lifeCircle', 'upsertFacility')[0].body.data.location).toEqual({ lat: 31.3332, lng: 118.3771 })
  })

  it('shows the server’s sentence beside the location when none was chosen', async () => {
    renderEditor(() => ({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '请选择位置', details: { fields: [{ path: 'location', message: '请选择位置' }] } }
    }))
    await screen.findByRole('img', { name: '青枫社区地图，点一下选定设施位置' })
    fireEvent.click(screen.getByText('保存'))
    expect((await screen.findByRole('alert')).textContent).toBe('请选择位置')
  })
})
