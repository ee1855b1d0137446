// The `user` function through the local cloud with the real wx-server-sdk; also pins the router's
// behaviour every function shares (validation, unknown actions, roles, no stack traces).
import { PRIVACY_VERSION } from '../../types/schemas/user'
import { useLocalCloud } from '../support/cloud'
import { typedClient } from '../support/client'

const now = new Date('2026-11-01T00:00:00Z')
const t = useLocalCloud({
  seed(store) {
    store.insert('communities', [
      {
        _id: 'cm01',
        name: '青枫社区',
        streetId: 'st01',
        center: { type: 'Point', coordinates: [118.37, 31.33] },
        address: '',
        phone: '',
        settings: {}
      },
      {
        _id: 'cm02',
        name: '柳岸社区',
        streetId: 'st01',
        center: { type: 'Point', coordinates: [118.38, 31.33] },
        address: '',
        phone: '',
        settings: {}
      }
    ])
    store.insert('compounds', [
      {
        _id: 'cp001',
        name: '阳光小区',
        communityId: 'cm01',
        streetId: 'st01',
        location: { type: 'Point', coordinates: [118.37, 31.33] },
        households: 300
      }
    ])
    store.insert('users', [
      {
        _id: 'staff-1',
        nickName: '孙丽',
        roles: [{ role: 'staff', communityId: 'cm01' }],
        elderMode: false,
        phone: '13912345678',
        createdAt: now,
        updatedAt: now
      },
      {
        _id: 'street-1',
        nickName: '周明',
        roles: [{ role: 'streetAdmin', streetId: 'st01' }],
        elderMode: false,
        createdAt: now,
        updatedAt: now
      }
    ])
    store.insert('streets', [{ _id: 'st01', name: '青枫街道', district: '镜湖区', city: '江城市' }])
    store.insert('partyMemberships', [
      { _id: 'member-1', status: 'approved', communityId: 'cm01', branch: '税务局机关党支部', pledge: '每月为邻居办一件实事' }
    ])
    store.insert('users', [
      {
        _id: 'member-1',
        nickName: '陈建国',
        roles: [{ role: 'member', communityId: 'cm01' }],
        elderMode: false,
        createdAt: now,
        updatedAt: now
      }
    ])
  }
})

const api = typedClient(t)

describe('user', () => {
  test('login creates the user once, from the caller identity only', async () => {
    const first = await api.user.login({ nickName: '王秀英' }, 'new-1')
    expect(first).toMatchObject({ ok: true, data: { openid: 'new-1', nickName: '王秀英', roles: [], needsConsent: true, isStaff: false } })
    const again = await api.user.login({ nickName: '别的名字' }, 'new-1')
    expect(again).toMatchObject({ ok: true, data: { nickName: '王秀英' } })
    expect(t.cloud.store.count('users', { _id: 'new-1' })).toBe(1)
  })

  test('an identity in the payload is ignored', async () => {
    // An identity smuggled into the payload is outside the contract's type on purpose.
    const res = await api.callRaw('user', 'login', { openid: 'staff-1', _id: 'staff-1' }, 'new-2')
    expect(res).toMatchObject({ ok: true, data: { openid: 'new-2', isStaff: false } })
  })

  test('me names the street a street admin administers, and no street for anyone else', async () => {
    expect(await api.user.me({}, 'street-1')).toMatchObject({ ok: true, data: { streetName: '青枫街道', isStaff: true } })
    expect(await api.user.me({}, 'staff-1')).toMatchObject({ ok: true, data: { streetName: null, communityId: null } })
  })

  test('me needs a signed-in user; without an openid the call is unauthenticated', async () => {
    expect(await api.user.me({}, 'nobody')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(await api.user.me({})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  test('profile: masked phone back, community and compound checked', async () => {
    await api.user.login({}, 'p-1')
    const res = await api.user.updateProfile({ phone: '138 1234 5678', communityId: 'cm01', compoundId: 'cp001' }, 'p-1')
    expect(res).toMatchObject({
      ok: true,
      data: { phone: '138****5678', communityId: 'cm01', communityName: '青枫社区', compoundId: 'cp001' }
    })
    expect(t.cloud.store.get('users', 'p-1')).toMatchObject({ phone: '13812345678' })

    const wrong = await api.user.updateProfile({ communityId: 'cm02', compoundId: 'cp001' }, 'p-1')
    expect(wrong).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '所选小区不属于该社区' } })
    expect(t.cloud.store.get('users', 'p-1')).toMatchObject({ communityId: 'cm01' })
  })

  // Malformed payloads are outside the contract's types on purpose: callRaw.
  test('malformed payloads get INVALID_ARGUMENT with field messages and change nothing', async () => {
    await api.user.login({}, 'p-2')
    const before = t.cloud.store.get('users', 'p-2')
    for (const data of [{ phone: '12345' }, { communityId: { $gt: '' } }, { nickName: 'x'.repeat(500) }, { phone: 13812345678 }]) {
      const res = await api.callRaw('user', 'updateProfile', data, 'p-2')
      expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
      expect(res.ok === false && res.error.details?.fields?.length).toBeGreaterThan(0)
    }
    expect(await api.callRaw('user', 'setElderMode', { on: 'yes' }, 'p-2')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' }
    })
    expect(t.cloud.store.get('users', 'p-2')).toEqual(before)
  })

  test('an unknown action is an error, never a crash or a stack trace', async () => {
    const res = await api.callRaw('user', 'dropDatabase', {}, 'p-2')
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(JSON.stringify(res)).not.toMatch(/at .*\.js:\d+/)
  })

  test('elder mode and consent are remembered', async () => {
    await api.user.login({}, 'p-3')
    expect(await api.user.setElderMode({ on: true }, 'p-3')).toMatchObject({ ok: true, data: { elderMode: true } })
    const consent = await api.user.consent({ version: PRIVACY_VERSION, agreed: true }, 'p-3')
    expect(consent).toMatchObject({ ok: true, data: { needsConsent: false, consentVersion: PRIVACY_VERSION } })
    // Consent refused is outside the contract's type on purpose.
    expect(await api.callRaw('user', 'consent', { version: PRIVACY_VERSION, agreed: false }, 'p-3')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' }
    })
    expect(await api.user.me({}, 'p-3')).toMatchObject({ ok: true, data: { elderMode: true, needsConsent: false } })
  })

  test('staff see the workbench; approved members carry their badge', async () => {
    expect(await api.user.me({}, 'staff-1')).toMatchObject({ ok: true, data: { isStaff: true, phone: '139****5678' } })
    expect(await api.user.me({}, 'member-1')).toMatchObject({
      ok: true,
      data: { badge: { branch: '税务局机关党支部', pledge: '每月为邻居办一件实事' } }
    })
  })

  test('communities are listed for pickers, to anyone', async () => {
    const res = await api.user.communities({}, 'someone-new')
    expect(res).toMatchObject({ ok: true, data: [{ id: 'cm01', name: '青枫社区', center: { lat: 31.33, lng: 118.37 } }, { id: 'cm02' }] })
  })

  test('deleteAccount is refused while others wait on the person (a claimed wish, a pending pickup), and changes nothing', async () => {
    await api.user.login({ nickName: '还有事没办完' }, 'p-5')
    t.cloud.store.insert('redemptions', [{ _id: 'o-p5', openid: 'p-5', status: 'pending', goodsId: 'g1', quantity: 1 }])
    t.cloud.store.insert('wishes', [{ _id: 'w-p5', claimerId: 'p-5', submitterId: 'someone', status: 'claimed' }])
    const before = t.cloud.store.get('users', 'p-5')
    const res = await api.user.deleteAccount({ confirm: '注销' }, 'p-5')
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: '您还有认领中的心愿1项、待领取的兑换订单1项，请先完成、放弃或取消后再注销' }
    })
    expect(t.cloud.store.get('users', 'p-5')).toEqual(before)
  })

  test('deleteAccount erases personal data and refuses the account afterwards', async () => {
    await api.user.login({ nickName: '要注销的人' }, 'p-4')
    await api.user.updateProfile({ phone: '13800001111', realName: '张三' }, 'p-4')
    // A wrong confirmation word is outside the contract's type on purpose.
    expect(await api.callRaw('user', 'deleteAccount', { confirm: '不' }, 'p-4')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' }
    })
    expect(await api.user.deleteAccount({ confirm: '注销' }, 'p-4')).toMatchObject({ ok: true, data: { deleted: true } })
    const stored = t.cloud.store.get('users', 'p-4')!
    expect(stored).toMatchObject({ nickName: '已注销用户', phone: null, realName: null, roles: [] })
    expect(JSON.stringify(stored)).not.toMatch(/13800001111|张三|要注销的人/)
    expect(await api.user.me({}, 'p-4')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })
})
