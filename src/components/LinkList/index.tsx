// Rows that open a page or run an action: big tap targets, a title, an optional line of help.
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { navigate } from '@/services/navigation'
import './index.css'

export interface LinkItem {
  title: string
  description?: string
  /** A page URL (routes.ts: pageUrl/tabUrl); or use onClick. */
  url?: string
  onClick?: () => void
  /** Shown at the right, before the arrow (a count, a state). */
  extra?: ReactNode
  danger?: boolean
}

export interface LinkListProps {
  items: ReadonlyArray<LinkItem | false | null | undefined>
}

export function LinkList({ items }: LinkListProps) {
  const shown = items.filter((item): item is LinkItem => Boolean(item))
  return (
    <View className="llt-links">
      {shown.map((item) => {
        const open = item.onClick ?? (item.url ? () => navigate(item.url as string) : undefined)
        return (
          <View
            key={item.title}
            className={`llt-links__row${item.danger ? ' llt-links__row--danger' : ''}`}
            hoverClass={open ? 'llt-links__row--pressed' : 'none'}
            onClick={open}
          >
            <View className="llt-links__text">
              <Text className="llt-links__title">{item.title}</Text>
              {item.description && <Text className="llt-links__description">{item.description}</Text>}
            </View>
            {item.extra}
            {open && <Text className="llt-links__arrow">›</Text>}
          </View>
        )
      })}
    </View>
  )
}
