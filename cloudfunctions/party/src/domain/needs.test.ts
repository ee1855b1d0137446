import { PostNeedInput } from '../../../../types/schemas/party'
import { type AppError } from '../../../_shared/infra/errors'
import type { NeedClaimantDoc, NeedDoc } from '../docs'
import { cancel, claim, complete, confirm, holdsClaim, needActions, newNeed, release } from './needs'

const now = new Date('2026-11-22T08:00:00Z')
const staff = { id: 'staff-1', role: 'staff' as const }
const member = { id: 'o1', role: 'member' as const }
const claimant: NeedClaimantDoc = { kind: 'member', id: 'o1', by: 'o1', name: '陈建国', branch: '机关党支部', pledge: '服务群众' }
const input = PostNeedInput.parse({
  requestId: 'req-00000001',
  communityId: 'cm01',
  category: 'service',
  title: '楼道清理',
  description: '三号楼楼道杂物清理'
})
const apply = (need: NeedDoc, patch: Partial<NeedDoc>): NeedDoc => ({ ...need, ...patch })

const codeOf = (fn: () => unknown) => {
  try {
    fn()
  } catch (e) {
    return [(e as AppError).code, (e as AppError).message]
  }
  return null
}

test('the whole life of a need: post, claim, complete, send back, complete, confirm', () => {
  let need = newNeed('nd-1', input, staff, now)
  expect(need).toMatchObject({ status: 'open', claimant: null, postedBy: 'staff-1', deadline: null, place: null })
  need = apply(need, claim(need, claimant, member, now))
  expect(need).toMatchObject({ status: 'claimed', claimerId: 'o1', claimerUnitId: null })
  need = apply(need, complete(need, member, now, '已清理完毕', []))
  expect(need.completion).toEqual({ note: '已清理完毕', photos: [], at: now })
  need = apply(need, confirm(need, staff, now, false, '还有两袋没清走'))
  expect(need).toMatchObject({ status: 'claimed', completion: null })
  need = apply(need, complete(need, member, now, '全部清走了', []))
  need = apply(need, confirm(need, staff, now, true, null))
  expect(need.status).toBe('confirmed')
  expect(need.history.map((h) => `${h.from}>${h.to}`)).toEqual([
    'null>open',
    'open>claimed',
    'claimed>completed',
    'completed>claimed',
    'claimed>completed',
    'completed>confirmed'
  ])
  expect(need.history[3]).toMatchObject({ event: 'sendBack', by: 'staff-1', why: '还有两袋没清走' })
})

test('a second claim is refused as "just claimed"; expired and finished needs cannot be claimed', () => {
  const open = newNeed('nd-1', input, staff, now)
  const taken = apply(open, claim(open, claimant, member, now))
  expect(codeOf(() => claim(taken, { ...claimant, id: 'o2', by: 'o2' }, member, now))).toEqual(['CONFLICT', '该需求刚刚被认领'])
  const cancelled = apply(open, cancel(open, staff, now, '已由物业处理'))
  expect(codeOf(() => claim(cancelled, claimant, member, now))).toEqual(['CONFLICT', '该需求当前不可认领'])
  const expired = { ...open, deadline: new Date(now.getTime() - 1) }
  expect(codeOf(() => claim(expired, claimant, member, now))).toEqual(['CONFLICT', '该需求已过截止时间'])
})

test('releasing frees the claim; a unit claim is held by the unit', () => {
  const open = newNeed('nd-1', input, staff, now)
  const unitClaim: NeedClaimantDoc = { kind: 'unit', id: 'u01', by: 'admin', name: '税务局', branch: null, pledge: null }
  const taken = apply(open, claim(open, unitClaim, { id: 'admin', role: 'unitAdmin' }, now))
  expect(taken.claimerUnitId).toBe('u01')
  expect(holdsClaim(taken, 'someone', ['u01'])).toBe(true)
  expect(holdsClaim(taken, 'admin', [])).toBe(false)
  const freed = apply(taken, release(taken, { id: 'admin', role: 'unitAdmin' }, now, '人手不足'))
  expect(freed).toMatchObject({ status: 'open', claimant: null, claimerId: null, claimerUnitId: null })
})

test('buttons follow status and role', () => {
  const open = newNeed('nd-1', input, staff, now)
  expect(needActions(open, { holds: false, isStaff: false, canClaim: true })).toEqual({
    claim: true,
    release: false,
    complete: false,
    confirm: false,
    cancel: false
  })
  expect(needActions(open, { holds: false, isStaff: false, canClaim: false }).claim).toBe(false)
  const done = apply(open, { status: 'completed' })
  expect(needActions(done, { holds: false, isStaff: true, canClaim: false })).toMatchObject({ confirm: true, cancel: false })
})
