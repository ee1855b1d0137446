// Choice chips: one choice (radios) or several (`multiple`, checkboxes), with an optional disabled
// option. They wrap onto several lines; `scroll` keeps them on one line that scrolls sideways (filter
// rows above a list). Tapping the chosen chip of a single choice does nothing.
import { ScrollView, View } from '@tarojs/components'
import './index.css'

export type ChipValue = string | number | null

export interface Chip<T extends ChipValue> {
  value: T
  label: string
  disabled?: boolean
}

interface Common<T extends ChipValue> {
  options: ReadonlyArray<Chip<T>>
  /** Read by screen readers: what the row chooses. */
  label?: string
  /** One line that scrolls sideways instead of wrapping. */
  scroll?: boolean
}

export type ChipsProps<T extends ChipValue> = Common<T> &
  (
    | { multiple: true; value: readonly T[]; onChange: (value: T[]) => void }
    | { multiple?: false; value: T | null; onChange: (value: T) => void }
  )

export function Chips<T extends ChipValue>(props: ChipsProps<T>) {
  const chosen = (v: T) => (props.multiple ? props.value.includes(v) : props.value === v)
  const tap = (v: T) => {
    if (props.multiple) props.onChange(chosen(v) ? props.value.filter((x) => x !== v) : [...props.value, v])
    else if (!chosen(v)) props.onChange(v)
  }
  const row = (
    <View className="llt-chips" role={props.multiple ? 'group' : 'radiogroup'} ariaLabel={props.label}>
      {props.options.map((o) => (
        <View
          key={String(o.value)}
          role={props.multiple ? 'checkbox' : 'radio'}
          aria-checked={chosen(o.value)}
          aria-disabled={o.disabled || undefined}
          className={`llt-chip${chosen(o.value) ? ' llt-chip--on' : ''}${o.disabled ? ' llt-chip--disabled' : ''}`}
          onClick={o.disabled ? undefined : () => tap(o.value)}
        >
          {o.label}
        </View>
      ))}
    </View>
  )
  if (!props.scroll) return row
  return (
    <ScrollView scrollX className="llt-chips-scroll" enhanced showScrollbar={false}>
      {row}
    </ScrollView>
  )
}
