import { taroTest } from '../../test/components/taro'
import { z } from 'zod'
import { int, text } from '@contract/schemas/common'
import { CloudError } from '@/services/cloud'
import { check, checkThenSend } from './validate'

const schema = z.object({ pledge: text('承诺', { max: 5 }), age: int('年龄', 0, 120), tags: z.array(z.string()).max(1) })

test('valid values come back as the parsed data', () => {
  expect(check(schema, { pledge: ' 守信 ', age: 70, tags: [] })).toEqual({ ok: true, data: { pledge: '守信', age: 70, tags: [] } })
})

test('refused values give path → first message, in Chinese as the server says it', () => {
  const result = check(schema, { pledge: '一二三四五六', tags: ['a', 'b'] })
  expect(result).toEqual({ ok: false, errors: { pledge: '承诺不能超过5个字', age: '请填写年龄', tags: '填写的内容太多或数值太大' } })
  expect(check(schema, 'x')).toEqual({ ok: false, errors: { _: '提交的内容格式不正确' } })
})

describe('checkThenSend', () => {
  const values = { pledge: '守信', age: 70, tags: [] }

  it('sends the parsed data and clears the fields', async () => {
    const setErrors = jest.fn()
    const send = jest.fn(async () => 'sent')
    await checkThenSend(schema, { ...values, pledge: ' 守信 ' }, setErrors, send)
    expect(send).toHaveBeenCalledWith(values)
    expect(setErrors).toHaveBeenCalledWith({})
  })

  it('sends nothing when the device refuses, puts every message on its field at once, toasts only when asked', async () => {
    const setErrors = jest.fn()
    const send = jest.fn(async () => undefined)
    const toasts = taroTest.toasts.length
    await checkThenSend(schema, {}, setErrors, send)
    expect(setErrors).toHaveBeenLastCalledWith({ pledge: '请填写承诺', age: '请填写年龄', tags: expect.any(String) })
    await checkThenSend(schema, { ...values, age: 200 }, setErrors, send, { toast: true })
    await checkThenSend(schema, { ...values, age: 200 }, setErrors, send)
    expect(send).not.toHaveBeenCalled()
    expect(setErrors).toHaveBeenCalledWith({ age: '年龄不能大于120' })
    expect(taroTest.toasts.slice(toasts)).toEqual([{ title: '年龄不能大于120', icon: 'none' }])
  })

  it('puts the server’s field messages on the fields and rethrows', async () => {
    const setErrors = jest.fn()
    const refusal = new CloudError({
      code: 'INVALID_ARGUMENT',
      message: '承诺包含无效字符',
      details: { fields: [{ path: 'pledge', message: '承诺包含无效字符' }] }
    })
    await expect(checkThenSend(schema, values, setErrors, async () => Promise.reject(refusal))).rejects.toBe(refusal)
    expect(setErrors).toHaveBeenLastCalledWith({ pledge: '承诺包含无效字符' })
  })
})
