// A big checkbox with its text (consent to rules, 代录, a child's wish, on sale): large enough for an older finger.
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
    <View className="llt-check" role="checkbox" aria-checked={checked} onClick={() => onChange(!checked)}>
      <View className={`llt-check__box${checked ? ' llt-check__box--on' : ''}`}>{checked ? '✓' : ''}</View>
      <Text>{children}</Text>
    </View>
  )
}
