// 出示签到码 (staff, venueCode activities): the rotating check-in QR code and the same code to type, a new
// one every 30 seconds, big enough to scan from a step away; the screen stays on; the count of who has
// checked in refreshes with it. Outside the check window it says why, with the time.
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { BigButton } from '@/components/BigButton'
import { PageShell } from '@/components/PageShell'
import { useRemote } from '@/hooks/useRemote'
import { useRotatingCode } from '@/hooks/useRotatingCode'
import { pageUrl } from '@/routes'
import { call } from '@/services/cloud'
import { navigate } from '@/services/navigation'
import { RotatingCodeView, useCodeOnScreen } from '../../../volunteer/components/RotatingCode'
import './index.css'

function CheckinCodeView() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const rotating = useRotatingCode(() => call('volunteer', 'checkinCode', { activityId: id }), id)
  const activity = useRemote(() => call('volunteer', 'activity', { activityId: id }), [id])
  const summary = useRemote(() => call('volunteer', 'attendance', { activityId: id, limit: 1 }), [id, rotating.code?.window])
  useCodeOnScreen(rotating)

  const s = summary.data?.summary
  return (
    <RotatingCodeView
      rotating={rotating}
      title={activity.data?.title ?? '签到码'}
      hint="请志愿者用“扫码签到”扫描，签到和签退都用这个码"
      label="签到二维码"
    >
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
    </RotatingCodeView>
  )
}

export default function CheckinCodePage() {
  return (
    <PageShell className="wb-code">
      <CheckinCodeView />
    </PageShell>
  )
}
