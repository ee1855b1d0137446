import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { FacilityDetail } from '@contract/schemas/lifeCircle'
import { taroTest } from '../../../../test/components/taro'
import { FacilityView } from '.'

const detail: FacilityDetail = {
  id: 'f1',
  name: '青枫社区长者饭堂',
  category: 'canteen',
  address: '江城市镜湖区青枫路18号',
  phone: '0553-2123456',
  location: { lat: 31.3351, lng: 118.3752 },
  distance: 460,
  walkMinutes: 7,
  open: false,
  openLabel: '休息中 · 16:30开门',
  communityId: 'cm01',
  communityName: '青枫社区',
  hoursLines: ['周一至周五 10:30-13:00,16:30-18:30', '周六 10:30-13:00', '周日 休息'],
  hoursText: '周一至周五 10:30-13:00,16:30-18:30；周六 10:30-13:00；周日 休息',
  holidaysClosed: true,
  services: ['老年助餐', '送餐上门'],
  photos: [],
  photoIds: [],
  status: 'open',
  updatedAt: '2026-11-20T02:00:00.000Z'
}

describe('facility detail', () => {
  const taro = Taro as unknown as Record<string, unknown>
  afterEach(() => {
    delete taro.makePhoneCall
    delete taro.openLocation
  })

  it('shows open-now, the walk, hours, holidays and services', () => {
    render(<FacilityView facility={detail} />)
    expect(screen.getByText('休息中 · 16:30开门')).toBeTruthy()
    expect(screen.getByText('距您 460米 · 步行约7分钟')).toBeTruthy()
    expect(screen.getByText('周一至周五 10:30-13:00,16:30-18:30')).toBeTruthy()
    expect(screen.getByText('周日 休息')).toBeTruthy()
    expect(screen.getByText('法定节假日休息')).toBeTruthy()
    expect(screen.getByText('送餐上门')).toBeTruthy()
  })

  it('calls the facility and navigates there with WeChat’s map on the weapp', () => {
    const makePhoneCall = jest.fn(async () => ({ errMsg: 'ok' }))
    const openLocation = jest.fn(async () => ({ errMsg: 'ok' }))
    Object.assign(taro, { makePhoneCall, openLocation })
    process.env.TARO_ENV = 'weapp'
    try {
      render(<FacilityView facility={detail} />)
      fireEvent.click(screen.getByText('拨打电话'))
      expect(makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '0553-2123456' })
      fireEvent.click(screen.getByText('导航前往'))
    } finally {
      process.env.TARO_ENV = 'h5'
    }
    expect(openLocation).toHaveBeenCalledWith({
      latitude: 31.3351,
      longitude: 118.3752,
      name: '青枫社区长者饭堂',
      address: '江城市镜湖区青枫路18号',
      scale: 17
    })
  })

  it('in the browser, 导航前往 opens the drawn map with its hand-off link (issue 19, defect 8)', () => {
    const openLocation = jest.fn(async () => ({ errMsg: 'ok' }))
    Object.assign(taro, { openLocation })
    render(<FacilityView facility={detail} />)
    fireEvent.click(screen.getByText('导航前往'))
    expect(openLocation).not.toHaveBeenCalled()
    expect(taroTest.navigations).toEqual([
      {
        kind: 'navigateTo',
        url: '/packages/lifeCircle/map/index?lat=31.3351&lng=118.3752&name=%E9%9D%92%E6%9E%AB%E7%A4%BE%E5%8C%BA%E9%95%BF%E8%80%85%E9%A5%AD%E5%A0%82&address=%E6%B1%9F%E5%9F%8E%E5%B8%82%E9%95%9C%E6%B9%96%E5%8C%BA%E9%9D%92%E6%9E%AB%E8%B7%AF18%E5%8F%B7'
      }
    ])
  })

  it('without the resident’s location there is no distance, and no call button without a phone', () => {
    render(<FacilityView facility={{ ...detail, distance: null, walkMinutes: null, phone: '' }} />)
    expect(screen.queryByText(/距您/)).toBeNull()
    expect(screen.queryByText('拨打电话')).toBeNull()
    expect(screen.getByText('导航前往')).toBeTruthy()
  })
})
