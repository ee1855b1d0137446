// 积分调整 (staff): add or take points from a volunteer of this community by their number, with a reason;
// below, the adjustments waiting for a second staff member, which another staff member approves or rejects.
// The request id stays the same until it succeeds, so a retried tap adjusts once. Adjustments of one's own
// account or above the community's threshold wait for a second staff member (four eyes).
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import { AdjustInput, type AdjustmentView } from '@contract/schemas/points'
import { PagedList } from '@/components/PagedList'
import { usePaged } from '@/hooks/usePaged'
import { useDeskWidth } from '@/hooks/useDeskWidth'
import { Table, type TableColumn } from '@/components/Table'
import { useSignedIn } from '@/hooks/useMe'
import { formatDateTime } from '@/utils/date'
import { staffCommunityIds } from '@/utils/roles'
import { ReviewActions } from '../../components/ReviewActions'
import { BigButton } from '@/components/BigButton'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { useAction } from '@/hooks/useAction'
import { call, CloudError, showError } from '@/services/cloud'
import { Field } from '@/components/Field'
import { Chips } from '@/components/Chips'
import { newRequestId, numberField, revealFirstError, serverFieldErrors } from '@/utils/form'
import { check } from '@/utils/validate'
import { signed } from '../../../volunteer/format'

function AdjustForm() {
  const [volunteerNo, setNo] = useState('')
  const [direction, setDirection] = useState<'add' | 'take'>('add')
  const [amount, setAmount] = useState('')
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [done, setDone] = useState<AdjustmentView | null>(null)
  const requestId = useRef(newRequestId())
  const submit = useAction(async () => {
    const n = numberField(amount)
    // Refuse an incomplete form under its fields before asking anyone to confirm anything.
    const signedAmount = n === undefined ? undefined : direction === 'add' ? n : -n
    const checked = check(AdjustInput, {
      volunteerNo: volunteerNo.trim() || undefined,
      amount: signedAmount,
      reason,
      requestId: requestId.current
    })
    if (!checked.ok || (n !== undefined && n < 0)) {
      setErrors(
        revealFirstError({
          ...(checked.ok ? {} : checked.errors),
          ...(n !== undefined && n < 0 ? { amount: '请填写正数，扣减请选“扣减”' } : {})
        })
      )
      return
    }
    setErrors({})
    const input = checked.data
    let who: string
    try {
      const found = await call('points', 'adjustee', { volunteerNo: input.volunteerNo })
      who = `${found.name}（${found.volunteerNo}）`
    } catch (e) {
      setErrors(revealFirstError(e instanceof CloudError && e.code === 'NOT_FOUND' ? { volunteerNo: e.message } : serverFieldErrors(e)))
      throw e
    }
    const { confirm } = await Taro.showModal({
      title: '确认调整积分',
      content: `给志愿者${who}${direction === 'add' ? '增加' : '扣减'} ${Math.abs(input.amount)} 积分，原因：${input.reason}。确定吗？`,
      confirmText: '确定调整',
      cancelText: '再看看'
    })
    if (!confirm) return
    try {
      setDone(await call('points', 'adjust', input))
      requestId.current = newRequestId()
      setErrors({})
    } catch (e) {
      setErrors(revealFirstError(serverFieldErrors(e)))
      throw e
    }
  })
  return (
    <Section title="积分调整">
      <Field label="志愿者编号" required error={errors.volunteerNo}>
        <Input
          className="llt-input llt-input--round"
          value={volunteerNo}
          placeholder="如 ZY26000123"
          maxlength={10}
          onInput={(e) => setNo(e.detail.value)}
        />
      </Field>
      <Field label="调整" required error={errors.amount}>
        <Chips
          options={[
            { value: 'add', label: '增加' },
            { value: 'take', label: '扣减' }
          ]}
          value={direction}
          onChange={setDirection}
        />
        <Input
          className="llt-input llt-input--round"
          type="number"
          value={amount}
          placeholder="积分"
          onInput={(e) => setAmount(e.detail.value)}
        />
      </Field>
      <Field label="原因" required error={errors.reason} hint="志愿者会在积分明细中看到">
        <Input
          className="llt-input llt-input--round"
          value={reason}
          placeholder="如：协助疫苗接种点引导"
          maxlength={100}
          onInput={(e) => setReason(e.detail.value)}
        />
      </Field>
      <View className="llt-actions">
        <BigButton block loading={submit.running} onClick={() => void submit.run()}>
          确认调整
        </BigButton>
      </View>
      {done && (
        <View className="llt-field__hint" role="status">
          {done.entry
            ? `已调整 ${signed(done.amount)}，该志愿者当前积分 ${done.entry.balanceAfter}`
            : `已提交 ${signed(done.amount)} 的调整申请，需另一位工作人员审批后生效`}
        </View>
      )}
    </Section>
  )
}

/** Approve or reject a pending adjustment; one's own waits for another staff member. */
function AdjustmentReview({ a, onReviewed }: { a: AdjustmentView; onReviewed: () => void }) {
  const [reason, setReason] = useState('')
  const review = useAction(async (approve: boolean) => {
    await call('points', 'reviewAdjustment', { adjustmentId: a.id, approve, reason })
    void Taro.showToast({ title: approve ? '已同意' : '已驳回', icon: 'none' })
    onReviewed()
  })
  return a.mine ? (
    <Text className="llt-card__line">您提交的申请，需另一位工作人员审批</Text>
  ) : (
    <ReviewActions
      running={review.running}
      onDecide={(approve) => void review.run(approve)}
      approveLabel="同意"
      reason={{ value: reason, placeholder: '审批意见（选填）', onChange: setReason }}
    />
  )
}

function PendingAdjustment({ a, onReviewed }: { a: AdjustmentView; onReviewed: () => void }) {
  return (
    <View className="llt-card llt-card--item">
      <Text className="llt-card__title">
        {a.volunteerName}（{a.volunteerNo}）{signed(a.amount)} 分
      </Text>
      <Text className="llt-card__line">原因：{a.reason}</Text>
      <Text className="llt-card__line">提交时间：{formatDateTime(a.requestedAt)}</Text>
      <AdjustmentReview a={a} onReviewed={onReviewed} />
    </View>
  )
}

/** At PC width: the pending adjustments as a table, filtered by name or number, the decision last. */
function PendingTable({ rows, onReviewed }: { rows: AdjustmentView[]; onReviewed: () => void }) {
  const columns: Array<TableColumn<AdjustmentView>> = [
    { key: 'who', title: '志愿者', value: (a) => `${a.volunteerName}（${a.volunteerNo}）` },
    { key: 'amount', title: '积分', value: (a) => a.amount, render: (a) => `${signed(a.amount)} 分`, firstOrder: 'desc' },
    { key: 'reason', title: '原因', value: (a) => a.reason },
    { key: 'at', title: '提交时间', value: (a) => Date.parse(a.requestedAt), render: (a) => formatDateTime(a.requestedAt) },
    {
      key: 'actions',
      title: '操作',
      fixed: true,
      grow: 1.5,
      value: () => null,
      render: (a) => <AdjustmentReview a={a} onReviewed={onReviewed} />
    }
  ]
  return (
    <Table
      columns={columns}
      rows={rows}
      rowKey={(a) => a.id}
      initialSort={{ key: 'at', order: 'asc' }}
      filter={{ placeholder: '输入姓名或志愿者编号筛选', text: (a) => `${a.volunteerName} ${a.volunteerNo}` }}
    />
  )
}

function Pending() {
  const communityId = staffCommunityIds(useSignedIn())[0]
  return communityId ? <PendingList communityId={communityId} /> : null
}

function PendingList({ communityId }: { communityId: string }) {
  const paged = usePaged((cursor) => call('points', 'adjustments', { communityId, status: 'pending', cursor, limit: 10 }), [communityId])
  const desk = useDeskWidth()
  const reviewed = () => void paged.refresh().catch(showError)
  return (
    <Section title="待审批的调整">
      <PagedList
        paged={paged}
        itemKey={(a) => a.id}
        renderItem={(a) => <PendingAdjustment a={a} onReviewed={reviewed} />}
        renderAll={desk ? (rows) => <PendingTable rows={rows} onReviewed={reviewed} /> : undefined}
        emptyTitle="没有待审批的调整"
      />
    </Section>
  )
}

export default function PointsAdjustPage() {
  return (
    <PageShell className="wb-adjust">
      <AdjustForm />
      <Pending />
    </PageShell>
  )
}
