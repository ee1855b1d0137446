// 巡查: a grid worker walks one of their grids — 开始巡查, 打卡 at check-points (the place and time recorded
// by the phone, a note and photos if wanted), 随手拍 for a problem seen on the way (linked to the patrol),
// 结束巡查. Basements and old compounds often have no signal: every step is kept on the phone and sent,
// in order and once, when the network returns (待发送 below), with the time and place it was made.
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useReducer, useState } from 'react'
import type { PatrolPointView } from '@contract/schemas/report'
import { BigButton } from '@/components/BigButton'
import { Chips } from '@/components/Chips'
import { Field } from '@/components/Field'
import { PageHeader } from '@/components/PageHeader'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { useAction } from '@/hooks/useAction'
import { useSignedIn } from '@/hooks/useMe'
import { useRemote } from '@/hooks/useRemote'
import { call } from '@/services/cloud'
import { getPosition } from '@/services/device'
import { formatDateTime } from '@/utils/date'
import { newRequestId } from '@/utils/form'
import { OutboxList } from '../../../report/components/OutboxList'
import { ReportPhotos, type LocalPhoto } from '../../../report/components/ReportPhotos'
import { openPostForm } from '../../../report/navigation'
import { sendPatrolEnd, sendPatrolPoint, sendPatrolStart, useOutbox } from '../../../report/outbox'
import { activePatrol, patrolIdFor, setActivePatrol, type ActivePatrol } from '../../../report/patrol'
import './index.css'

const KEPT = '没有网络，已保存在手机上，联网后自动发送'

function StartPatrol({ onStarted }: { onStarted: () => void }) {
  const me = useSignedIn()
  const grant = me.roles.find((r) => r.role === 'gridWorker') ?? me.roles.find((r) => r.role === 'staff')
  const communityId = grant?.communityId ?? null
  const grids = useRemote(() => call('report', 'grids', { communityId: communityId as string }), [communityId], {
    enabled: Boolean(communityId)
  })
  const mine = (grids.data?.items ?? []).filter((g) => !grant?.gridIds?.length || grant.gridIds.includes(g.id))
  const [gridId, setGridId] = useState<string | null>(null)
  const chosen = mine.find((g) => g.id === gridId) ?? (mine.length === 1 ? mine[0] : undefined)

  const start = useAction(async () => {
    if (!chosen) throw new Error('请选择巡查的网格')
    const { location } = await getPosition()
    const requestId = newRequestId()
    const startedAt = new Date().toISOString()
    const outcome = await sendPatrolStart(
      me.openid,
      { requestId, gridId: chosen.id, location, clientTime: startedAt },
      `巡查开始 · ${chosen.name}`
    )
    const patrol: ActivePatrol = {
      startId: requestId,
      patrolId: outcome.sent ? outcome.result.id : patrolIdFor(requestId),
      gridId: chosen.id,
      gridName: chosen.name,
      startedAt,
      points: 0
    }
    setActivePatrol(me.openid, patrol)
    void Taro.showToast({ title: outcome.sent ? '巡查已开始' : KEPT, icon: 'none', duration: 2500 })
    onStarted()
  })

  if (!communityId) return <StateView state="empty" title="巡查仅对网格员开放" fullPage />
  if (!grids.data) {
    return grids.error ? (
      <StateView state="error" error={grids.error} onRetry={() => void grids.refresh()} />
    ) : (
      <StateView state="loading" />
    )
  }
  return (
    <Section title="今天巡查哪个网格">
      <Field label="巡查网格" required>
        {mine.length ? (
          <Chips
            label="巡查网格"
            options={mine.map((g) => ({ value: g.id, label: g.name }))}
            value={chosen?.id ?? null}
            onChange={setGridId}
          />
        ) : (
          <Text className="llt-text-secondary">您还没有负责的网格，请联系社区。</Text>
        )}
      </Field>
      <Text className="llt-text-secondary">开始时会记录您的位置；没有信号的地方也可以打卡，联网后自动上传。</Text>
      <View className="llt-actions">
        <BigButton block loading={start.running} disabled={!chosen} onClick={() => void start.run()}>
          开始巡查
        </BigButton>
      </View>
    </Section>
  )
}

function Path({ path }: { path: PatrolPointView[] }) {
  if (!path.length) return null
  return (
    <Section title="已上传的巡查点">
      {path.map((p, i) => (
        <View key={`${p.at}-${i}`} className="patrol__point">
          <Text className="patrol__point-time">{`${i + 1}. ${formatDateTime(p.clientTime ?? p.at)}`}</Text>
          {p.note && <Text className="patrol__point-note">{p.note}</Text>}
        </View>
      ))}
    </Section>
  )
}

function OnPatrol({ patrol, onChange }: { patrol: ActivePatrol; onChange: () => void }) {
  const me = useSignedIn()
  const [note, setNote] = useState('')
  const [photos, setPhotos] = useState<LocalPhoto[]>([])
  const patrolId = patrol.patrolId ?? patrolIdFor(patrol.startId)
  const detail = useRemote(() => call('report', 'patrol', { patrolId: patrolId as string }), [patrolId, patrol.points], {
    enabled: Boolean(patrolId)
  })
  const step = () => ({
    requestId: newRequestId(),
    patrolStartId: patrol.startId,
    ...(patrolId ? { patrolId } : {}),
    clientTime: new Date().toISOString()
  })

  const point = useAction(async () => {
    const { location } = await getPosition()
    const outcome = await sendPatrolPoint(
      me.openid,
      { ...step(), location, note: note.trim() || undefined },
      photos.map((p) => p.path),
      `巡查打卡 · ${patrol.gridName}`
    )
    setActivePatrol(me.openid, { ...patrol, points: patrol.points + 1 })
    setNote('')
    setPhotos([])
    void Taro.showToast({ title: outcome.sent ? '已记录巡查点' : KEPT, icon: 'none', duration: 2500 })
    onChange()
  })

  const end = useAction(async () => {
    const sure = await Taro.showModal({
      title: '结束巡查',
      content: `本次巡查已打卡${patrol.points}次，确定结束吗？`,
      confirmText: '结束巡查',
      confirmColor: '#C8102E',
      cancelText: '继续巡查'
    })
    if (!sure.confirm) return
    const where = await getPosition().catch(() => null)
    const outcome = await sendPatrolEnd(
      me.openid,
      { ...step(), ...(where ? { location: where.location } : {}) },
      `巡查结束 · ${patrol.gridName}`
    )
    setActivePatrol(me.openid, null)
    void Taro.showToast({ title: outcome.sent ? '巡查已结束' : KEPT, icon: 'none', duration: 2500 })
    onChange()
  })

  return (
    <>
      <Section title={`巡查中 · ${patrol.gridName}`}>
        <Text className="patrol__facts">{`${formatDateTime(patrol.startedAt)} 开始 · 已打卡${patrol.points}次`}</Text>
        {detail.data && (
          <Text className="llt-text-secondary">{`已上传${detail.data.points}个巡查点，${detail.data.reports}条随手拍，约${detail.data.meters}米`}</Text>
        )}
        <Field label="巡查记录（选填）">
          <Input
            className="llt-input"
            value={note}
            maxlength={100}
            placeholder="如：3号楼地下室，无异常"
            onInput={(e) => setNote(e.detail.value)}
          />
        </Field>
        <Field label="照片（选填）">
          <ReportPhotos value={photos} onChange={setPhotos} max={9} />
        </Field>
        <View className="llt-actions">
          <BigButton block loading={point.running} onClick={() => void point.run()}>
            打卡（记录巡查点）
          </BigButton>
          <BigButton block fill="outline" onClick={() => openPostForm({ patrol: patrol.startId })}>
            发现问题，随手拍
          </BigButton>
          <BigButton block fill="none" loading={end.running} onClick={() => void end.run()}>
            结束巡查
          </BigButton>
        </View>
      </Section>
      {detail.data && <Path path={detail.data.path} />}
    </>
  )
}

function Patrol() {
  const me = useSignedIn()
  const outbox = useOutbox()
  // The patrol lives in device storage (it must survive a restart without network); read it on each render.
  const [, changed] = useReducer((n: number) => n + 1, 0)
  const patrol = activePatrol(me.openid)
  return (
    <View className="patrol">
      <PageHeader title="网格巡查" subtitle="巡查—报告—负责—解决，没有信号也能打卡" />
      <OutboxList outbox={outbox} />
      {patrol ? <OnPatrol patrol={patrol} onChange={changed} /> : <StartPatrol onStarted={changed} />}
    </View>
  )
}

export default function PatrolPage() {
  return (
    <PageShell>
      <Patrol />
    </PageShell>
  )
}
