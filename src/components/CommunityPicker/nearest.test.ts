import { nearestCommunity } from './nearest'

const option = (id: string, lat: number, lng: number) => ({ id, name: id, streetId: 'st01', center: { lat, lng }, phone: '0553-1234567' })

describe('nearestCommunity', () => {
  it('picks the closest centre', () => {
    const options = [option('east', 31.35, 118.45), option('west', 31.35, 118.4), option('north', 31.4, 118.43)]
    expect(nearestCommunity(options, { lat: 31.351, lng: 118.41 })?.id).toBe('west')
    expect(nearestCommunity(options, { lat: 31.39, lng: 118.43 })?.id).toBe('north')
  })

  it('answers undefined without options', () => {
    expect(nearestCommunity([], { lat: 31.35, lng: 118.43 })).toBeUndefined()
  })
})
