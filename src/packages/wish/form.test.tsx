import { CloudError } from '@/services/cloud'
import { charCount, fieldErrors, newRequestId } from './form'

describe('wish form helpers', () => {
  it('maps refused fields to their messages, first message per field', () => {
    const e = new CloudError({
      code: 'INVALID_ARGUMENT',
      message: '请填写心愿标题',
      details: { fields: [{ path: 'title', message: '请填写心愿标题' }, { path: 'title', message: '其他' }, { path: 'beneficiary.name', message: '请填写受助人姓名' }] }
    })
    expect(fieldErrors(e)).toEqual({ title: '请填写心愿标题', 'beneficiary.name': '请填写受助人姓名' })
    expect(fieldErrors(new CloudError({ code: 'CONFLICT', message: 'x' }))).toEqual({})
    expect(fieldErrors(new Error('x'))).toEqual({})
  })

  it('makes request ids the server accepts', () => {
    const id = newRequestId()
    expect(id).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(newRequestId()).not.toBe(id)
    expect(charCount('心愿😀')).toBe(3)
  })
})
