// Getting a code from the person: on weapp the camera scan (Taro.scanCode), on h5 a box to paste or type
// it; typing is also offered on weapp when `typing` is set (a merchant entering six digits).
import { Input, View } from '@tarojs/components'
import { useState } from 'react'
import { BigButton } from '@/components/BigButton'
import { scanCode } from '@/services/device'
import { isWeapp } from '@/services/platform'
import './index.css'

export interface CodeEntryProps {
  scanLabel: string
  placeholder: string
  /** Offer the text box on weapp too. */
  typing?: boolean
  busy?: boolean
  /** Why the last code was refused, shown under the entry. */
  problem?: string | null
  onCode: (code: string) => void
}

export function CodeEntry({ scanLabel, placeholder, typing = false, busy = false, problem, onCode }: CodeEntryProps) {
  const [text, setText] = useState('')
  const scan = async () => {
    const code = await scanCode()
    if (code) onCode(code)
  }
  const submit = () => {
    const code = text.trim()
    if (code) onCode(code)
  }
  return (
    <View className="vol-code-entry">
      {isWeapp() && (
        <BigButton block loading={busy} onClick={() => void scan()}>
          {scanLabel}
        </BigButton>
      )}
      {(typing || !isWeapp()) && (
        <View className="vol-code-entry__typed">
          <Input
            className="llt-input llt-input--round"
            value={text}
            placeholder={placeholder}
            onInput={(e) => setText(e.detail.value)}
            onConfirm={submit}
          />
          <BigButton block fill={isWeapp() ? 'outline' : 'solid'} loading={busy} disabled={!text.trim()} onClick={submit}>
            确定
          </BigButton>
        </View>
      )}
      {problem && (
        <View className="vol-code-entry__problem" role="alert">
          {problem}
        </View>
      )}
    </View>
  )
}
