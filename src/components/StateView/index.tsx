// Loading / empty / error placeholder for any page or list: a drawn icon and a sentence (never a bare
// glyph), with a retry for errors.
import { Image, Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { errorMessage } from '@/services/cloud'
import { BigButton } from '../BigButton'
import { STATE_ICONS } from './icons'
import './index.css'

export type StateKind = 'loading' | 'empty' | 'error'

export interface StateViewProps {
  state: StateKind
  /** Defaults: 正在加载… / 暂无内容 / the error's own message. */
  title?: string
  description?: string
  error?: unknown
  onRetry?: () => void
  retryText?: string
  /** Something to do from an empty state, e.g. a "许个心愿" button. */
  action?: ReactNode
  /** Fill the page (first load) or sit inside a list. */
  fullPage?: boolean
}

function defaultTitle(state: StateKind, error: unknown): string {
  if (state === 'loading') return '正在加载…'
  if (state === 'empty') return '暂无内容'
  return error ? errorMessage(error) : '加载失败，请稍后再试'
}

export function StateView({ state, title, description, error, onRetry, retryText = '重新加载', action, fullPage = false }: StateViewProps) {
  return (
    <View className={`llt-state llt-state--${state}${fullPage ? ' llt-state--full' : ''}`} aria-live="polite">
      <View className="llt-state__icon" aria-hidden>
        {state === 'loading' ? (
          <View className="llt-state__spinner" />
        ) : (
          <Image className="llt-state__image" src={STATE_ICONS[state]} mode="aspectFit" />
        )}
      </View>
      <Text className="llt-state__title">{title ?? defaultTitle(state, error)}</Text>
      {description && <Text className="llt-state__description">{description}</Text>}
      {state === 'error' && onRetry && (
        <BigButton className="llt-state__retry" type="primary" onClick={onRetry}>
          {retryText}
        </BigButton>
      )}
      {action}
    </View>
  )
}
