// The fields of a member registration, as the member or staff read them.
import { Text, View } from '@tarojs/components'
import { SERVICE_INTENTION_LABELS, type MemberRegistration } from '@contract/schemas/party'
import { formatDateTime } from '@/utils/date'
import { halfLabel } from '../../shared/period'
import './index.css'

export function RegistrationDetails({ reg }: { reg: MemberRegistration }) {
  const rows: Array<[string, string]> = [
    ['姓名', reg.name],
    ['手机号', reg.phone],
    ['报到社区', reg.communityName],
    ['网格', reg.gridName ?? '待分配'],
    ['工作单位', reg.workUnit],
    ['所在党支部', reg.branch],
    ['特长', reg.skills.join('、') || '—'],
    ['服务意向', reg.intentions.map((i) => SERVICE_INTENTION_LABELS[i]).join('、') || '—'],
    ['承诺', reg.pledge],
    ['提交时间', formatDateTime(reg.createdAt)],
    ['通过时间', reg.approvedAt ? formatDateTime(reg.approvedAt) : '—'],
    ['已续报到', reg.renewedHalves.map(halfLabel).join('、') || '—']
  ]
  return (
    <View className="party-details">
      {rows.map(([label, value]) => (
        <View key={label} className="party-details__row">
          <Text className="party-details__label">{label}</Text>
          <Text className="party-details__value">{value}</Text>
        </View>
      ))}
    </View>
  )
}
