// Tap-to-insert phrases under a text field, so typing is optional (适老化): thanks when confirming a wish,
// common wishes when writing one. A phrase that would not fit within the field's limit is not inserted.
import { Text, View } from '@tarojs/components'
import { charCount } from '@/utils/form'
import './index.css'

export const THANKS_PHRASES = [
  '谢谢您，帮了我大忙！',
  '东西收到了，很满意。',
  '辛苦您了，祝您身体健康！',
  '感谢社区和志愿者的关心！'
] as const

export const WISH_PHRASES = [
  '想请人陪我去医院看病',
  '想请人帮忙买菜送上门',
  '想学用智能手机',
  '家里电器坏了想请人修',
  '想有人陪我聊聊天'
] as const

/** `text` with `phrase` added: the phrase alone when empty, else after a comma (unless it ends with punctuation). */
export function insertPhrase(text: string, phrase: string, max: number): string {
  const trimmed = text.trimEnd()
  const joined = trimmed === '' ? phrase : /[，。！？、,.!?；;]$/.test(trimmed) ? trimmed + phrase : `${trimmed}，${phrase}`
  return charCount(joined) > max ? text : joined
}

export interface QuickPhrasesProps {
  phrases: readonly string[]
  value: string
  max: number
  onChange: (value: string) => void
  label?: string
}

export function QuickPhrases({ phrases, value, max, onChange, label = '常用语，点一下就填入' }: QuickPhrasesProps) {
  return (
    <View className="wish-phrases" role="group" aria-label={label}>
      <Text className="wish-phrases__label">{label}</Text>
      <View className="wish-phrases__list">
        {phrases.map((p) => (
          <View
            key={p}
            className="wish-phrases__phrase"
            role="button"
            hoverClass="wish-phrases__phrase--pressed"
            onClick={() => onChange(insertPhrase(value, p, max))}
          >
            {p}
          </View>
        ))}
      </View>
    </View>
  )
}
