// One facility in the nearby list: what it is, how far, and whether it is open now.
import { Text, View } from '@tarojs/components'
import { FACILITY_CATEGORIES } from '@contract/enums'
import type { FacilitySummary } from '@contract/schemas/lifeCircle'
import { formatWalk } from '../../format'
import './index.css'

const CATEGORY = new Map(FACILITY_CATEGORIES.map((c) => [c.id as string, c]))

export function OpenBadge({ open, label }: { open: boolean; label: string }) {
  return <Text className={`life-circle-open${open ? ' life-circle-open--yes' : ''}`}>{label}</Text>
}

export interface FacilityItemProps {
  facility: FacilitySummary
  onOpen: (facility: FacilitySummary) => void
}

export function FacilityItem({ facility, onOpen }: FacilityItemProps) {
  const category = CATEGORY.get(facility.category)
  return (
    <View className="life-circle-item" hoverClass="life-circle-item--pressed" onClick={() => onOpen(facility)}>
      <Text className="llt-icon-badge">{category?.icon ?? '·'}</Text>
      <View className="life-circle-item__body">
        <Text className="life-circle-item__name">{facility.name}</Text>
        <Text className="life-circle-item__meta">{[category?.name, facility.address].filter(Boolean).join(' · ')}</Text>
        <Text className="life-circle-item__walk">{formatWalk(facility.distance, facility.walkMinutes)}</Text>
        <OpenBadge open={facility.open} label={facility.openLabel} />
      </View>
      <Text className="life-circle-item__arrow">›</Text>
    </View>
  )
}
