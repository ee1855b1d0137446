import Taro from '@tarojs/taro'
import { taroTest } from '../../test/components/taro'
import { navigationLink, openPlace } from './maps'

const venue = { location: { lat: 31.3351, lng: 118.3752 }, name: '青枫社区党群服务中心二楼', address: '青枫社区' }

describe('opening a place (查看地图 / 导航前往, issue 19 defect 8)', () => {
  const taro = Taro as unknown as Record<string, unknown>
  afterEach(() => {
    delete taro.openLocation
    process.env.TARO_ENV = 'h5'
  })

  it('in the browser opens the drawn map page, never openLocation (which only warns there)', () => {
    const openLocation = jest.fn(async () => ({ errMsg: 'ok' }))
    Object.assign(taro, { openLocation })
    openPlace(venue)
    expect(openLocation).not.toHaveBeenCalled()
    expect(taroTest.navigations).toHaveLength(1)
    const url = new URL(taroTest.navigations[0].url, 'http://x')
    expect(url.pathname).toBe('/packages/lifeCircle/map/index')
    expect(Object.fromEntries(url.searchParams)).toEqual({ lat: '31.3351', lng: '118.3752', name: venue.name, address: '青枫社区' })
  })

  it('on the weapp uses WeChat’s map', () => {
    const openLocation = jest.fn(async () => ({ errMsg: 'ok' }))
    Object.assign(taro, { openLocation })
    process.env.TARO_ENV = 'weapp'
    openPlace(venue)
    expect(openLocation).toHaveBeenCalledWith({ latitude: 31.3351, longitude: 118.3752, name: venue.name, address: '青枫社区', scale: 17 })
    expect(taroTest.navigations).toHaveLength(0)
  })

  it('hands off to Amap with the position as longitude,latitude', () => {
    const url = new URL(navigationLink(venue))
    expect(url.searchParams.get('position')).toBe('118.3752,31.3351')
    expect(url.searchParams.get('coordinate')).toBe('gaode')
  })
})
