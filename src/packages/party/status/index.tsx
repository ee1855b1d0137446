// 我的报到: status, every recorded change with its reason, and what the member can do next
// (续报到, 退出报到, 重新报到).
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { MyRegistration } from '@contract/schemas/party'
import { BigButton } from '@/components/BigButton'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { useAction } from '@/hooks/useAction'
import { useRemote } from '@/hooks/useRemote'
import { pageUrl } from '@/routes'
import { call } from '@/services/cloud'
import { navigate } from '@/services/navigation'
import { ReasonForm } from '../components/ReasonForm'
import { RegistrationDetails } from '../components/RegistrationDetails'
import { StatusTag } from '../components/StatusTag'
import { Timeline } from '../components/Timeline'
import { halfLabel } from '../shared/period'
import { useRenew } from '../shared/useRenew'

const HINTS = {
  pending: '社区工作人员会尽快审核，审核结果会通过订阅消息通知您。',
  approved: '您已在社区报到。请每半年续报到一次，积极认领心愿和需求。',
  rejected: '您的报到未通过审核，可以根据原因修改后重新报到。',
  ended: '这次报到已结束，可以重新报到。'
} as const

function Actions({ mine, onChange }: { mine: MyRegistration; onChange: (m: MyRegistration) => void }) {
  const renew = useRenew(onChange)
  const withdraw = useAction(async (reason: string) => {
    const answer = await call('party', 'withdraw', reason ? { reason } : {})
    onChange(answer)
    return answer
  })
  const status = mine.registration?.status
  const active = status === 'pending' || status === 'approved'
  return (
    <View className="llt-actions">
      {mine.canRenew && (
        <BigButton loading={renew.running} onClick={() => void renew.run()}>
          续报到（{halfLabel(mine.currentHalf)}）
        </BigButton>
      )}
      {!active && <BigButton onClick={() => navigate(pageUrl('party', 'register'))}>重新报到</BigButton>}
      {active && (
        <ReasonForm
          action="退出报到"
          label="退出原因"
          optional
          placeholder="如：已搬离本社区"
          running={withdraw.running}
          onSubmit={withdraw.run}
        />
      )}
    </View>
  )
}

function StatusView() {
  const mine = useRemote(() => call('party', 'myRegistration'), [])
  usePullDownRefresh(() => void mine.refresh().finally(() => void Taro.stopPullDownRefresh()))
  if (!mine.data)
    return <StateView state={mine.error ? 'error' : 'loading'} error={mine.error} onRetry={() => void mine.refresh()} fullPage />
  const reg = mine.data.registration
  if (!reg) {
    return (
      <StateView
        state="empty"
        title="您还没有报到"
        description="在职党员请到居住地社区报到"
        action={<BigButton onClick={() => navigate(pageUrl('party', 'register'))}>我要报到</BigButton>}
        fullPage
      />
    )
  }
  return (
    <>
      <Section title="报到状态" extra={<StatusTag status={reg.status} />}>
        <Text className="llt-text-secondary">{HINTS[reg.status]}</Text>
        {reg.reason && <View>原因：{reg.reason}</View>}
        <Actions mine={mine.data} onChange={() => void mine.refresh()} />
      </Section>
      <Section title="报到信息">
        <RegistrationDetails reg={reg} />
      </Section>
      <Section title="办理记录">
        <Timeline entries={reg.timeline} />
      </Section>
    </>
  )
}

export default function StatusPage() {
  return (
    <PageShell>
      <StatusView />
    </PageShell>
  )
}
