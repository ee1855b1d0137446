import { render, screen } from '@testing-library/react'
import { placeOf, PlaceView } from '.'

describe('查看地图 in the browser (issue 19, defect 8)', () => {
  it('draws the place and hands off to a navigation app by link', () => {
    const place = placeOf({ lat: '31.3351', lng: '118.3752', name: '青枫社区长者饭堂', address: '青枫路18号' })!
    render(<PlaceView place={place} />)
    expect(screen.getByRole('img', { name: '青枫社区长者饭堂的位置' }).tagName.toLowerCase()).toBe('svg')
    expect(screen.getByRole('button', { name: '青枫社区长者饭堂' })).toBeTruthy()
    const link = screen.getByText('用高德地图导航前往') as HTMLAnchorElement
    const url = new URL(link.href)
    expect(url.origin + url.pathname).toBe('https://uri.amap.com/marker')
    expect(url.searchParams.get('position')).toBe('118.3752,31.3351')
    expect(url.searchParams.get('name')).toBe('青枫社区长者饭堂')
    expect(link.target).toBe('_blank')
  })

  it('refuses a link without a usable position', () => {
    expect(placeOf({ lat: '200', lng: '118' })).toBeNull()
    expect(placeOf({ lat: '31.3', lng: 'x' })).toBeNull()
    expect(placeOf({ name: '某处' })).toBeNull()
    expect(placeOf({ lat: '31.3', lng: '118.4' })).toEqual({ location: { lat: 31.3, lng: 118.4 }, name: '目的地', address: '' })
  })
})
