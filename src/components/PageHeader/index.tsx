// The coloured band at the top of a tab or entry page: a big title, one line of context, optional extra.
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.css'

export interface PageHeaderProps {
  title: string
  subtitle?: string
  children?: ReactNode
}

export function PageHeader({ title, subtitle, children }: PageHeaderProps) {
  return (
    <View className="llt-header">
      <Text className="llt-header__title">{title}</Text>
      {subtitle && <Text className="llt-header__subtitle">{subtitle}</Text>}
      {children}
    </View>
  )
}
