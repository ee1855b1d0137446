// A paged list (from usePaged) with pull-down refresh, load-more at the bottom and every state:
// first load, error with retry, empty, loading more, failed "more" with retry, end of list.
// The page's index.config.ts must set `enablePullDownRefresh: true`.
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { ReactNode } from 'react'
import type { Paged } from '@/hooks/usePaged'
import { showError } from '@/services/cloud'
import { StateView } from '../StateView'
import './index.css'

export interface PagedListProps<T> {
  paged: Paged<T>
  renderItem: (item: T, index: number) => ReactNode
  itemKey: (item: T, index: number) => string
  emptyTitle?: string
  emptyDescription?: string
  /** Shown under the empty state, e.g. a button to create the first item. */
  emptyAction?: ReactNode
  endText?: string
  className?: string
}

export function PagedList<T>({
  paged,
  renderItem,
  itemKey,
  emptyTitle = '暂无内容',
  emptyDescription,
  emptyAction,
  endText = '没有更多了',
  className
}: PagedListProps<T>) {
  usePullDownRefresh(() => {
    paged
      .refresh()
      .catch(showError)
      .finally(() => void Taro.stopPullDownRefresh())
  })
  useReachBottom(() => void paged.loadMore())

  if (paged.status === 'loading') return <StateView state="loading" />
  if (paged.status === 'error') return <StateView state="error" error={paged.error} onRetry={() => void paged.refresh().catch(showError)} />
  if (paged.items.length === 0) {
    return <StateView state="empty" title={emptyTitle} description={emptyDescription} action={emptyAction} />
  }

  return (
    <View className={`llt-paged${className ? ` ${className}` : ''}`}>
      {paged.items.map((item, index) => (
        <View className="llt-paged__item" key={itemKey(item, index)}>
          {renderItem(item, index)}
        </View>
      ))}
      <Footer paged={paged} endText={endText} />
    </View>
  )
}

function Footer<T>({ paged, endText }: { paged: Paged<T>; endText: string }) {
  if (paged.loadingMore) return <View className="llt-paged__footer">正在加载更多…</View>
  if (paged.moreError) {
    return (
      <View className="llt-paged__footer llt-paged__footer--action" onClick={() => void paged.loadMore()}>
        加载失败，点这里重试
      </View>
    )
  }
  if (paged.hasMore) {
    // Reach-bottom may never fire when the first page is shorter than the screen.
    return (
      <View className="llt-paged__footer llt-paged__footer--action" onClick={() => void paged.loadMore()}>
        加载更多
      </View>
    )
  }
  return <View className="llt-paged__footer">{endText}</View>
}
