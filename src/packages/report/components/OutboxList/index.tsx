// 待发送: what waits on the phone for the network (reports, patrol check-points), with when it was made,
// the last problem, and 重试 / 删除. Sending happens by itself when the network returns.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { BigButton } from '@/components/BigButton'
import { formatDateTime } from '@/utils/date'
import type { OutboxState } from '../../outbox'
import './index.css'

async function confirmDelete(): Promise<boolean> {
  const res = await Taro.showModal({
    title: '删除待发送内容',
    content: '删除后这条内容和照片不会再发送，也无法恢复。确定删除吗？',
    confirmText: '确定删除',
    confirmColor: '#C8102E',
    cancelText: '再想想'
  })
  return res.confirm
}

export function OutboxList({ outbox }: { outbox: OutboxState }) {
  if (!outbox.items.length) return null
  return (
    <View className="report-outbox" aria-label="待发送">
      <Text className="report-outbox__title">{`待发送（${outbox.items.length}）`}</Text>
      <Text className="llt-text-secondary">没有网络时保存在手机上，联网后会自动发送，时间和位置按拍摄时记录。</Text>
      {outbox.items.map((item) => (
        <View key={item.id} className="llt-card report-outbox__item">
          <View className="llt-card__head">
            <Text className="llt-card__title">{item.title}</Text>
            <Text className={`report-outbox__state report-outbox__state--${item.state}`}>
              {item.state === 'waiting' ? '待发送' : '未能发送'}
            </Text>
          </View>
          <Text className="llt-card__line">{`${formatDateTime(item.createdAt)} 记录 · ${item.photos.length}张照片`}</Text>
          {item.error && (
            <Text className="report-outbox__error">{item.state === 'refused' ? `未能发送：${item.error}` : `上次尝试：${item.error}`}</Text>
          )}
          <View className="report-outbox__actions">
            <BigButton size="normal" loading={outbox.sending} onClick={() => void outbox.retry(item.id)}>
              重试
            </BigButton>
            <BigButton
              size="normal"
              fill="outline"
              onClick={() => void confirmDelete().then((yes) => (yes ? outbox.remove(item.id) : undefined))}
            >
              删除
            </BigButton>
          </View>
        </View>
      ))}
    </View>
  )
}
