// Scan to check in or out (venueCode activities): the camera (WeChat's scanner on weapp, the page's camera on
// h5) or the short code typed. A QR code names the activity, a typed code is for the activity the page was
// opened for; whether this is a check-in or a check-out follows from the volunteer's enrollment. The
// location is asked for here, behind the privacy consent, and sent with the code, its accuracy and this
// installation's random id (evidence staff see flagged when implausible).
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { CheckResult } from '@contract/schemas/volunteer'
import { BigButton } from '@/components/BigButton'
import { PageShell } from '@/components/PageShell'
import { QrScanner } from '@/components/QrScanner'
import { Section } from '@/components/Section'
import { useAction } from '@/hooks/useAction'
import { pageUrl } from '@/routes'
import { call, CloudError, errorMessage } from '@/services/cloud'
import { getPosition } from '@/services/device'
import { installId } from '@/services/storage'
import { activityIdOf } from '../checkin'
import { formatDistance, formatHours } from '../format'
import './index.css'

interface Done {
  action: 'checkIn' | 'checkOut'
  title: string
  result: CheckResult
}

function Success({ done }: { done: Done }) {
  const e = done.result.enrollment
  return (
    <Section>
      <View className="vol-scan__done" role="status">
        <Text className="vol-scan__tick">✓</Text>
        <Text className="vol-scan__headline">{done.action === 'checkIn' ? '签到成功' : '签退成功'}</Text>
        <Text className="vol-scan__line">{done.title}</Text>
        <Text className="vol-scan__line">距活动地点约 {formatDistance(done.result.distance)}</Text>
        {done.action === 'checkOut' && (
          <Text className="vol-scan__earned">
            本次服务 {formatHours(e.hours)}，获得 {done.result.credited} 积分
          </Text>
        )}
        {done.action === 'checkIn' && <Text className="llt-text-secondary">活动结束时请再次扫码签退，服务时长才会记录。</Text>}
      </View>
      <View className="llt-actions">
        <BigButton block onClick={() => void Taro.redirectTo({ url: pageUrl('volunteer', 'activity', { id: e.activityId }) })}>
          查看活动
        </BigButton>
      </View>
    </Section>
  )
}

function Scanner() {
  const { params } = useRouter()
  const [done, setDone] = useState<Done | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  const check = useAction(async (token: string) => {
    setProblem(null)
    try {
      const activityId = activityIdOf(token) ?? params.id
      if (!activityId) throw new CloudError({ code: 'INVALID_ARGUMENT', message: '这不是签到码，请扫描活动现场的签到二维码' })
      const detail = await call('volunteer', 'activity', { activityId })
      const action = detail.myEnrollment?.status === 'checkedIn' ? 'checkOut' : 'checkIn'
      const position = await getPosition()
      const result = await call('volunteer', action, { activityId, token, ...position, deviceId: installId() })
      setDone({ action, title: detail.title, result })
    } catch (e) {
      setProblem(errorMessage(e))
      throw e
    }
  })

  if (done) return <Success done={done} />
  return (
    <Section title="扫码签到 / 签退">
      <Text className="llt-text-secondary">
        请扫描工作人员手机上的签到码，或输入二维码下方的6位签到码。签到码每30秒更新一次，需要在活动地点附近签到。
      </Text>
      <View className="vol-scan__entry">
        <QrScanner
          scanLabel="扫一扫签到码"
          placeholder="输入6位签到码"
          codeName="签到码"
          typing
          busy={check.running}
          problem={problem}
          onCode={(code) => void check.run(code)}
        />
      </View>
    </Section>
  )
}

export default function VolunteerScanPage() {
  return (
    <PageShell className="vol-scan">
      <Scanner />
    </PageShell>
  )
}
