// An on/off switch drawn with plain views: big enough to hit, and without NutUI's Switch, which
// would bring its ConfigProvider and locale tables into the main package.
import { View } from '@tarojs/components'
import './index.css'

export interface ToggleProps {
  checked: boolean
  /** Read by screen readers (the visible label sits next to the toggle). */
  label: string
  disabled?: boolean
  onChange: (checked: boolean) => void
}

export function Toggle({ checked, label, disabled = false, onChange }: ToggleProps) {
  return (
    <View
      className={`llt-toggle${checked ? ' llt-toggle--on' : ''}${disabled ? ' llt-toggle--disabled' : ''}`}
      role="switch"
      aria-checked={checked}
      aria-label={label}
      onClick={(e) => {
        e.stopPropagation()
        if (!disabled) onChange(!checked)
      }}
    >
      <View className="llt-toggle__knob" />
    </View>
  )
}
