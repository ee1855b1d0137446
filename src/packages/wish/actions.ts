// The lifecycle actions a person starts from the detail page, each behind a plain-words confirmation.
import Taro from '@tarojs/taro'
import type { WishDetail } from '@contract/schemas/wish'
import { call } from '@/services/cloud'

async function confirmed(title: string, content: string, confirmText: string): Promise<boolean> {
  const res = await Taro.showModal({ title, content, confirmText, confirmColor: '#C8102E', cancelText: '再想想' })
  return res.confirm
}

/** The claim period is the community's setting, as the server sent it with the wish; never a guess here. */
export async function claimWish(wish: Pick<WishDetail, 'id' | 'claimDays'>): Promise<boolean> {
  if (!(await confirmed('认领心愿', `认领后请在${wish.claimDays}天内帮助实现；联系方式只用于这个心愿。确定认领吗？`, '确定认领')))
    return false
  await call('wish', 'claim', { wishId: wish.id })
  void Taro.showToast({ title: '认领成功', icon: 'success' })
  return true
}

export async function releaseWish(wishId: string): Promise<boolean> {
  if (!(await confirmed('放弃认领', '放弃后心愿会重新公开，由其他人认领。确定放弃吗？', '确定放弃'))) return false
  await call('wish', 'release', { wishId })
  void Taro.showToast({ title: '已放弃认领', icon: 'none' })
  return true
}

export async function withdrawWish(wishId: string): Promise<boolean> {
  if (!(await confirmed('撤回心愿', '撤回后心愿不再公开，也不能再被认领。确定撤回吗？', '确定撤回'))) return false
  await call('wish', 'withdraw', { wishId })
  void Taro.showToast({ title: '心愿已撤回', icon: 'none' })
  return true
}
