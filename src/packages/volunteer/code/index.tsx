// 我的签到码 (volunteer): their own rotating code for one activity, the QR and the same code to type, for
// staff to scan at the venue (the staff member witnesses the check-in). It names the volunteer's status and
// refreshes every 30 seconds; the screen stays on while it shows.
import { Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/PageShell'
import { useRemote } from '@/hooks/useRemote'
import { useRotatingCode } from '@/hooks/useRotatingCode'
import { call } from '@/services/cloud'
import { formatSpan } from '../format'
import { RotatingCodeView, useCodeOnScreen } from '../components/RotatingCode'

function MyCode() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const rotating = useRotatingCode(() => call('volunteer', 'myCheckinCode', { activityId: id }), id)
  const activity = useRemote(() => call('volunteer', 'activity', { activityId: id }), [id, rotating.code?.window])
  useCodeOnScreen(rotating)
  const a = activity.data
  const checkedIn = a?.myEnrollment?.status === 'checkedIn'
  return (
    <RotatingCodeView
      rotating={rotating}
      title={a?.title ?? '我的签到码'}
      hint={checkedIn ? '您已签到。活动结束时请再出示此码，由工作人员扫码签退' : '请出示给现场工作人员扫码签到'}
      label="我的签到二维码"
    >
      {a && <Text className="llt-text-secondary">活动时间：{formatSpan(a.start, a.end)}</Text>}
    </RotatingCodeView>
  )
}

export default function VolunteerCodePage() {
  return (
    <PageShell className="vol-mycode">
      <MyCode />
    </PageShell>
  )
}
