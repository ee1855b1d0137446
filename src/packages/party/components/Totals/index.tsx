// A member's year at a glance: points against the pass mark, hours against the yearly hours, wishes
// and needs, and the rating.
import { Text, View } from '@tarojs/components'
import { RATING_LABELS } from '@contract/enums'
import type { Assessment } from '@contract/schemas/party'
import './index.css'

export function Totals({ assessment }: { assessment: Assessment }) {
  const { totals, rules, rating, maxRating } = assessment
  const tiles: Array<[string, string, string?]> = [
    ['积分', String(totals.points), `合格线 ${rules.passMark}`],
    ['服务时长', `${totals.hours}小时`, `年度要求 ${rules.yearlyHours}小时`],
    ['微心愿', `${totals.wishes}个`],
    ['需求清单', `${totals.needs}个`]
  ]
  const short = Math.max(0, Math.round((rules.passMark - totals.points) * 10) / 10)
  return (
    <View className="party-totals">
      <View className="party-totals__tiles">
        {tiles.map(([label, value, note]) => (
          <View key={label} className="party-totals__tile">
            <Text className="party-totals__value">{value}</Text>
            <Text className="party-totals__label">{label}</Text>
            {note && <Text className="party-totals__note">{note}</Text>}
          </View>
        ))}
      </View>
      <Text className={totals.passed ? 'party-totals__pass' : 'party-totals__short'}>
        {totals.passed ? '积分已达到合格线' : `距合格线还差 ${short} 分`}
        {totals.hoursMet ? '，服务时长已达标' : ''}
      </Text>
      <Text>年度评定：{rating ? `${rating.label}${rating.comment ? `（${rating.comment}）` : ''}` : '尚未评定'}</Text>
      {maxRating !== 'excellent' && <Text className="party-totals__short">本半年度未续报到，评定最高为“{RATING_LABELS[maxRating]}”</Text>}
    </View>
  )
}
