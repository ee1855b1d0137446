// 出示签到码 (staff): the rotating check-in QR code, a new one every 30 seconds, big enough to scan from a
// step away; the screen stays on; the count of who has checked in refreshes with it.
import { Text, View } from '@tarojs/components'
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro'
import { BigButton } from '@/components/BigButton'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { useRemote } from '@/hooks/useRemote'
import { pageUrl } from '@/routes'
import { call } from '@/services/cloud'
import { navigate } from '@/services/navigation'
import { isWeapp } from '@/services/platform'
import { QrCode } from '../../../points/components/QrCode'
import { useRotatingCode } from './useRotatingCode'
import './index.css'

const keepScreenOn = (on: boolean) => {
  if (isWeapp()) void Taro.setKeepScreenOn({ keepScreenOn: on }).catch(() => undefined)
}

function CheckinCodeView() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const rotating = useRotatingCode(id)
  const activity = useRemote(() => call('volunteer', 'activity', { activityId: id }), [id])
  const summary = useRemote(() => call('volunteer', 'attendance', { activityId: id, limit: 1 }), [id, rotating.code?.window])
  useDidShow(() => {
    keepScreenOn(true)
    rotating.resume()
  })
  useDidHide(() => {
    keepScreenOn(false)
    rotating.pause()
  })

  if (!rotating.code && rotating.error) return <StateView state="error" error={rotating.error} fullPage />
  if (!rotating.code) return <StateView state="loading" title="正在生成签到码…" fullPage />
  const s = summary.data?.summary
  return (
    <Section>
      <Text className="wb-code__title">{activity.data?.title ?? '签到码'}</Text>
      <Text className="wb-code__hint">请志愿者用“扫码签到”扫描，签到和签退都用这个码</Text>
      <QrCode text={rotating.code.payload} label="签到二维码" dimmed={Boolean(rotating.error)} />
      <Text className="wb-code__countdown">{rotating.error ? '网络不稳定，正在重试…' : `${rotating.secondsLeft} 秒后自动更新`}</Text>
      {s && (
        <View className="wb-code__counts">
          <Text>已签到 {s.checkedIn + s.completed}</Text>
          <Text>已签退 {s.completed}</Text>
          <Text>未到 {s.enrolled}</Text>
        </View>
      )}
      <View className="llt-actions">
        <BigButton block fill="outline" onClick={() => navigate(pageUrl('workbench', 'activityAttendance', { id }))}>
          查看考勤
        </BigButton>
      </View>
    </Section>
  )
}

export default function CheckinCodePage() {
  return (
    <PageShell className="wb-code">
      <CheckinCodeView />
    </PageShell>
  )
}
