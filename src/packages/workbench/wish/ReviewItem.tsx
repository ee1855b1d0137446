// One wish in the staff queue: the public card, the private details staff need to verify it, and the
// decision (publish, or reject with a reason); a claimed wish offers 强制释放 and the claimer's suspension, and
// who saw the contact details; a fulfilled 代录 wish offers confirmation for the resident.
import { Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { StaffWish } from '@contract/schemas/wish'
import { WISH_LIMITS } from '@contract/enums'
import { BigButton } from '@/components/BigButton'
import { useAction } from '@/hooks/useAction'
import { pageUrl } from '@/routes'
import { call } from '@/services/cloud'
import { formatDateTime } from '@/utils/date'
import { WishCard } from '../../../pages/wish/components/WishCard'
import { openWish } from '../../../pages/wish/navigation'
import { ClaimOversight } from './ClaimOversight'

export interface ReviewItemProps {
  wish: StaffWish
  /** Called after a decision so the queue reloads. */
  onDone: () => void
}

function PrivateLines({ wish }: { wish: StaffWish }) {
  const p = wish.private
  return (
    <View className="wish-review__private">
      <Text className="wish-review__line">
        受助人：{p.beneficiaryName}
        {p.isChild ? '（14岁以下儿童）' : ''}
        {p.phone ? ` · ${p.phone}` : ''}
      </Text>
      {p.address && <Text className="wish-review__line">地址：{p.address}</Text>}
      {p.guardian && (
        <Text className="wish-review__line">
          监护人：{p.guardian.name}（{p.guardian.relation}）{p.guardian.phone} · {formatDateTime(p.guardian.consentAt)}同意
        </Text>
      )}
      {p.proxy && <Text className="wish-review__line">社区代录</Text>}
      {wish.claimer && (
        <Text className="wish-review__line">
          认领人：{wish.claimer.displayName}
          {wish.claimer.branch ? ` · ${wish.claimer.branch}` : ''}
        </Text>
      )}
    </View>
  )
}

/** Taps on the decision controls must not open the wish (the card is tappable). */
const keepTap = (e: { stopPropagation: () => void }) => e.stopPropagation()

export function ReviewItem({ wish, onDone }: ReviewItemProps) {
  const [rejecting, setRejecting] = useState(false)
  const [reason, setReason] = useState('')
  const decide = useAction(async (decision: 'publish' | 'reject') => {
    await call('wish', 'review', { wishId: wish.id, decision, reason: decision === 'reject' ? reason : undefined })
    void Taro.showToast({ title: decision === 'publish' ? '已公开到心愿墙' : '已驳回', icon: 'none' })
    onDone()
  })

  return (
    <WishCard wish={wish} onOpen={openWish}>
      <PrivateLines wish={wish} />
      <View onClick={keepTap}>
        {wish.status === 'submitted' && !rejecting && (
          <View className="wish-review__actions">
            <BigButton size="normal" loading={decide.running} onClick={() => void decide.run('publish')}>
              通过并公开
            </BigButton>
            <BigButton size="normal" fill="outline" onClick={() => setRejecting(true)}>
              驳回
            </BigButton>
          </View>
        )}
        {wish.status === 'submitted' && rejecting && (
          <View className="wish-review__reject">
            <Textarea
              className="wish-review__reason"
              value={reason}
              maxlength={WISH_LIMITS.reason}
              placeholder="请写明驳回理由，居民会收到通知"
              onInput={(e) => setReason(e.detail.value)}
            />
            <View className="wish-review__actions">
              <BigButton size="normal" loading={decide.running} onClick={() => void decide.run('reject')}>
                确认驳回
              </BigButton>
              <BigButton size="normal" fill="outline" onClick={() => setRejecting(false)}>
                取消
              </BigButton>
            </View>
          </View>
        )}
        {wish.status === 'claimed' && wish.claimer && <ClaimOversight wish={wish} onDone={onDone} />}
        {(wish.status === 'claimed' || wish.status === 'fulfilled' || wish.status === 'confirmed') && (
          <Text
            className="wish-review__link"
            onClick={() => void Taro.navigateTo({ url: pageUrl('workbench', 'wishContactViews', { wishId: wish.id }) })}
          >
            联系方式查看记录 ›
          </Text>
        )}
        {wish.status === 'fulfilled' && wish.private.proxy && (
          <View className="wish-review__actions">
            <BigButton size="normal" onClick={() => void Taro.navigateTo({ url: pageUrl('wish', 'confirm', { id: wish.id }) })}>
              代为确认
            </BigButton>
          </View>
        )}
      </View>
    </WishCard>
  )
}
