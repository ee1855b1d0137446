// The gap list: for each category, the compounds (and households) with none within the category's walk.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { CategoryInfo } from '@contract/schemas/lifeCircle'
import type { GapView } from './view'

const SHOWN = 5

function Gap({ gap, name, showCommunity }: { gap: GapView; name: string; showCommunity: boolean }) {
  const [all, setAll] = useState(false)
  const shown = all ? gap.compounds : gap.compounds.slice(0, SHOWN)
  return (
    <View className='wb-gap'>
      <Text className='wb-gap__title'>{name}</Text>
      <Text className='wb-gap__summary'>
        {gap.compounds.length}个小区、{gap.households}户步行范围内没有
      </Text>
      {shown.map((c) => (
        <View key={c.id} className='wb-gap__compound'>
          <Text>{showCommunity ? `${c.communityName} · ${c.name}` : c.name}</Text>
          <Text className='wb-gap__households'>{c.households}户</Text>
        </View>
      ))}
      {gap.compounds.length > SHOWN && (
        <Text className='wb-gap__more' onClick={() => setAll(!all)}>
          {all ? '收起' : `展开全部${gap.compounds.length}个小区`}
        </Text>
      )}
    </View>
  )
}

export function GapList({ gaps, categories, showCommunity }: { gaps: GapView[]; categories: CategoryInfo[]; showCommunity: boolean }) {
  const names = new Map(categories.map((c) => [c.id, c.name]))
  if (!gaps.length) return <Text className='llt-text-secondary'>每个小区步行范围内都有各类设施。</Text>
  return (
    <View>
      {gaps.map((g) => (
        <Gap key={g.category} gap={g} name={names.get(g.category) ?? g.category} showCommunity={showCommunity} />
      ))}
    </View>
  )
}
