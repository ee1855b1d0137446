// The gaps on a map: every compound of the scope, red where it has no facility of the chosen category
// within its walk (or of any category, for 全部), green where it has; a tap names what it lacks.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { FacilityCategory } from '@contract/enums'
import type { CategoryInfo, CompoundCoverage } from '@contract/schemas/lifeCircle'
import { Chips } from '@/components/Chips'
import { PlaceMap } from '@/components/PlaceMap'
import { centreOf } from '@/components/PlaceMap/projection'

export interface CoverageMapProps {
  compounds: CompoundCoverage[]
  categories: CategoryInfo[]
  /** Community names by id, to name compounds of a street. */
  communityNames?: Map<string, string>
}

export function CoverageMap({ compounds, categories, communityNames }: CoverageMapProps) {
  const [category, setCategory] = useState<FacilityCategory | 'all'>('all')
  const [chosen, setChosen] = useState<string | null>(null)
  const centre = centreOf(compounds.map((c) => c.location))
  if (!centre) return <Text className="llt-text-secondary">该范围还没有登记小区。</Text>
  const names = new Map(categories.map((c) => [c.id, c.name]))
  const lacks = (c: CompoundCoverage) => (category === 'all' ? c.missing.length > 0 : c.missing.includes(category))
  const withGaps = new Set(compounds.flatMap((c) => c.missing))
  const selected = compounds.find((c) => c.id === chosen)
  const gapCount = compounds.filter(lacks).length

  return (
    <View className="wb-coverage-map">
      <Chips
        label="按类别看缺口"
        scroll
        value={category}
        onChange={(v) => setCategory(v as FacilityCategory | 'all')}
        options={[
          { value: 'all', label: '全部类别' },
          ...categories.filter((c) => withGaps.has(c.id)).map((c) => ({ value: c.id as string, label: c.name }))
        ]}
      />
      <Text className="wb-coverage-map__legend">
        红点：步行范围内缺{category === 'all' ? '设施' : names.get(category)}（{gapCount}个小区）；绿点：已覆盖
      </Text>
      <PlaceMap
        title="小区覆盖缺口分布图"
        center={centre}
        markers={compounds.map((c) => ({
          id: c.id,
          location: c.location,
          label: `${c.name}${lacks(c) ? ' · 有缺口' : ' · 已覆盖'}`,
          tone: lacks(c) ? 'gap' : 'covered'
        }))}
        onMarker={(m) => setChosen(m.id)}
      />
      {selected && (
        <View className="wb-coverage-map__chosen" role="status">
          <Text className="wb-coverage-map__name">
            {communityNames?.get(selected.communityId) ? `${communityNames.get(selected.communityId)} · ` : ''}
            {selected.name}（{selected.households}户）
          </Text>
          <Text>
            {selected.missing.length
              ? `步行范围内缺：${selected.missing.map((m) => names.get(m) ?? m).join('、')}`
              : '各类设施都在步行范围内'}
          </Text>
        </View>
      )}
    </View>
  )
}
