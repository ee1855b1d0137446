import { obligationMessage } from './obligations'

const none = { claimedWishes: 0, ownOpenWishes: 0, claimedNeeds: 0, pendingOrders: 0, activeEnrollments: 0 }

describe('open obligations before deleting an account', () => {
  test('nothing open: no refusal', () => {
    expect(obligationMessage(none)).toBeNull()
  })

  test('names each kind of open promise with its count', () => {
    expect(obligationMessage({ ...none, claimedWishes: 1, pendingOrders: 2 })).toBe(
      '您还有认领中的心愿1项、待领取的兑换订单2项，请先完成、放弃或取消后再注销'
    )
  })
})
