// Coverage per category as a table with a bar for each share: compounds covered and households covered.
import { Text, View } from '@tarojs/components'
import type { CategoryInfo, CoverageCounts } from '@contract/schemas/lifeCircle'
import { formatShare } from '../../../pages/lifeCircle/format'

function Bar({ share, kind }: { share: number; kind: 'compounds' | 'households' }) {
  return (
    <View className='wb-bar'>
      <View className={`wb-bar__fill wb-bar__fill--${kind}`} style={{ width: `${Math.round(share * 100)}%` }} />
    </View>
  )
}

export function CoverageChart({ rows, categories }: { rows: CoverageCounts[]; categories: CategoryInfo[] }) {
  const info = new Map(categories.map((c) => [c.id, c]))
  return (
    <View className='wb-coverage' role='table'>
      <View className='wb-coverage__legend'>
        <Text className='wb-coverage__key wb-coverage__key--compounds'>小区覆盖率</Text>
        <Text className='wb-coverage__key wb-coverage__key--households'>户数覆盖率</Text>
      </View>
      {rows.map((r) => {
        const c = info.get(r.category)
        return (
          <View key={r.category} className='wb-coverage__row' role='row'>
            <View className='wb-coverage__head'>
              <Text className='wb-coverage__name'>{c?.name ?? r.category}</Text>
              <Text className='wb-coverage__tier'>
                {c ? `${c.tier}分钟 · ${c.radius}米内` : ''}
              </Text>
            </View>
            <View className='wb-coverage__bars'>
              <Bar share={r.compoundShare} kind='compounds' />
              <Text className='wb-coverage__value'>
                {formatShare(r.compoundShare)}（{r.compoundsCovered}/{r.compounds}个小区）
              </Text>
              <Bar share={r.householdShare} kind='households' />
              <Text className='wb-coverage__value'>
                {formatShare(r.householdShare)}（{r.householdsCovered}/{r.households}户）
              </Text>
            </View>
          </View>
        )
      })}
    </View>
  )
}
