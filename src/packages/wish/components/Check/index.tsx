// A big checkbox with its text (consent, 代录, a child's wish).
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.css'

export interface CheckProps {
  checked: boolean
  onChange: (checked: boolean) => void
  children: ReactNode
}

export function Check({ checked, onChange, children }: CheckProps) {
  return (
    <View className='wish-check' role='checkbox' aria-checked={checked} onClick={() => onChange(!checked)}>
      <View className={`wish-check__box${checked ? ' wish-check__box--on' : ''}`}>{checked ? '✓' : ''}</View>
      <Text>{children}</Text>
    </View>
  )
}
