import type { GridDoc } from '../../../_shared/docs'
import { inPolygon, routeToGrid } from './routing'

const square = (x0: number, y0: number, x1: number, y1: number): Array<[number, number]> => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1]
]
const grids: GridDoc[] = [
  { _id: 'g1', communityId: 'cm01', name: '第一网格', polygon: square(118.0, 31.0, 118.01, 31.01), compoundIds: ['cp1'] },
  { _id: 'g2', communityId: 'cm01', name: '第二网格', polygon: square(118.01, 31.0, 118.02, 31.01), compoundIds: ['cp2'] },
  { _id: 'g3', communityId: 'cm02', name: '老旧小区网格', polygon: null, compoundIds: ['cp3'] }
]

describe('routing to a grid', () => {
  it('finds the polygon holding the point', () => {
    expect(inPolygon(grids[0].polygon!, { lat: 31.005, lng: 118.005 })).toBe(true)
    expect(inPolygon(grids[0].polygon!, { lat: 31.005, lng: 118.015 })).toBe(false)
    expect(routeToGrid(grids, { lat: 31.005, lng: 118.015 })?._id).toBe('g2')
  })

  it('falls back to the grid listing the picked compound, else none', () => {
    expect(routeToGrid(grids, { lat: 31.5, lng: 118.5 }, 'cp3')?._id).toBe('g3')
    expect(routeToGrid(grids, { lat: 31.5, lng: 118.5 })).toBeNull()
    expect(routeToGrid(grids, { lat: 31.5, lng: 118.5 }, 'cp9')).toBeNull()
  })

  it('a polygon wins over a compound list', () => {
    expect(routeToGrid(grids, { lat: 31.005, lng: 118.005 }, 'cp3')?._id).toBe('g1')
  })
})
