// Choice controls of the volunteer and mall forms: a checkbox row with its text, and single/multi chips.
import { Text, View } from '@tarojs/components'
import './index.css'

export { Chips, type ChipOption } from './Chips'

export function Check({ checked, text, onChange }: { checked: boolean; text: string; onChange: (on: boolean) => void }) {
  return (
    <View className='vol-check' role='checkbox' aria-checked={checked} onClick={() => onChange(!checked)}>
      <View className={`vol-check__box${checked ? ' vol-check__box--on' : ''}`}>{checked ? '✓' : ''}</View>
      <Text>{text}</Text>
    </View>
  )
}
