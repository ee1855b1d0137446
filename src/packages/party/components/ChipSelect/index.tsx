// Big tappable chips to pick one option or several (status filters, service intentions, ratings).
import { View } from '@tarojs/components'
import './index.css'

export interface ChipOption<T extends string> {
  value: T
  label: string
  disabled?: boolean
}

interface Common<T extends string> {
  options: ReadonlyArray<ChipOption<T>>
  label?: string
}

export type ChipSelectProps<T extends string> = Common<T> &
  ({ multiple: true; value: readonly T[]; onChange: (value: T[]) => void } | { multiple?: false; value: T | null; onChange: (value: T) => void })

export function ChipSelect<T extends string>(props: ChipSelectProps<T>) {
  const selected = (v: T) => (props.multiple ? props.value.includes(v) : props.value === v)
  const toggle = (v: T) => {
    if (props.multiple) props.onChange(selected(v) ? props.value.filter((x) => x !== v) : [...props.value, v])
    else props.onChange(v)
  }
  return (
    <View className='party-chips' role={props.multiple ? 'group' : 'radiogroup'} ariaLabel={props.label}>
      {props.options.map((o) => (
        <View
          key={o.value}
          role={props.multiple ? 'checkbox' : 'radio'}
          aria-checked={selected(o.value)}
          aria-disabled={o.disabled || undefined}
          className={`party-chips__chip${selected(o.value) ? ' party-chips__chip--on' : ''}${o.disabled ? ' party-chips__chip--disabled' : ''}`}
          onClick={o.disabled ? undefined : () => toggle(o.value)}
        >
          {o.label}
        </View>
      ))}
    </View>
  )
}
