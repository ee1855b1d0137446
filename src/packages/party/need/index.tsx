// One need: what it asks, who took it, every change with its reason (for the people involved), and the
// next step for this viewer: claim (as a member or for a unit), give up, report completion; for staff,
// confirm, send back or cancel.
import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { PARTY_LIMITS, type Need } from '@contract/schemas/party'
import { BigButton } from '@/components/BigButton'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { useAction } from '@/hooks/useAction'
import { useSignedIn } from '@/hooks/useMe'
import { useRemote } from '@/hooks/useRemote'
import { call } from '@/services/cloud'
import { formatDateTime } from '@/utils/date'
import { Field, TextArea } from '@/components/Field'
import { NeedCard } from '../components/NeedCard'
import { ReasonForm } from '../components/ReasonForm'
import { Timeline } from '../components/Timeline'
import { adminUnitIdsOf, isMemberOf } from '@/utils/roles'
import { useClaim } from '../shared/useClaim'

function ClaimButtons({ need, onChange }: { need: Need; onChange: (n: Need) => void }) {
  const me = useSignedIn()
  const claim = useClaim(onChange)
  const units = adminUnitIdsOf(me)
  return (
    <View className="llt-actions">
      {isMemberOf(me, need.communityId) && (
        <BigButton loading={claim.running} onClick={() => void claim.run(need)}>
          以党员身份认领
        </BigButton>
      )}
      {units.map((unitId) => (
        <BigButton key={unitId} type="default" loading={claim.running} onClick={() => void claim.run(need, unitId)}>
          以单位名义认领
        </BigButton>
      ))}
    </View>
  )
}

function CompleteForm({ need, onChange }: { need: Need; onChange: (n: Need) => void }) {
  const [note, setNote] = useState('')
  const [error, setError] = useState<string>()
  const complete = useAction(async () => {
    if (!note.trim()) return setError('请填写完成情况')
    setError(undefined)
    onChange(await call('party', 'completeNeed', { needId: need.id, note }))
    void Taro.showToast({ title: '已提交，等待社区确认', icon: 'none' })
  })
  return (
    <>
      <Field label="完成情况" required error={error} max={PARTY_LIMITS.note} value={note}>
        <TextArea label="完成情况" value={note} onChange={setNote} placeholder="做了什么、什么时候完成的" />
      </Field>
      <BigButton loading={complete.running} onClick={() => void complete.run()}>
        提交完成
      </BigButton>
    </>
  )
}

function NextSteps({ need, onChange }: { need: Need; onChange: (n: Need) => void }) {
  const id = need.id
  const act = useAction(async (run: () => Promise<Need>) => {
    const next = await run()
    onChange(next)
    return next
  })
  const { can } = need
  if (!Object.values(can).some(Boolean)) return null
  return (
    <Section title="办理">
      <View className="llt-actions">
        {can.claim && <ClaimButtons need={need} onChange={onChange} />}
        {can.complete && <CompleteForm need={need} onChange={onChange} />}
        {can.release && (
          <ReasonForm
            action="放弃认领"
            label="放弃原因"
            running={act.running}
            onSubmit={(reason) => act.run(() => call('party', 'releaseNeed', { needId: id, reason }))}
          />
        )}
        {can.confirm && (
          <BigButton loading={act.running} onClick={() => void act.run(() => call('party', 'confirmNeed', { needId: id, accept: true }))}>
            确认完成
          </BigButton>
        )}
        {can.confirm && (
          <ReasonForm
            action="退回"
            label="退回理由"
            running={act.running}
            onSubmit={(reason) => act.run(() => call('party', 'confirmNeed', { needId: id, accept: false, reason }))}
          />
        )}
        {can.cancel && (
          <ReasonForm
            action="取消需求"
            label="取消原因"
            running={act.running}
            onSubmit={(reason) => act.run(() => call('party', 'cancelNeed', { needId: id, reason }))}
          />
        )}
      </View>
    </Section>
  )
}

function NeedView() {
  const { params } = useRouter()
  const needId = String(params.id ?? '')
  const remote = useRemote(() => call('party', 'need', { needId }), [needId])
  const [latest, setLatest] = useState<Need>()
  const need = latest ?? remote.data
  if (!need)
    return <StateView state={remote.error ? 'error' : 'loading'} error={remote.error} onRetry={() => void remote.refresh()} fullPage />
  return (
    <>
      <Section>
        <NeedCard need={need} />
      </Section>
      {need.completion && (
        <Section title="完成情况">
          <View>{need.completion.note}</View>
          <View className="llt-text-secondary">{formatDateTime(need.completion.at)}</View>
        </Section>
      )}
      <NextSteps need={need} onChange={setLatest} />
      <Section title="办理记录">
        <Timeline entries={need.timeline} />
      </Section>
    </>
  )
}

export default function NeedPage() {
  return (
    <PageShell>
      <NeedView />
    </PageShell>
  )
}
