// The typed cloud client over the h5 gateway: envelopes in, data or CloudError out, one toast place.
import { makeMe, ok, stubFetch, fail } from './fetch-stub'
import { taroTest } from './taro'
import { call, CloudError, errorMessage, showError, uploadImage } from '@/services/cloud'
import { STORAGE_KEYS } from '@/services/storage'

describe('call()', () => {
  it('posts { action, data } with the stored demo openid and answers the data', async () => {
    taroTest.storage.set(STORAGE_KEYS.openid, 'demo-resident')
    const calls = stubFetch(() => ok(makeMe({ elderMode: true })))
    const me = await call('user', 'setElderMode', { on: true })
    expect(me.elderMode).toBe(true)
    expect(calls).toEqual([
      {
        url: '/api/functions/user',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-wx-openid': 'demo-resident' },
        body: { action: 'setElderMode', data: { on: true } }
      }
    ])
  })

  it('sends {} for actions without input', async () => {
    const calls = stubFetch(() => ok([]))
    await call('user', 'communities')
    expect(calls[0].body).toEqual({ action: 'communities', data: {} })
  })

  it('turns an error envelope into a CloudError with code, message and details', async () => {
    stubFetch(() => ({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: '积分不足', details: { balance: 12 } }
    }))
    const error = await call('user', 'me').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CloudError)
    expect(error).toMatchObject({ code: 'FAILED_PRECONDITION', message: '积分不足', details: { balance: 12 } })
  })

  it('shows the envelope message as the toast', async () => {
    stubFetch(() => fail('CONFLICT', '该心愿刚刚被认领'))
    try {
      await call('user', 'me')
    } catch (e) {
      showError(e)
    }
    expect(taroTest.toasts).toEqual([{ title: '该心愿刚刚被认领', icon: 'none', duration: 2500 }])
  })

  it('falls back to the default sentence of the code', () => {
    expect(errorMessage(new CloudError({ code: 'PERMISSION_DENIED', message: '' }))).toBe('您没有权限进行此操作')
  })

  it('reports a network failure in Chinese', async () => {
    globalThis.fetch = (async () => {
      throw new TypeError('Failed to fetch')
    }) as typeof fetch
    const error = await call('user', 'me').catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'INTERNAL', message: '网络不太好，请稍后再试' })
  })

  it('treats an answer that is not an envelope as an internal error', async () => {
    stubFetch(() => ({ hello: 'world' }))
    await expect(call('user', 'me')).rejects.toMatchObject({ code: 'INTERNAL' })
  })

  it('a non-Cloud error gets a generic sentence', () => {
    expect(errorMessage(new Error('boom'))).toBe('操作没有完成，请稍后再试')
  })
})

describe('uploadImage()', () => {
  it('posts the picture to the local storage with the demo openid and answers the file id', async () => {
    taroTest.storage.set(STORAGE_KEYS.openid, 'demo-member')
    const calls = stubFetch((req) => (req.method === 'POST' ? { fileID: 'cloud://local-dev/users/demo-member/a.jpg' } : null))
    const fileID = await uploadImage('blob:http://127.0.0.1/8f0e', 'demo-member')
    expect(fileID).toBe('cloud://local-dev/users/demo-member/a.jpg')
    const upload = calls.find((c) => c.method === 'POST')!
    expect(upload.url).toMatch(/^\/api\/storage\/upload\?cloudPath=users%2Fdemo-member%2F\d{4}-\d{2}%2F[a-z0-9]+\.jpg$/)
    expect(upload.headers).toMatchObject({ 'x-wx-openid': 'demo-member', 'content-type': 'image/jpeg' })
  })

  it('says so in Chinese when the upload fails', async () => {
    stubFetch(() => ({ error: 'disk full' }))
    await expect(uploadImage('blob:http://127.0.0.1/8f0e', 'demo-member')).rejects.toMatchObject({ message: '图片上传失败，请稍后再试' })
  })
})
