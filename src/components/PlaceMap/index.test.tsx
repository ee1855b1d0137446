import { fireEvent, render, screen } from '@testing-library/react'
import { PlaceMap } from '.'
import { fromMeters, gridStep, spanFor, toMeters } from './projection'

const centre = { lat: 31.335, lng: 118.375 }

describe('the projection', () => {
  it('goes to meters and back to the same point', () => {
    const p = { lat: 31.3391, lng: 118.3702 }
    const { x, y } = toMeters(centre, p)
    expect(Math.round(y)).toBe(456) // 0.0041° of latitude
    expect(x).toBeLessThan(0)
    expect(fromMeters(centre, x, y)).toEqual(p)
  })

  it('spans the largest ring or the farthest point, with round grid steps', () => {
    expect(spanFor(centre, [400, 800, 1200], [])).toBeCloseTo(1344)
    expect(spanFor(centre, [], [])).toBe(300)
    expect(spanFor(centre, [], [{ lat: 31.344, lng: 118.375 }])).toBeGreaterThan(1000)
    expect(gridStep(1344)).toBe(500)
    expect(gridStep(300)).toBe(100)
  })
})

describe('PlaceMap in the browser', () => {
  const rings = [
    { minutes: 5, radius: 400 },
    { minutes: 10, radius: 800 },
    { minutes: 15, radius: 1200 }
  ]
  const markers = [
    { id: 'f1', location: { lat: 31.337, lng: 118.376 }, label: '长者饭堂 · 步行4分钟', glyph: '餐' },
    { id: 'f2', location: { lat: 31.33, lng: 118.37 }, label: '社区卫生服务站 · 步行12分钟', glyph: '医' }
  ]

  it('draws the 5/10/15-minute rings and the markers; a tap on a marker opens it', () => {
    const onMarker = jest.fn()
    const onPick = jest.fn()
    render(
      <PlaceMap
        title="附近设施地图"
        center={centre}
        centerLabel="您的位置"
        rings={rings}
        markers={markers}
        onMarker={onMarker}
        onPick={onPick}
      />
    )
    const map = screen.getByRole('img', { name: '附近设施地图' })
    expect(map.tagName.toLowerCase()).toBe('svg')
    expect(screen.getByText('5分钟')).toBeTruthy()
    expect(screen.getByText('10分钟')).toBeTruthy()
    expect(screen.getByText('15分钟')).toBeTruthy()
    expect(screen.getByText('您的位置')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '社区卫生服务站 · 步行12分钟' }))
    expect(onMarker).toHaveBeenCalledWith(markers[1])
    expect(onPick).not.toHaveBeenCalled()
  })

  it('answers the tapped point when staff pick a location', () => {
    const onPick = jest.fn()
    render(<PlaceMap title="选点地图" center={centre} rings={[{ minutes: 15, radius: 1000 }]} onPick={onPick} />)
    const map = screen.getByRole('img', { name: '选点地图' })
    map.getBoundingClientRect = () => ({
      left: 0,
      top: 0,
      width: 200,
      height: 200,
      right: 200,
      bottom: 200,
      x: 0,
      y: 0,
      toJSON: () => ({})
    })
    fireEvent.click(map, { clientX: 100, clientY: 100 })
    expect(onPick).toHaveBeenLastCalledWith(centre)
    fireEvent.click(map, { clientX: 100, clientY: 0 }) // the top edge: north of the centre by the span
    const north = onPick.mock.calls[1][0]
    expect(north.lng).toBe(centre.lng)
    expect(Math.round(toMeters(centre, north).y)).toBe(1120)
    expect(screen.getByText('在地图上点一下，即可把位置定在那里')).toBeTruthy()
  })
})
