// One tap chooses a category (or 全部); chips scroll sideways so the list stays one line high.
import { ScrollView, Text, View } from '@tarojs/components'
import { FACILITY_CATEGORIES, type FacilityCategory } from '@contract/enums'
import './index.css'

export interface CategoryChipsProps {
  value: FacilityCategory | null
  onChange: (category: FacilityCategory | null) => void
}

const shortName = (name: string) => name.split(/[/(（]/)[0]

export function CategoryChips({ value, onChange }: CategoryChipsProps) {
  const chips: Array<{ id: FacilityCategory | null; name: string; icon: string }> = [
    { id: null, name: '全部', icon: '全' },
    ...FACILITY_CATEGORIES.map((c) => ({ id: c.id, name: shortName(c.name), icon: c.icon }))
  ]
  return (
    <ScrollView scrollX className="life-circle-chips" enhanced showScrollbar={false}>
      <View className="life-circle-chips__row">
        {chips.map((chip) => {
          const active = chip.id === value
          return (
            <View
              key={chip.id ?? 'all'}
              role="button"
              aria-pressed={active}
              className={`life-circle-chips__chip${active ? ' life-circle-chips__chip--active' : ''}`}
              onClick={() => !active && onChange(chip.id)}
            >
              <Text className="life-circle-chips__icon">{chip.icon}</Text>
              <Text className="life-circle-chips__name">{chip.name}</Text>
            </View>
          )
        })}
      </View>
    </ScrollView>
  )
}
