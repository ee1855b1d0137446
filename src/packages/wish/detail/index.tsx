// One wish: its story, the party badge of its claimer (亮身份), the timeline of every transition, and
// what the viewer may do now. The owner and staff also see the private part; the claimer and staff see
// the delivery details. Shared as a card (useShareAppMessage).
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro'
import type { WishDetail } from '@contract/schemas/wish'
import { BigButton } from '@/components/BigButton'
import { CloudImage, previewCloudImages } from '@/components/CloudImage'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { useAction } from '@/hooks/useAction'
import { useRemote } from '@/hooks/useRemote'
import { useOnReturn } from '@/hooks/useOnReturn'
import { pageUrl } from '@/routes'
import { call, CloudError, showError } from '@/services/cloud'
import { formatDateTime } from '@/utils/date'
import { StatusTag } from '../../../pages/wish/components/WishCard'
import { categoryLabel, formatDesired, formatValue } from '../../../pages/wish/format'
import { claimWish, releaseWish, withdrawWish } from '../actions'
import { ClaimerBadge } from '../components/ClaimerBadge'
import { DeliveryCard } from '../components/DeliveryCard'
import { Stars } from '../components/Stars'
import { Timeline } from '../components/Timeline'
import '../../../components/PageHeader/index.css'
import './index.css'

function Photos({ urls }: { urls: string[] }) {
  if (!urls.length) return null
  return (
    <View className="wish-detail__photos">
      {urls.map((url) => (
        <CloudImage key={url} className="wish-detail__photo" src={url} onClick={() => void previewCloudImages(urls, url)} />
      ))}
    </View>
  )
}

function Head({ wish }: { wish: WishDetail }) {
  return (
    <View className="llt-header wish-detail__head">
      <View className="wish-detail__tags">
        <StatusTag status={wish.status} />
        <Text className="wish-detail__category">{categoryLabel(wish.category)}</Text>
      </View>
      <Text className="llt-header__title">{wish.title}</Text>
      <Text className="llt-header__subtitle">
        {wish.beneficiaryDisplay}的心愿 · {wish.communityName}
      </Text>
      <View className="wish-detail__facts">
        <Text className="wish-detail__fact">{formatValue(wish.value)}</Text>
        {formatDesired(wish.desiredDate) && <Text className="wish-detail__fact">{formatDesired(wish.desiredDate)}</Text>}
      </View>
    </View>
  )
}

function PrivatePart({ p }: { p: NonNullable<WishDetail['private']> }) {
  return (
    <Section title="受助人信息" extra={<Text className="llt-text-secondary">仅您和社区工作人员可见</Text>}>
      <Text className="wish-detail__line">
        姓名：{p.beneficiaryName}
        {p.isChild ? '（14岁以下儿童）' : ''}
      </Text>
      {p.phone && <Text className="wish-detail__line">电话：{p.phone}</Text>}
      {p.address && <Text className="wish-detail__line">地址：{p.address}</Text>}
      {p.guardian && (
        <Text className="wish-detail__line">
          监护人：{p.guardian.name}（{p.guardian.relation}）{p.guardian.phone}，{formatDateTime(p.guardian.consentAt)} 已同意
        </Text>
      )}
      {p.proxy && <Text className="llt-text-secondary">由社区工作人员代录</Text>}
      <Photos urls={p.privatePhotos} />
    </Section>
  )
}

function Actions({ wish, reload }: { wish: WishDetail; reload: () => Promise<void> }) {
  const act = useAction(async (run: () => Promise<boolean>) => {
    try {
      if (await run()) await reload()
    } catch (e) {
      // A stale screen (someone claimed first): say so, then show what is true now.
      if (e instanceof CloudError && e.code === 'CONFLICT') await reload()
      throw e
    }
  })
  const go = (page: 'fulfil' | 'confirm') => void Taro.navigateTo({ url: pageUrl('wish', page, { id: wish.id }) })
  const { can } = wish
  if (!Object.values(can).some(Boolean)) return null
  return (
    <Section className="wish-detail__actions">
      {can.claim && (
        <BigButton block loading={act.running} onClick={() => void act.run(() => claimWish(wish))}>
          我来认领
        </BigButton>
      )}
      {can.fulfil && (
        <BigButton block onClick={() => go('fulfil')}>
          已送达，上传照片
        </BigButton>
      )}
      {can.confirm && (
        <BigButton block onClick={() => go('confirm')}>
          确认收到，说声谢谢
        </BigButton>
      )}
      {can.review && (
        <BigButton block onClick={() => void Taro.navigateTo({ url: pageUrl('workbench', 'wish') })}>
          去审核
        </BigButton>
      )}
      {can.release && (
        <BigButton block fill="outline" loading={act.running} onClick={() => void act.run(() => releaseWish(wish.id))}>
          放弃认领
        </BigButton>
      )}
      {can.withdraw && (
        <BigButton block fill="outline" loading={act.running} onClick={() => void act.run(() => withdrawWish(wish.id))}>
          撤回心愿
        </BigButton>
      )}
    </Section>
  )
}

export function WishView({ wish, reload }: { wish: WishDetail; reload: () => Promise<void> }) {
  return (
    <View className="wish-detail">
      <Head wish={wish} />
      {wish.private?.rejectReason && (
        <Section title="审核未通过" className="wish-detail__rejection">
          <Text className="wish-detail__reject">驳回理由：{wish.private.rejectReason}</Text>
        </Section>
      )}
      {wish.delivery && (
        <Section title={wish.viewer === 'claimer' ? '交付信息' : '交付方式'}>
          <DeliveryCard delivery={wish.delivery} claimDeadline={wish.claimDeadline} />
        </Section>
      )}
      <Actions wish={wish} reload={reload} />
      <Section title="心愿故事">
        <Text className="wish-detail__story">{wish.story}</Text>
        <Photos urls={wish.photos} />
      </Section>
      {wish.claimer && (
        <Section>
          <ClaimerBadge claimer={wish.claimer} />
        </Section>
      )}
      {wish.private && <PrivatePart p={wish.private} />}
      {wish.fulfilment && (
        <Section title="心愿实现了">
          <Text className="wish-detail__story">{wish.fulfilment.note}</Text>
          <Photos urls={wish.fulfilment.photos} />
        </Section>
      )}
      {wish.confirmation && (
        <Section title="感谢与评价">
          <Stars value={wish.confirmation.rating} />
          <Text className="wish-detail__story">{wish.confirmation.thanks}</Text>
        </Section>
      )}
      <Section title="心愿进度">
        <Timeline entries={wish.timeline} />
      </Section>
    </View>
  )
}

function Detail() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const detail = useRemote(() => call('wish', 'detail', { wishId: id }), [id], { enabled: Boolean(id) })
  // Back from the fulfil or confirm form: show the new status.
  useOnReturn(() => void detail.refresh())
  usePullDownRefresh(() => {
    detail
      .refresh()
      .catch(showError)
      .finally(() => void Taro.stopPullDownRefresh())
  })
  useShareAppMessage(() => {
    const wish = detail.data
    return {
      title: wish ? `${wish.beneficiaryDisplay}的心愿：${wish.title}` : '邻里微心愿',
      path: pageUrl('wish', 'detail', { id })
    }
  })

  if (!id) return <StateView state="error" title="没有找到这个心愿" fullPage />
  if (!detail.data) {
    return detail.error ? (
      <StateView state="error" error={detail.error} onRetry={() => void detail.refresh()} fullPage />
    ) : (
      <StateView state="loading" fullPage />
    )
  }
  return <WishView wish={detail.data} reload={detail.refresh} />
}

export default function WishDetailPage() {
  return (
    <PageShell>
      <Detail />
    </PageShell>
  )
}
