// A 1–5 rating: big tappable stars and, on a line of its own under them, the word for the level; or read-only.
// The words are the usual five-level satisfaction scale (非常不满意 … 非常满意): two stars is 不满意, three 一般.
import { Text, View } from '@tarojs/components'
import './index.css'

export const RATING_WORDS = ['', '非常不满意', '不满意', '一般', '满意', '非常满意'] as const

export interface StarsProps {
  value: number
  onChange?: (value: number) => void
}

export function Stars({ value, onChange }: StarsProps) {
  return (
    <View className="wish-stars">
      <View className="wish-stars__row" role={onChange ? 'radiogroup' : undefined} aria-label="评分">
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
      </View>
      {value > 0 && <Text className="wish-stars__word">{`${value}星 · ${RATING_WORDS[value]}`}</Text>}
    </View>
  )
}
