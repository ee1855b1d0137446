// 认领 a need: for oneself as an approved member, or for one's unit as its admin. Asks first, because
// a claim is a promise to the community.
import Taro from '@tarojs/taro'
import type { Need } from '@contract/schemas/party'
import { useAction } from '@/hooks/useAction'
import { call } from '@/services/cloud'

export function useClaim(onClaimed: (need: Need) => void) {
  return useAction(async (need: Need, unitId?: string) => {
    const { confirm } = await Taro.showModal({
      title: unitId ? '以单位名义认领' : '认领需求',
      content: `认领“${need.title}”后，请按时完成并提交完成情况。`,
      confirmText: '确认认领',
      cancelText: '再想想'
    })
    if (!confirm) return undefined
    const claimed = await call('party', 'claimNeed', unitId ? { needId: need.id, unitId } : { needId: need.id })
    void Taro.showToast({ title: '认领成功', icon: 'success' })
    onClaimed(claimed)
    return claimed
  })
}
