// 消息 tab: every notice the person was sent (the in-app twins of the subscription messages), newest first,
// unread in bold. Tapping one marks it read and opens what it is about; 全部已读 marks them all.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { NoticeView } from '@contract/schemas/user'
import { PagedList } from '@/components/PagedList'
import { PageShell } from '@/components/PageShell'
import { useOnReturn } from '@/hooks/useOnReturn'
import { usePaged } from '@/hooks/usePaged'
import { call, showError } from '@/services/cloud'
import { navigate } from '@/services/navigation'
import { showUnread, targetUrl } from '@/services/notices'
import { formatDateTime } from '@/utils/date'
import './index.css'

function NoticeItem({ notice, read, onOpen }: { notice: NoticeView; read: boolean; onOpen: (n: NoticeView) => void }) {
  return (
    <View
      className={`notices-item${read ? '' : ' notices-item--unread'}`}
      role="button"
      aria-label={`${read ? '' : '未读，'}${notice.title}`}
      onClick={() => onOpen(notice)}
    >
      <View className="notices-item__head">
        {!read && <View className="notices-item__dot" />}
        <Text className="notices-item__title">{notice.title}</Text>
        <Text className="notices-item__time">{formatDateTime(notice.createdAt)}</Text>
      </View>
      <Text className="notices-item__body">{notice.body}</Text>
    </View>
  )
}

function NoticeCentre() {
  const paged = usePaged((cursor) => call('user', 'notices', { cursor, limit: 20 }), [])
  // Read on this screen since the list loaded; a refresh brings the server's own readAt.
  const [readHere, setReadHere] = useState<ReadonlySet<string>>(new Set())
  useOnReturn(() => {
    void paged.refresh().catch(() => undefined)
    setReadHere(new Set())
  })

  const isRead = (n: NoticeView) => Boolean(n.readAt) || readHere.has(n.id)
  const anyUnread = paged.items.some((n) => !isRead(n))

  const markRead = async (data: { ids: string[] } | { all: true }) => {
    const { unread } = await call('user', 'markRead', data)
    showUnread(unread)
  }

  const open = (n: NoticeView) => {
    if (!isRead(n)) {
      setReadHere((s) => new Set(s).add(n.id))
      void markRead({ ids: [n.id] }).catch(() => undefined)
    }
    const url = targetUrl(n.target)
    if (url) navigate(url)
  }

  const readAll = () => {
    const before = readHere
    setReadHere(new Set(paged.items.map((n) => n.id)))
    markRead({ all: true }).catch((e: unknown) => {
      setReadHere(before)
      showError(e)
    })
  }

  return (
    <View className="notices">
      {anyUnread && (
        <View className="notices__bar">
          <View className="notices__read-all" role="button" onClick={readAll}>
            全部已读
          </View>
        </View>
      )}
      <PagedList
        paged={paged}
        itemKey={(n) => n.id}
        renderItem={(n) => <NoticeItem notice={n} read={isRead(n)} onOpen={open} />}
        emptyTitle="暂无消息"
        emptyDescription="心愿进展、活动报名、积分兑换和审核结果都会在这里通知您"
      />
    </View>
  )
}

export default function NoticesPage() {
  return (
    <PageShell>
      <NoticeCentre />
    </PageShell>
  )
}
