// A row of choices, one selected; scrolls sideways when long. Used for categories, sort and status.
import { ScrollView, View } from '@tarojs/components'
import './index.css'

export interface Chip<T> {
  value: T
  label: string
}

export interface ChipsProps<T> {
  options: ReadonlyArray<Chip<T>>
  value: T
  onChange: (value: T) => void
  /** Shown to screen readers: what the row chooses. */
  label?: string
}

export function Chips<T extends string | number | null>({ options, value, onChange, label }: ChipsProps<T>) {
  return (
    <ScrollView scrollX className='wish-chips' enhanced showScrollbar={false}>
      <View className='wish-chips__row' role='radiogroup' aria-label={label}>
        {options.map((o) => {
          const active = o.value === value
          return (
            <View
              key={String(o.value)}
              role='radio'
              aria-checked={active}
              className={`wish-chips__chip${active ? ' wish-chips__chip--active' : ''}`}
              onClick={() => !active && onChange(o.value)}
            >
              {o.label}
            </View>
          )
        })}
      </View>
    </ScrollView>
  )
}
