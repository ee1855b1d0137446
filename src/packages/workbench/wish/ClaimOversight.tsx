// Staff oversight of a claim in their community: 强制释放 (end the claim, with a reason from a fixed list,
// optionally stopping the person claiming again) and 暂停 / 恢复认领资格. Each asks first, naming the
// person as staff see them (masked). The reason is kept for staff; the beneficiary hears a fixed notice.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import {
  FORCE_RELEASE_REASONS,
  FORCE_RELEASE_REASON_LABELS,
  SUSPENSION_REASONS,
  SUSPENSION_REASON_LABELS,
  type ForceReleaseReason,
  type SuspensionReason
} from '@contract/enums'
import type { StaffWish } from '@contract/schemas/wish'
import { BigButton } from '@/components/BigButton'
import { Check } from '@/components/Check'
import { Chips } from '@/components/Chips'
import { useAction } from '@/hooks/useAction'
import { call } from '@/services/cloud'

const RELEASE_OPTIONS = FORCE_RELEASE_REASONS.map((r) => ({ value: r, label: FORCE_RELEASE_REASON_LABELS[r] }))
const SUSPEND_OPTIONS = SUSPENSION_REASONS.map((r) => ({ value: r, label: SUSPENSION_REASON_LABELS[r] }))
/** Lifting a suspension needs no choice; the record still says why. */
const LIFT_REASON = '经社区核实，恢复认领资格'

const confirmed = async (title: string, content: string, confirmText: string) =>
  (await Taro.showModal({ title, content, confirmText, confirmColor: '#C8102E', cancelText: '再想想' })).confirm

export interface ClaimOversightProps {
  wish: Pick<StaffWish, 'id' | 'title' | 'claimer'>
  onDone: () => void
}

type Mode = 'release' | 'suspend' | null

export function ClaimOversight({ wish, onDone }: ClaimOversightProps) {
  const [mode, setMode] = useState<Mode>(null)
  const [releaseReason, setReleaseReason] = useState<ForceReleaseReason | null>(null)
  const [suspendToo, setSuspendToo] = useState(false)
  const [suspendReason, setSuspendReason] = useState<SuspensionReason | null>(null)
  const who = wish.claimer?.displayName || '认领人'

  const act = useAction(async (kind: 'release' | 'suspend' | 'lift') => {
    if (kind === 'release') {
      if (!releaseReason) return void Taro.showToast({ title: '请选择释放原因', icon: 'none' })
      const reason = FORCE_RELEASE_REASON_LABELS[releaseReason]
      const more = suspendToo ? `，并暂停${who}在本社区认领心愿` : ''
      const ask = `将结束${who}对“${wish.title}”的认领${more}。心愿会重新公开征集，受助人会收到“社区已结束本次认领”的通知。\n原因：${reason}`
      if (!(await confirmed('强制释放', ask, '确定释放'))) return
      await call('wish', 'forceRelease', { wishId: wish.id, reason, suspend: suspendToo })
      void Taro.showToast({ title: '已释放，心愿重新公开', icon: 'none' })
    } else if (kind === 'suspend') {
      if (!suspendReason) return void Taro.showToast({ title: '请选择暂停原因', icon: 'none' })
      const reason = SUSPENSION_REASON_LABELS[suspendReason]
      const ask = `暂停${who}在本社区认领心愿，直到您恢复为止。当前的认领不受影响。\n原因：${reason}`
      if (!(await confirmed('暂停认领资格', ask, '确定暂停'))) return
      await call('wish', 'setClaimerSuspension', { wishId: wish.id, suspended: true, reason })
      void Taro.showToast({ title: `已暂停${who}的认领资格`, icon: 'none' })
    } else {
      if (!(await confirmed('恢复认领资格', `恢复${who}在本社区认领心愿的资格。`, '确定恢复'))) return
      await call('wish', 'setClaimerSuspension', { wishId: wish.id, suspended: false, reason: LIFT_REASON })
      void Taro.showToast({ title: `已恢复${who}的认领资格`, icon: 'none' })
    }
    setMode(null)
    onDone()
  })

  if (mode === 'release')
    return (
      <View className="wish-oversight">
        <Text className="wish-oversight__title">强制释放：选择原因</Text>
        <Chips label="释放原因" options={RELEASE_OPTIONS} value={releaseReason} onChange={setReleaseReason} />
        <Check checked={suspendToo} onChange={setSuspendToo}>
          同时暂停{who}在本社区认领心愿
        </Check>
        <View className="wish-review__actions">
          <BigButton size="normal" loading={act.running} onClick={() => void act.run('release')}>
            确认释放
          </BigButton>
          <BigButton size="normal" fill="outline" onClick={() => setMode(null)}>
            取消
          </BigButton>
        </View>
      </View>
    )
  if (mode === 'suspend')
    return (
      <View className="wish-oversight">
        <Text className="wish-oversight__title">暂停认领资格：选择原因</Text>
        <Chips label="暂停原因" options={SUSPEND_OPTIONS} value={suspendReason} onChange={setSuspendReason} />
        <View className="wish-review__actions">
          <BigButton size="normal" loading={act.running} onClick={() => void act.run('suspend')}>
            确认暂停
          </BigButton>
          <BigButton size="normal" fill="outline" onClick={() => setMode(null)}>
            取消
          </BigButton>
        </View>
      </View>
    )
  return (
    <View className="wish-oversight__buttons">
      <BigButton size="normal" fill="outline" onClick={() => setMode('release')}>
        强制释放
      </BigButton>
      <BigButton size="normal" fill="outline" onClick={() => setMode('suspend')}>
        暂停认领资格
      </BigButton>
      <BigButton size="normal" fill="none" loading={act.running} onClick={() => void act.run('lift')}>
        恢复认领资格
      </BigButton>
    </View>
  )
}
