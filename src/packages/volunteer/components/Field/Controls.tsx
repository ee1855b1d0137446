// Small form controls shared by pillar 3 forms: a checkbox row with its text, and single/multi chips.
import { Text, View } from '@tarojs/components'

export function Check({ checked, text, onChange }: { checked: boolean; text: string; onChange: (on: boolean) => void }) {
  return (
    <View className='vol-check' role='checkbox' aria-checked={checked} onClick={() => onChange(!checked)}>
      <View className={`vol-check__box${checked ? ' vol-check__box--on' : ''}`}>{checked ? '✓' : ''}</View>
      <Text>{text}</Text>
    </View>
  )
}

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
