// A white card with an optional heading; pages are a stack of these.
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.css'

export interface SectionProps {
  title?: string
  /** Small text or a link at the right of the heading. */
  extra?: ReactNode
  children?: ReactNode
  className?: string
}

export function Section({ title, extra, children, className }: SectionProps) {
  return (
    <View className={`llt-section${className ? ` ${className}` : ''}`}>
      {(title || extra) && (
        <View className="llt-section__head">
          {title && <Text className="llt-section__title">{title}</Text>}
          {extra}
        </View>
      )}
      {children}
    </View>
  )
}
