import type { FacilityDetail } from '@contract/schemas/lifeCircle'
import { EMPTY_FORM, formOf, payloadOf } from './form'

test('a facility becomes a form and the form becomes the payload', () => {
  const detail = {
    id: 'f1',
    name: '柳岸长者饭堂',
    category: 'canteen',
    location: { lat: 31.3321, lng: 118.3702 },
    address: '柳岸街8号',
    phone: '0553-2876543',
    hoursText: '周一至周五 10:30-13:00,16:30-18:30；周六 10:30-13:00；周日 休息',
    hoursLines: ['周一至周五 10:30-13:00,16:30-18:30', '周六 10:30-13:00', '周日 休息'],
    holidaysClosed: false,
    services: ['老年助餐', '送餐上门']
  } as FacilityDetail
  const form = formOf(detail)
  expect(form).toEqual({
    name: '柳岸长者饭堂',
    category: 'canteen',
    location: { lat: 31.3321, lng: 118.3702 },
    address: '柳岸街8号',
    phone: '0553-2876543',
    hoursText: '周一至周五 10:30-13:00,16:30-18:30\n周六 10:30-13:00\n周日 休息',
    holidaysClosed: false,
    services: '老年助餐、送餐上门'
  })
  expect(payloadOf({ ...form, services: ' 老年助餐，送餐上门 、 ' })).toMatchObject({
    location: { lat: 31.3321, lng: 118.3702 },
    services: ['老年助餐', '送餐上门']
  })
})

test('a new facility has no location until one is picked; the server asks for it', () => {
  expect(payloadOf(EMPTY_FORM).location).toBeUndefined()
  expect(payloadOf(EMPTY_FORM).services).toEqual([])
})
