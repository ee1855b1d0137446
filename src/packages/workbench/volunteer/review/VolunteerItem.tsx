// One volunteer registration as staff vet it: name, number, the full phone number to call, skills and the
// masked ID number; approve, or reject with the reason the volunteer will read on 我的志愿.
import { Text, View } from '@tarojs/components'
import type { PendingVolunteer } from '@contract/schemas/volunteer'
import { VOLUNTEER_STATUS_LABELS } from '@contract/schemas/volunteer.labels'
import { BigButton } from '@/components/BigButton'
import { useAction } from '@/hooks/useAction'
import { call } from '@/services/cloud'
import { formatDateTime } from '@/utils/date'
import { ReasonForm } from '../../../party/components/ReasonForm'

export interface VolunteerItemProps {
  volunteer: PendingVolunteer
  /** Called after a decision so the list reloads. */
  onDone: () => void
}

/** 通过, or 不通过 with a reason, for a registration still pending. */
export function VolunteerDecision({ volunteer: v, onDone }: VolunteerItemProps) {
  const decide = useAction(async (decision: 'approve' | 'reject', reason?: string) => {
    const answer = await call('volunteer', 'reviewVolunteer', { volunteerNo: v.volunteerNo, decision, ...(reason ? { reason } : {}) })
    onDone()
    return answer
  })
  if (v.status !== 'pending') return null
  return (
    <View className="llt-actions">
      <BigButton loading={decide.running} onClick={() => void decide.run('approve')}>
        通过
      </BigButton>
      <ReasonForm
        action="不通过"
        label="不通过的原因"
        placeholder="志愿者会在“我的志愿”里看到这个原因"
        running={decide.running}
        onSubmit={(reason) => decide.run('reject', reason)}
      />
    </View>
  )
}

export function VolunteerItem({ volunteer: v, onDone }: VolunteerItemProps) {
  return (
    <View className="llt-card vol-review__card">
      <View className="vol-review__head">
        <Text className="vol-review__name">{v.realName}</Text>
        <Text className="vol-review__status">{VOLUNTEER_STATUS_LABELS[v.status]}</Text>
      </View>
      <Text className="vol-review__line">志愿者编号：{v.volunteerNo}</Text>
      <Text className="vol-review__line">手机号：{v.phone}</Text>
      {v.idCardMasked && <Text className="vol-review__line">身份证：{v.idCardMasked}</Text>}
      {v.skills.length > 0 && <Text className="vol-review__line">特长：{v.skills.join('、')}</Text>}
      <Text className="llt-text-secondary">登记时间：{formatDateTime(v.registeredAt)}</Text>
      <VolunteerDecision volunteer={v} onDone={onDone} />
    </View>
  )
}
