// Single- or multi-choice chips (volunteer and mall pages; the volunteer tab). Their stylesheet comes with
// ./index; the volunteer tab (main package) imports this file directly, without it.
import { Text, View } from '@tarojs/components'

export interface ChipOption<T extends string> {
  value: T
  label: string
}

/** Chips where `selected` holds the chosen values (one for single choice). */
export function Chips<T extends string>({ options, selected, onToggle }: { options: ReadonlyArray<ChipOption<T>>; selected: ReadonlyArray<T>; onToggle: (value: T) => void }) {
  return (
    <View className='vol-chips'>
      {options.map((o) => (
        <Text key={o.value} className={`vol-chip${selected.includes(o.value) ? ' vol-chip--on' : ''}`} onClick={() => onToggle(o.value)}>
          {o.label}
        </Text>
      ))}
    </View>
  )
}
