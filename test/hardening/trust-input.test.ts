// Findings 9 and 13 of issue 13, through the local cloud in the matrix world (support/matrixWorld.ts):
// - 9: periods of a year no dashboard can mean (9999, 9999H2, 0001-03) answered INTERNAL, and 0000 silently
//   reported 1900; every period and date outside 2000–2099 is now INVALID_ARGUMENT, nothing INTERNAL.
// - 12: the own-file rule held only for wishes: staff set a resident's private upload as a facility photo
//   (then fetchable by every resident); goods photos, activity covers, need photos and avatars were unchecked.
// - 13: full-width digits, zero-width and bidi characters slipped phone numbers and names past the
//   public-text guard, and lone surrogates were stored; text is now normalised before every check.
import type { ActionOf, FnName } from '../../types'
import { typedClient, type Input } from '../support/client'
import { useLocalCloud } from '../support/cloud'
import { fails, ok } from '../support/envelope'
import { payloadOf } from './matrix'
import { IDS, WHO, changedCollections, ownPhoto, snapshot, useKeptWorld, type CallerKind } from './support/matrixWorld'

const lc = useLocalCloud({ instancesPerFunction: 1 })
const api = typedClient(lc)
const kept = useKeptWorld(lc)

/** The matrix's valid payload of `fn.action` (case `index`) for `kind`. */
const validPayload = <F extends FnName, A extends ActionOf<F>>(fn: F, action: A, kind: CallerKind, index = 0) =>
  payloadOf(fn, action, kept.world, kind, index)

/** Refused with INVALID_ARGUMENT and nothing written. */
async function refusedUnchanged(call: () => Promise<unknown>, message?: RegExp) {
  kept.fresh()
  await fails(call() as never, 'INVALID_ARGUMENT', message)
  expect(changedCollections(kept.pristine, snapshot(lc.cloud.store))).toEqual([])
}

describe('finding 9: periods and dates outside 2000–2099 are INVALID_ARGUMENT, never INTERNAL', () => {
  const BAD_PERIODS = ['9999', '9999H2', '0001-03', '0000', '1899-12', '2100H1']

  test.each(BAD_PERIODS)('period %s', async (period) => {
    const staff = WHO.staff
    const street = WHO.streetAdmin
    await refusedUnchanged(() => api.workbench.dashboard({ communityId: IDS.community, period }, staff), /统计周期/)
    await refusedUnchanged(() => api.workbench.streetDashboard({ streetId: IDS.street, period }, street), /统计周期/)
    await refusedUnchanged(() => api.workbench.exportCsv({ kind: 'registrations', communityId: IDS.community, period }, staff), /统计周期/)
    await refusedUnchanged(() => api.wish.stats({ communityId: IDS.community, period }, staff), /统计周期/)
  })

  test('a period in range still answers', async () => {
    kept.fresh()
    await ok(api.workbench.dashboard({ communityId: IDS.community, period: '2000' }, WHO.staff))
    await ok(api.workbench.dashboard({ communityId: IDS.community, period: '2099-12' }, WHO.staff))
  })

  test.each(['0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z', 8.64e15, 1])('an activity starting at %s', async (start) => {
    const input = { ...validPayload('volunteer', 'createActivity', 'staff'), start }
    await refusedUnchanged(() => api.volunteer.createActivity(input as Input<'volunteer', 'createActivity'>, WHO.staff), /开始时间/)
  })

  test.each(['0000-01-01', '9999-12-31', '2026-02-30'])('a wish wanted by %s', async (desiredDate) => {
    const input = { ...validPayload('wish', 'submit', 'resident'), desiredDate }
    await refusedUnchanged(() => api.wish.submit(input, WHO.resident), /日期/)
  })
})

describe('finding 13: text is normalised before every check', () => {
  const submitWith = (over: Partial<Input<'wish', 'submit'>>) =>
    api.wish.submit({ ...validPayload('wish', 'submit', 'resident'), ...over }, WHO.resident)
  const PHONE_TRICKS = {
    'full-width digits': '有事请打１３９１２３４００００',
    'zero-width spaces': '有事请打139\u200B1234\u200B0000',
    'bidi isolates and dashes': '有事请打\u2066139\u2069－1234－0000',
    'word joiners and styled digits': '有事请打𝟏𝟑𝟗\u20601234\u20600000'
  }

  test.each(Object.entries(PHONE_TRICKS))('a phone number in a public story hidden by %s is refused', async (_, story) => {
    await refusedUnchanged(() => submitWith({ story }), /电话/)
  })

  test('the beneficiary’s name hidden by zero-width and bidi characters is refused in the title', async () => {
    await refusedUnchanged(() => submitWith({ title: '王\u200B秀\u202E兰\u202C想要台灯' }), /姓名/)
  })

  test('a lone surrogate is refused, in a wish and in a nickname', async () => {
    await refusedUnchanged(() => submitWith({ story: '想要台灯\uD800' }), /无效字符/)
    await refusedUnchanged(() => api.user.updateProfile({ nickName: '邻居\uDFFF' }, WHO.resident), /无效字符/)
  })

  test('what is stored is the normal form: invisible characters gone, Chinese punctuation kept', async () => {
    kept.fresh()
    const { id } = await ok(submitWith({ title: '想要\u200B一盏\u202E台灯\u202C', story: '家里的台灯坏了，晚上看书不方便！（急）' }))
    kept.touched()
    const wish = lc.cloud.store.get('wishes', id)
    expect(wish).toMatchObject({ title: '想要一盏台灯', story: '家里的台灯坏了，晚上看书不方便！（急）' })
  })
})

describe('finding 12: every file field takes only the caller’s own uploads', () => {
  /** A resident's private upload: the photo of their submitted wish. */
  const privateUpload = () => ownPhoto(WHO.resident, 'lamp.jpg')
  const ATTACKS: Array<[string, () => Promise<unknown>]> = [
    [
      'a facility photo (new)',
      () =>
        api.lifeCircle.upsertFacility({ ...validPayload('lifeCircle', 'upsertFacility', 'staff'), photos: [privateUpload()] }, WHO.staff)
    ],
    [
      'a facility photo (edit)',
      () =>
        api.lifeCircle.upsertFacility({ ...validPayload('lifeCircle', 'upsertFacility', 'staff', 1), photos: [privateUpload()] }, WHO.staff)
    ],
    [
      'a goods photo (new)',
      () => api.points.upsertGoods({ ...validPayload('points', 'upsertGoods', 'merchant'), photo: privateUpload() }, WHO.merchant)
    ],
    [
      'a goods photo (edit, by staff)',
      () => api.points.upsertGoods({ ...validPayload('points', 'upsertGoods', 'staff', 1), photo: privateUpload() }, WHO.staff)
    ],
    [
      'an activity cover',
      () => api.volunteer.createActivity({ ...validPayload('volunteer', 'createActivity', 'staff'), cover: privateUpload() }, WHO.staff)
    ],
    [
      'a need’s completion photos',
      () => api.party.completeNeed({ ...validPayload('party', 'completeNeed', 'member'), photos: [privateUpload()] }, WHO.member)
    ],
    ['an avatar', () => api.user.updateProfile({ avatar: privateUpload() }, WHO.volunteer)],
    ['a wish’s photos', () => api.wish.submit({ ...validPayload('wish', 'submit', 'volunteer'), photos: [privateUpload()] }, WHO.volunteer)]
  ]

  test.each(ATTACKS)('someone else’s file as %s is refused', async (_, attack) => {
    await refusedUnchanged(attack, /本人上传/)
  })

  test('one’s own uploads pass, and an edit may keep the files the record already holds', async () => {
    kept.fresh()
    kept.touched()
    const cover = ownPhoto(WHO.staff, 'cover.jpg')
    const created = await ok(api.volunteer.createActivity({ ...validPayload('volunteer', 'createActivity', 'staff'), cover }, WHO.staff))
    expect(lc.cloud.store.get('activities', created.id)).toMatchObject({ cover })
    const merchantPhoto = ownPhoto(WHO.merchant, 'soap.jpg')
    const goods = { ...validPayload('points', 'upsertGoods', 'merchant', 1), photo: merchantPhoto }
    await ok(api.points.upsertGoods(goods, WHO.merchant))
    await ok(api.points.upsertGoods({ ...goods, requestId: `${goods.requestId}-staff`, name: '洗衣液3升' }, WHO.staff))
    await ok(api.user.updateProfile({ avatar: ownPhoto(WHO.volunteer, 'me.jpg') }, WHO.volunteer))
    await ok(api.user.updateProfile({ avatar: '' }, WHO.volunteer))
  })
})
