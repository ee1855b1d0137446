// A 1–5 rating: big tappable stars with the word for each, or read-only.
import { Text, View } from '@tarojs/components'
import './index.css'

export const RATING_WORDS = ['', '不满意', '一般', '还不错', '满意', '非常满意'] as const

export interface StarsProps {
  value: number
  onChange?: (value: number) => void
}

export function Stars({ value, onChange }: StarsProps) {
  return (
    <View className="wish-stars" role={onChange ? 'radiogroup' : undefined} aria-label="评分">
      {[1, 2, 3, 4, 5].map((n) => (
        <View
          key={n}
          role={onChange ? 'radio' : undefined}
          aria-checked={onChange ? n === value : undefined}
          aria-label={`${n}星 ${RATING_WORDS[n]}`}
          className={`wish-stars__star${n <= value ? ' wish-stars__star--on' : ''}${onChange ? ' wish-stars__star--input' : ''}`}
          onClick={() => onChange?.(n)}
        >
          ★
        </View>
      ))}
      {value > 0 && <Text className="wish-stars__word">{RATING_WORDS[value]}</Text>}
    </View>
  )
}
