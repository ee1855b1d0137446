// One member in the 双重考评 report: registration, hours, wishes, needs, points and rating.
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { ReportRow } from '@contract/schemas/party'
import './index.css'

export function ReportRowCard({ row, children }: { row: ReportRow; children?: ReactNode }) {
  return (
    <View className="llt-card party-report-row">
      <View className="party-report-row__head">
        <Text className="party-report-row__name">{row.name}</Text>
        <Text className="llt-text-secondary">{row.phone}</Text>
        <Text className={`party-report-row__rating${row.rating ? '' : ' party-report-row__rating--none'}`}>{row.ratingLabel}</Text>
      </View>
      <Text className="llt-text-secondary">
        {row.branch} · {row.communityName}
        {row.renewedThisHalf ? '' : ' · 本半年度未续报到'}
      </Text>
      <View className="party-report-row__figures">
        <Text>积分 {row.points}</Text>
        <Text>时长 {row.hours}小时</Text>
        <Text>心愿 {row.wishes}</Text>
        <Text>需求 {row.needs}</Text>
        <Text className={row.passed ? 'party-report-row__pass' : 'party-report-row__short'}>{row.passed ? '达标' : '未达标'}</Text>
      </View>
      {children}
    </View>
  )
}
