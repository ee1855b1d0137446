import { SubmitInput } from '../../../../types/schemas/wish'
import { DEFAULT_COMMUNITY_SETTINGS, toPoint } from '../../../_shared/docs'
import { type AppError } from '../../../_shared/infra/errors'
import { checkSubmission, cstDay, leakIn, newWish, type SubmitFacts } from './submission'
import { isOwnFile } from '../../../_shared/infra/files'
import { isValidHistory } from './stateMachine'

const now = new Date('2026-11-01T02:00:00Z')
const facts = (over: Partial<SubmitFacts> = {}): SubmitFacts => ({
  openid: 'u-res',
  staff: false,
  profile: { realName: '张桂英', phone: '13912345678' },
  settings: DEFAULT_COMMUNITY_SETTINGS,
  now,
  ...over
})
const parse = (over: Record<string, unknown> = {}) =>
  SubmitInput.parse({
    requestId: 'req-00000001',
    category: 'goods',
    title: '想要一盏护眼台灯',
    story: '家里的台灯坏了，晚上看书不方便。',
    value: 120,
    photos: ['cloud://env-1/users/u-res/2026-11/a.jpg'],
    beneficiary: { name: '张桂英', appellation: '奶奶', address: '幸福小区3栋201' },
    consent: true,
    ...over
  })

function refusal(run: () => void): AppError {
  try {
    run()
  } catch (e) {
    return e as AppError
  }
  throw new Error('not refused')
}

describe('submission rules', () => {
  it('accepts a resident’s own wish and builds the document', () => {
    const input = parse()
    expect(() => checkSubmission(input, facts())).not.toThrow()
    const wish = newWish(input, facts(), {
      id: 'w1',
      communityId: 'cm01',
      streetId: 'st01',
      compoundId: null,
      location: toPoint(31.3, 118.3)
    })
    expect(wish).toMatchObject({
      status: 'submitted',
      submitterId: 'u-res',
      proxy: false,
      photos: input.photos,
      privatePhotos: [],
      beneficiary: { ownerId: 'u-res', name: '张桂英', display: '张奶奶', phone: '13912345678', address: '幸福小区3栋201', isChild: false }
    })
    expect(isValidHistory(wish.history)).toBe(true)
  })

  it('refuses a value above the community cap', () => {
    const e = refusal(() => checkSubmission(parse({ value: 201 }), facts()))
    expect(e.code).toBe('INVALID_ARGUMENT')
    expect(e.message).toBe('预估价值不能超过200元')
  })

  it('refuses photos that are not the caller’s own uploads', () => {
    expect(isOwnFile('cloud://env/users/u-res/a.jpg', 'u-res')).toBe(true)
    expect(isOwnFile('cloud://env/users/u-other/a.jpg', 'u-res')).toBe(false)
    expect(isOwnFile('cloud://env/users/u-res2/a.jpg', 'u-res')).toBe(false)
    expect(isOwnFile('cloud://env/uploads/a.jpg', 'u-res')).toBe(false)
    expect(isOwnFile('cloud://env/users/u-res/../u-other/a.jpg', 'u-res')).toBe(false)
    const e = refusal(() => checkSubmission(parse({ photos: ['cloud://env/users/u-other/a.jpg'] }), facts()))
    expect(e.message).toBe('只能使用您本人上传的图片')
  })

  it('keeps phone numbers, names and addresses out of public text', () => {
    const secrets = { name: '李小明', address: '阳光小区5栋', isChild: true }
    expect(leakIn('请打电话 139 1234 5678', secrets)).toMatch(/电话/)
    expect(leakIn('给李小明买书包', secrets)).toMatch(/姓名/)
    expect(leakIn('小明想要书包', secrets)).toMatch(/名字/)
    expect(leakIn('送到阳光小区5栋', secrets)).toMatch(/地址/)
    expect(leakIn('一个孩子想要书包', secrets)).toBeNull()
    // issue 13, finding 13: what the schema would normalise, and what it would not, is still caught
    expect(leakIn('请打电话１３９１２３４５６７８', secrets)).toMatch(/电话/)
    expect(leakIn('请打电话139\u200B1234\u200B5678', secrets)).toMatch(/电话/)
    expect(leakIn('请打电话\u2066139\u2069-1234-5678', secrets)).toMatch(/电话/)
    expect(leakIn('给李\u200B小明买书包', secrets)).toMatch(/姓名/)
    expect(leakIn('给李 小 明买书包', secrets)).toMatch(/姓名/)
    expect(leakIn('给Ｌｉｌｙ买书包', { ...secrets, name: 'Lily' })).toMatch(/姓名/)
    expect(refusal(() => checkSubmission(parse({ story: '张桂英想要台灯' }), facts())).code).toBe('INVALID_ARGUMENT')
  })

  it('lets only staff post for a child, with the guardian’s consent, photos kept private', () => {
    const child = {
      proxy: true,
      communityId: 'cm01',
      beneficiary: { name: '李小明', appellation: '同学', isChild: true },
      guardian: { name: '刘红梅', relation: '母亲', phone: '13700001111', consent: true },
      photos: ['cloud://env/users/u-staff/child.jpg']
    }
    expect(refusal(() => checkSubmission(parse({ ...child, proxy: false }), facts())).code).toBe('PERMISSION_DENIED')
    expect(refusal(() => checkSubmission(parse(child), facts({ openid: 'u-staff' }))).code).toBe('PERMISSION_DENIED')
    expect(() => SubmitInput.parse({ ...parse(), ...child, guardian: undefined })).toThrow('儿童心愿须记录监护人同意')
    const f = facts({ openid: 'u-staff', staff: true, profile: { realName: '孙丽', phone: '13800000000' } })
    const input = parse(child)
    checkSubmission(input, f)
    const wish = newWish(input, f, { id: 'w2', communityId: 'cm01', streetId: 'st01', compoundId: null, location: toPoint(31.3, 118.3) })
    expect(wish.photos).toEqual([])
    expect(wish.privatePhotos).toEqual(child.photos)
    expect(wish.beneficiary).toMatchObject({ ownerId: null, display: '李同学', phone: null, isChild: true })
    expect(wish.guardian).toMatchObject({ name: '刘红梅', phone: '13700001111', consentAt: now, recordedBy: 'u-staff' })
    expect(wish.history[0]).toMatchObject({ role: 'staff', why: '社区工作人员代录' })
  })

  it('needs a contact phone or the hand-over point, and a desired date not in the past', () => {
    const noPhone = facts({ profile: { realName: null, phone: null } })
    expect(refusal(() => checkSubmission(parse(), noPhone)).message).toMatch(/联系电话/)
    expect(() => checkSubmission(parse({ delivery: 'handover' }), noPhone)).not.toThrow()
    expect(
      refusal(() =>
        checkSubmission(parse({ delivery: 'handover' }), facts({ settings: { ...DEFAULT_COMMUNITY_SETTINGS, handoverPoint: '' } }))
      ).message
    ).toMatch(/转交点/)
    expect(cstDay(now)).toBe('2026-11-01')
    expect(refusal(() => checkSubmission(parse({ desiredDate: '2026-10-31' }), facts())).message).toBe('期望日期不能早于今天')
    expect(() => checkSubmission(parse({ desiredDate: '2026-11-01' }), facts())).not.toThrow()
  })

  it('rejects bad shapes in the schema with readable messages', () => {
    const issues = (over: Record<string, unknown>) => {
      const r = SubmitInput.safeParse({ ...parse(), ...over })
      return r.success ? [] : r.error.issues.map((i) => i.message)
    }
    expect(issues({ title: '   ' })).toContain('请填写心愿标题')
    expect(issues({ story: '长'.repeat(5000) })).toContain('心愿描述不能超过500个字')
    expect(issues({ category: 'weapons' })).toContain('请选择心愿类别')
    expect(issues({ photos: ['http://evil/a.jpg'] })).toContain('图片格式不正确')
    expect(issues({ consent: false })).toContain('请阅读并同意心愿发布须知')
  })
})
