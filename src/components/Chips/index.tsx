// Single- or multi-choice chips: the volunteer tab, volunteer and mall forms, staff activity pages.
import { Text, View } from '@tarojs/components'
import './index.css'

export interface ChipOption<T extends string> {
  value: T
  label: string
}

export interface ChipsProps<T extends string> {
  options: ReadonlyArray<ChipOption<T>>
  /** The chosen values (one for single choice). */
  selected: ReadonlyArray<T>
  onToggle: (value: T) => void
}

export function Chips<T extends string>({ options, selected, onToggle }: ChipsProps<T>) {
  return (
    <View className='llt-chips'>
      {options.map((o) => (
        <Text key={o.value} className={`llt-chip${selected.includes(o.value) ? ' llt-chip--on' : ''}`} onClick={() => onToggle(o.value)}>
          {o.label}
        </Text>
      ))}
    </View>
  )
}
