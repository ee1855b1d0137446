// A rotating check-in code on screen: the QR code, the same code to type in large type, and the seconds
// until it changes. When the server says no one can check in now (not yet open, closed), the sentence it
// gave (with the time) replaces the code.
import { Text, View } from '@tarojs/components'
import Taro, { useDidHide, useDidShow } from '@tarojs/taro'
import type { ReactNode } from 'react'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import type { RotatingCode } from '@/hooks/useRotatingCode'
import { CloudError, errorMessage } from '@/services/cloud'
import { isWeapp } from '@/services/platform'
import { QrCode } from '../../../points/components/QrCode'
import './index.css'

export interface RotatingCodeViewProps {
  rotating: RotatingCode
  title: string
  /** Who scans it and what for. */
  hint: string
  label: string
  /** Shown under the code (counts, links). */
  children?: ReactNode
}

/** The typed code in two groups of three: ABC DEF. */
const keepScreenOn = (on: boolean) => {
  if (isWeapp()) void Taro.setKeepScreenOn({ keepScreenOn: on }).catch(() => undefined)
}

/** While a code page shows, the code rotates and the phone's screen stays on (WeChat only; a browser decides). */
export function useCodeOnScreen(rotating: Pick<RotatingCode, 'pause' | 'resume'>): void {
  useDidShow(() => {
    keepScreenOn(true)
    rotating.resume()
  })
  useDidHide(() => {
    keepScreenOn(false)
    rotating.pause()
  })
}

export const spacedShortCode = (code: string) => code.replace(/^(.{3})(?=.)/, '$1 ')

export function RotatingCodeView({ rotating, title, hint, label, children }: RotatingCodeViewProps) {
  const { code, error } = rotating
  if (error instanceof CloudError && error.code === 'FAILED_PRECONDITION') {
    return (
      <Section>
        <Text className="vol-rcode__title">{title}</Text>
        <View className="vol-rcode__closed" role="status">
          <Text className="vol-rcode__closed-head">现在不能签到</Text>
          <Text className="vol-rcode__closed-why">{errorMessage(error)}</Text>
        </View>
        {children}
      </Section>
    )
  }
  if (!code && error) return <StateView state="error" error={error} fullPage />
  if (!code) return <StateView state="loading" title="正在生成签到码…" fullPage />
  return (
    <Section>
      <Text className="vol-rcode__title">{title}</Text>
      <Text className="vol-rcode__hint">{hint}</Text>
      <QrCode text={code.payload} label={label} dimmed={Boolean(error)} />
      <View className="vol-rcode__typed">
        <Text className="vol-rcode__typed-label">无法扫码时输入</Text>
        <Text className="vol-rcode__short" aria-label="签到数字码">
          {spacedShortCode(code.shortCode)}
        </Text>
      </View>
      <Text className="vol-rcode__countdown">{error ? '网络不稳定，正在重试…' : `${rotating.secondsLeft} 秒后自动更新`}</Text>
      {children}
    </Section>
  )
}
