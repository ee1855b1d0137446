// Findings 9 and 13 of issue 13, through the local cloud in the matrix world (support/matrixWorld.ts):
// - 9: periods of a year no dashboard can mean (9999, 9999H2, 0001-03) answered INTERNAL, and 0000 silently
//   reported 1900; every period and date outside 2000–2099 is now INVALID_ARGUMENT, nothing INTERNAL.
// - 13: full-width digits, zero-width and bidi characters slipped phone numbers and names past the
//   public-text guard, and lone surrogates were stored; text is now normalised before every check.
import type { ActionOf, FnName } from '../../types'
import { typedClient, type Input } from '../support/client'
import { useLocalCloud } from '../support/cloud'
import { fails, ok } from '../support/envelope'
import { MATRIX } from './matrix'
import { IDS, WHO, changedCollections, snapshot, useKeptWorld, type CallerKind } from './support/matrixWorld'

const lc = useLocalCloud({ instancesPerFunction: 1 })
const api = typedClient(lc)
const kept = useKeptWorld(lc)

/** The matrix's valid payload of `fn.action` (its first case) for `kind`. */
function validPayload<F extends FnName, A extends ActionOf<F>>(fn: F, action: A, kind: CallerKind): Input<F, A> {
  const row = (MATRIX[fn] as Record<string, ReadonlyArray<{ payload: (w: unknown, k: CallerKind) => unknown }>>)[action]
  return row[0].payload(kept.world, kind) as Input<F, A>
}

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
