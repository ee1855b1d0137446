// The volunteer's registration status on 我的志愿: 待审核 (what happens next), 已通过, or 未通过 with the
// reason staff gave and how to ask again.
import { Text, View } from '@tarojs/components'
import { VOLUNTEER_STATUS_LABELS, type VolunteerStatus } from '@contract/schemas/volunteer.labels'
import './index.css'

const EXPLAIN: Record<VolunteerStatus, string> = {
  pending: '社区工作人员审核通过后，您就可以认领微心愿。审核期间可以正常报名活动。',
  approved: '您已通过社区审核，可以认领微心愿。',
  rejected: '如有疑问，请联系社区工作人员。'
}

export interface VolunteerStatusCardProps {
  status: VolunteerStatus
  reason: string | null
}

export function VolunteerStatusCard({ status, reason }: VolunteerStatusCardProps) {
  return (
    <View className={`vol-status vol-status--${status}`} role="status" aria-label={`审核状态：${VOLUNTEER_STATUS_LABELS[status]}`}>
      <View className="vol-status__head">
        <Text className="vol-status__label">审核状态</Text>
        <Text className="vol-status__value">{VOLUNTEER_STATUS_LABELS[status]}</Text>
      </View>
      {status === 'rejected' && reason && <Text className="vol-status__reason">原因：{reason}</Text>}
      <Text className="vol-status__explain">{EXPLAIN[status]}</Text>
    </View>
  )
}
