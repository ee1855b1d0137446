// 续报到: the member confirms their registration for the current half-year.
import Taro from '@tarojs/taro'
import type { MyRegistration } from '@contract/schemas/party'
import { useAction } from '@/hooks/useAction'
import { call } from '@/services/cloud'
import { halfLabel } from './period'

export function useRenew(onDone: (mine: MyRegistration) => void) {
  return useAction(async () => {
    const mine = await call('party', 'renew')
    onDone(mine)
    void Taro.showToast({ title: `${halfLabel(mine.currentHalf)}已续报到`, icon: 'none' })
    return mine
  })
}
