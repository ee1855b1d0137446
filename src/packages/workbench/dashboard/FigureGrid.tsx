// A block of figures: a big number and what it counts.
import { Text, View } from '@tarojs/components'

export interface Figure {
  label: string
  value: string
  /** A line under the label (e.g. "4条评价"). */
  hint?: string
}

export function FigureGrid({ figures }: { figures: readonly Figure[] }) {
  return (
    <View className="wb-figures">
      {figures.map((f) => (
        <View key={f.label} className="wb-figures__item">
          <Text className="wb-figures__value">{f.value}</Text>
          <Text className="wb-figures__label">{f.label}</Text>
          {f.hint && <Text className="wb-figures__hint">{f.hint}</Text>}
        </View>
      ))}
    </View>
  )
}
