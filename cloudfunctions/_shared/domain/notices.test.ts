import { NOTICE_KIND_TITLES, NOTICE_REASON_LABELS } from '../../../types/enums'
import { setIdKey } from '../infra/ids'
import { noticeDoc, pagePath, reviewNotice, type Notice } from './notices'

beforeAll(() => setIdKey('unit-test-id-key'))

const at = new Date('2026-11-20T02:00:00Z')
const claimed: Notice = {
  touser: 'oResident',
  kind: 'wishClaimed',
  event: 'wish:w1:2',
  reason: 'wishClaimed',
  target: { page: 'packages/wish/detail/index', params: { id: 'w1' } },
  data: { thing1: '想要一盏护眼台灯' }
}

describe('notices', () => {
  it('become an unread in-app notice of fixed text, with an opaque id from the event and the recipient', () => {
    const doc = noticeDoc(claimed, at)
    expect(doc).toEqual({
      _id: expect.stringMatching(/^n_[0-9a-f]{24}$/),
      recipient: 'oResident',
      kind: 'wishClaimed',
      title: NOTICE_KIND_TITLES.wishClaimed,
      body: NOTICE_REASON_LABELS.wishClaimed,
      target: claimed.target,
      createdAt: at,
      readAt: null
    })
    expect(doc._id).not.toContain('oResident')
    // The wish's title (someone's own words) stays in the subscription message only.
    expect(JSON.stringify(doc)).not.toContain('台灯')
    expect(noticeDoc(claimed, new Date(0))._id).toBe(doc._id)
    expect(noticeDoc({ ...claimed, touser: 'oOther' }, at)._id).not.toBe(doc._id)
    expect(noticeDoc({ ...claimed, event: 'wish:w1:3' }, at)._id).not.toBe(doc._id)
  })

  it('open their page with its query', () => {
    expect(pagePath(claimed.target)).toBe('packages/wish/detail/index?id=w1')
    expect(pagePath({ page: 'packages/points/orders/index', params: {} })).toBe('packages/points/orders/index')
  })

  it('tell a review result with a fixed reason', () => {
    const n = reviewNotice(
      'oShop',
      'merchantReviewed',
      'merchant:m1:1',
      false,
      { page: 'packages/points/merchant/index', params: {} },
      '好邻居便利店'
    )
    expect(n).toMatchObject({
      reason: 'registrationRejected',
      data: { phrase2: '未通过', thing3: NOTICE_REASON_LABELS.registrationRejected }
    })
  })
})
