// 扫码签到 (staff): scan or type each volunteer's own code (我的签到码) to check them in or out. The staff
// member is the witness: the answer names the volunteer, to compare with the person in front of them. The
// scanner stays open for the next person; the staff phone's location, when given, goes with each check.
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { ScanResult } from '@contract/schemas/volunteer'
import { Chips } from '@/components/Chips'
import { PageShell } from '@/components/PageShell'
import { QrScanner } from '@/components/QrScanner'
import { Section } from '@/components/Section'
import { useAction } from '@/hooks/useAction'
import { useRemote } from '@/hooks/useRemote'
import { call, errorMessage } from '@/services/cloud'
import { getPosition } from '@/services/device'
import { formatHours, formatSpan } from '../../../volunteer/format'
import './index.css'

type Kind = ScanResult['kind']
const KINDS = [
  { value: 'in' as const, label: '签到' },
  { value: 'out' as const, label: '签退' }
]

function Scanned({ result }: { result: ScanResult }) {
  return (
    <View className="wb-scan__done" role="status">
      <Text className="wb-scan__headline">
        ✓ {result.kind === 'in' ? '签到成功' : '签退成功'}：{result.realName}
      </Text>
      <Text className="wb-scan__line">志愿者编号 {result.volunteerNo}，请核对是否本人</Text>
      {result.kind === 'out' && (
        <Text className="wb-scan__line">
          本次服务 {formatHours(result.enrollment.hours)}，获得 {result.credited} 积分
        </Text>
      )}
    </View>
  )
}

function StaffScanner() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const activity = useRemote(() => call('volunteer', 'activity', { activityId: id }), [id])
  const [kind, setKind] = useState<Kind>('in')
  const [last, setLast] = useState<ScanResult | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  const scan = useAction(async (code: string) => {
    setProblem(null)
    setLast(null)
    try {
      const position = await getPosition().catch(() => null)
      setLast(await call('volunteer', 'scanVolunteer', { activityId: id, code, kind, ...(position ?? {}) }))
    } catch (e) {
      setProblem(errorMessage(e))
      throw e
    }
  })

  const a = activity.data
  return (
    <Section title="扫志愿者的签到码">
      {a && (
        <View className="wb-scan__activity">
          <Text className="wb-scan__title">{a.title}</Text>
          <Text className="llt-text-secondary">{formatSpan(a.start, a.end)}</Text>
        </View>
      )}
      <Chips label="签到或签退" options={KINDS} value={kind} onChange={setKind} />
      {last && <Scanned result={last} />}
      <QrScanner
        scanLabel={kind === 'in' ? '扫码签到' : '扫码签退'}
        placeholder="输入志愿者的6位签到码"
        codeName="志愿者的签到码"
        typing
        busy={scan.running}
        problem={problem}
        onCode={(code) => void scan.run(code)}
      />
      <Text className="llt-text-secondary">请志愿者打开“我的签到码”。签到码每30秒更新，每个码只能用一次。</Text>
    </Section>
  )
}

export default function StaffScanPage() {
  return (
    <PageShell className="wb-scan">
      <StaffScanner />
    </PageShell>
  )
}
