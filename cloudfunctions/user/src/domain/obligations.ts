// An account with promises still open to others cannot be deleted yet: a claimed wish someone waits
// for, a pickup that holds stock, an enrollment that holds a place. Deleting would strand them.

export interface Obligations {
  claimedWishes: number
  ownOpenWishes: number
  claimedNeeds: number
  pendingOrders: number
  activeEnrollments: number
}

const LABELS: Record<keyof Obligations, string> = {
  claimedWishes: '认领中的心愿',
  ownOpenWishes: '进行中的本人心愿',
  claimedNeeds: '认领中的社区需求',
  pendingOrders: '待领取的兑换订单',
  activeEnrollments: '已报名的志愿活动'
}

/** The refusal a person reads, or null when nothing is open. */
export function obligationMessage(open: Obligations): string | null {
  const items = (Object.keys(LABELS) as Array<keyof Obligations>).filter((k) => open[k] > 0).map((k) => `${LABELS[k]}${open[k]}项`)
  return items.length ? `您还有${items.join('、')}，请先完成、放弃或取消后再注销` : null
}
