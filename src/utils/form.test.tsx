import { CloudError } from '@/services/cloud'
import { charCount, newRequestId, numberField, serverFieldErrors } from './form'

describe('form helpers', () => {
  it('maps refused fields to their messages, first message per field', () => {
    const e = new CloudError({
      code: 'INVALID_ARGUMENT',
      message: '请填写心愿标题',
      details: {
        fields: [
          { path: 'title', message: '请填写心愿标题' },
          { path: 'title', message: '其他' },
          { path: 'beneficiary.name', message: '请填写受助人姓名' }
        ]
      }
    })
    expect(serverFieldErrors(e)).toEqual({ title: '请填写心愿标题', 'beneficiary.name': '请填写受助人姓名' })
    expect(serverFieldErrors(new CloudError({ code: 'CONFLICT', message: 'x' }))).toEqual({})
    expect(serverFieldErrors(new Error('x'))).toEqual({})
  })

  it('keys messages by the top-level field when asked', () => {
    const e = new CloudError({
      code: 'INVALID_ARGUMENT',
      message: '纬度格式不正确',
      details: {
        fields: [
          { path: 'location.lat', message: '纬度格式不正确' },
          { path: 'location.lng', message: '经度格式不正确' },
          { path: 'name', message: '请填写名称' }
        ]
      }
    })
    expect(serverFieldErrors(e, { topLevel: true })).toEqual({ location: '纬度格式不正确', name: '请填写名称' })
  })

  it('makes request ids the server accepts', () => {
    const id = newRequestId()
    expect(id).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(newRequestId()).not.toBe(id)
    expect(charCount('心愿😀')).toBe(3)
  })
})

test('numberField: empty is unset, a written number its value, anything else NaN (defect 25)', () => {
  expect(numberField('')).toBeUndefined()
  expect(numberField(' -5 ')).toBe(-5)
  expect(numberField('1.5')).toBe(1.5)
  expect(numberField('12')).toBe(12)
  expect(numberField('十二')).toBeNaN()
})
