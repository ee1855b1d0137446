// 报到审核: the staff queue of member and unit registrations of their community — approve (assigning a
// grid), reject with a reason, reassign grids, revoke; every decision is recorded.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { REGISTRATION_STATUSES, REGISTRATION_STATUS_LABELS, type RegistrationStatus } from '@contract/enums'
import type { GridOption, MemberRegistration, Unit } from '@contract/schemas/party'
import { BigButton } from '@/components/BigButton'
import { PagedList } from '@/components/PagedList'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { useAction } from '@/hooks/useAction'
import { usePaged } from '@/hooks/usePaged'
import { useRemote } from '@/hooks/useRemote'
import { call } from '@/services/cloud'
import { Chips } from '@/components/Chips'
import { LinkList } from '@/components/LinkList'
import { pageUrl } from '@/routes'
import { ReasonForm } from '../../../party/components/ReasonForm'
import { RegistrationDetails } from '../../../party/components/RegistrationDetails'
import { ResourceList } from '../../../party/components/ResourceList'
import { StatusTag } from '../../../party/components/StatusTag'
import { Timeline } from '../../../party/components/Timeline'
import { StaffOnly } from '../StaffOnly'
import './index.css'

type Kind = 'member' | 'unit'
const KINDS = [
  { value: 'member' as const, label: '党员报到' },
  { value: 'unit' as const, label: '单位报到' }
]
const STATUS_OPTIONS = REGISTRATION_STATUSES.map((s) => ({ value: s, label: REGISTRATION_STATUS_LABELS[s] }))

function History({ entries }: { entries: MemberRegistration['timeline'] }) {
  const [open, setOpen] = useState(false)
  return open ? (
    <Timeline entries={entries} />
  ) : (
    <Text className="review__more" onClick={() => setOpen(true)}>
      查看办理记录（{entries.length}）
    </Text>
  )
}

function MemberActions({ reg, grids, onDone }: { reg: MemberRegistration; grids: GridOption[]; onDone: () => void }) {
  const [gridId, setGridId] = useState<string | null>(reg.gridId)
  const act = useAction(async (run: () => Promise<unknown>) => {
    const answer = await run()
    onDone()
    return answer
  })
  const gridOptions = grids.map((g) => ({ value: g.id, label: g.name }))
  const review = (decision: 'approve' | 'reject', reason?: string) =>
    act.run(() =>
      call('party', 'review', {
        kind: 'member',
        id: reg.id,
        decision,
        ...(reason ? { reason } : {}),
        ...(gridId && decision === 'approve' ? { gridId } : {})
      })
    )
  if (reg.status !== 'pending' && reg.status !== 'approved') return null
  return (
    <View className="llt-actions">
      <Text className="review__label">网格</Text>
      <Chips label="网格" options={gridOptions} value={gridId} onChange={setGridId} />
      {reg.status === 'pending' ? (
        <>
          <BigButton loading={act.running} onClick={() => void review('approve')}>
            通过{gridId ? '并分配网格' : ''}
          </BigButton>
          <ReasonForm action="驳回" label="驳回理由" running={act.running} onSubmit={(reason) => review('reject', reason)} />
        </>
      ) : (
        <>
          {gridId && gridId !== reg.gridId && (
            <BigButton
              loading={act.running}
              onClick={() => void act.run(() => call('party', 'assignGrid', { registrationId: reg.id, gridId }))}
            >
              分配到{grids.find((g) => g.id === gridId)?.name}
            </BigButton>
          )}
          <ReasonForm action="撤销报到" label="撤销理由" running={act.running} onSubmit={(reason) => review('reject', reason)} />
        </>
      )}
    </View>
  )
}

function UnitActions({ unit, onDone }: { unit: Unit; onDone: () => void }) {
  const act = useAction(async (decision: 'approve' | 'reject', reason?: string) => {
    const answer = await call('party', 'review', { kind: 'unit', id: unit.id, decision, ...(reason ? { reason } : {}) })
    onDone()
    return answer
  })
  if (unit.status !== 'pending' && unit.status !== 'approved') return null
  return (
    <View className="llt-actions">
      {unit.status === 'pending' && (
        <BigButton loading={act.running} onClick={() => void act.run('approve')}>
          通过
        </BigButton>
      )}
      <ReasonForm
        action={unit.status === 'pending' ? '驳回' : '撤销报到'}
        label="理由"
        running={act.running}
        onSubmit={(reason) => act.run('reject', reason)}
      />
    </View>
  )
}

function RegistrationCard({ item, grids, onDone }: { item: MemberRegistration | Unit; grids: GridOption[]; onDone: () => void }) {
  return (
    <View className="llt-card review__card">
      <View className="review__head">
        <Text className="review__name">{item.name}</Text>
        <StatusTag status={item.status} />
      </View>
      {item.kind === 'member' ? (
        <RegistrationDetails reg={item} />
      ) : (
        <>
          <Text>{item.org}</Text>
          <Text className="llt-text-secondary">
            联系人：{item.contactName} {item.contactPhone}
          </Text>
          <ResourceList resources={item.resources} />
        </>
      )}
      {item.reason && <Text>原因：{item.reason}</Text>}
      <History entries={item.timeline} />
      {item.kind === 'member' ? <MemberActions reg={item} grids={grids} onDone={onDone} /> : <UnitActions unit={item} onDone={onDone} />}
    </View>
  )
}

function ReviewQueue({ communityId }: { communityId: string }) {
  const [kind, setKind] = useState<Kind>('member')
  const [status, setStatus] = useState<RegistrationStatus>('pending')
  const grids = useRemote(() => call('party', 'listGrids', { communityId }), [communityId])
  const list = usePaged(
    (cursor) => call('party', 'listRegistrations', { kind, communityId, status, cursor, limit: 10 }),
    [kind, status, communityId]
  )
  return (
    <>
      <Section>
        <LinkList
          items={[
            { title: '志愿者注册审核', description: '新登记的志愿者也在“待审核报到”中', url: pageUrl('workbench', 'volunteerReview') }
          ]}
        />
      </Section>
      <Section>
        <Chips label="报到类型" options={KINDS} value={kind} onChange={setKind} />
        <View className="review__filters">
          <Chips label="状态" options={STATUS_OPTIONS} value={status} onChange={setStatus} />
        </View>
      </Section>
      <PagedList
        paged={list}
        itemKey={(r) => r.id}
        emptyTitle={status === 'pending' ? '没有待审核的报到' : '暂无记录'}
        renderItem={(r) => <RegistrationCard item={r} grids={grids.data ?? []} onDone={() => void list.refresh()} />}
      />
    </>
  )
}

export default function ReviewPage() {
  return (
    <PageShell>
      <StaffOnly>{(communityId) => <ReviewQueue communityId={communityId} />}</StaffOnly>
    </PageShell>
  )
}
