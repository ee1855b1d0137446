// A paged list (from usePaged) with pull-down refresh, load-more at the bottom and every state:
// first load, error with retry, empty, loading more, failed "more" with retry, end of list.
// It reloads after a write anywhere in the app (services/changes), at once or when its page shows again.
// The page's index.config.ts must set `enablePullDownRefresh: true`.
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { ReactNode } from 'react'
import type { Paged } from '@/hooks/usePaged'
import { useRefreshOnChange } from '@/services/changes'
import { showError } from '@/services/cloud'
import { StateView } from '../StateView'
import './index.css'

export interface PagedListProps<T> {
  paged: Paged<T>
  renderItem: (item: T, index: number) => ReactNode
  /** Every loaded item as one node instead of one `renderItem` each, e.g. a Table at PC width. */
  renderAll?: (items: T[]) => ReactNode
  itemKey: (item: T, index: number) => string
  emptyTitle?: string
  emptyDescription?: string
  /** Shown under the empty state, e.g. a button to create the first item. */
  emptyAction?: ReactNode
  className?: string
}

export function PagedList<T>({
  paged,
  renderItem,
  renderAll,
  itemKey,
  emptyTitle = '暂无内容',
  emptyDescription,
  emptyAction,
  className
}: PagedListProps<T>) {
  usePullDownRefresh(() => {
    paged
      .refresh()
      .catch(showError)
      .finally(() => void Taro.stopPullDownRefresh())
  })
  useReachBottom(() => void paged.loadMore())
  // A failed reload keeps the list; the next change or pull-down tries again.
  useRefreshOnChange(() => void paged.refresh().catch(() => undefined))

  if (paged.status === 'loading') return <StateView state="loading" />
  if (paged.status === 'error') return <StateView state="error" error={paged.error} onRetry={() => void paged.refresh().catch(showError)} />
  if (paged.items.length === 0) {
    return <StateView state="empty" title={emptyTitle} description={emptyDescription} action={emptyAction} />
  }

  return (
    <View className={`llt-paged${className ? ` ${className}` : ''}`}>
      {renderAll ? (
        <View className="llt-paged__all">{renderAll(paged.items)}</View>
      ) : (
        paged.items.map((item, index) => (
          <View className="llt-paged__item" key={itemKey(item, index)}>
            {renderItem(item, index)}
          </View>
        ))
      )}
      <Footer paged={paged} />
    </View>
  )
}

/** The same words at the end of every list. */
export const END_TEXT = '没有更多了'

function Footer<T>({ paged }: { paged: Paged<T> }) {
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
  return <View className="llt-paged__footer">{END_TEXT}</View>
}
