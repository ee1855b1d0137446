// The outbox on the phone (services/outbox) wired to Taro: items in device storage, pictures kept as files,
// sent through the report function when the network returns, when a report page shows, or on 重试.
// A report keeps the request id, time and place it was made with (docs/pillars/grid-reports.md, offline).
import Taro, { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import type { Contract, InputOf } from '@contract'
import type { SubmitResult } from '@contract/schemas/report'
import { useSignedIn } from '@/hooks/useMe'
import { announceChange } from '@/services/changes'
import { call, errorMessage, isNetworkError, uploadImage } from '@/services/cloud'
import { createOutbox, type OutboxItem, type SendOutcome } from '@/services/outbox'
import { session } from '@/services/session'
import { dropFile, keepFile } from './files'
import { onReconnect } from './network'

export type { OutboxItem } from '@/services/outbox'

const STORAGE_KEY = 'llt.outbox'

/** A report as the form made it, without its photos (they travel as kept files). */
export type ReportPayload = Omit<InputOf<Contract['report']['submit']>, 'photos'>

type Sender = (payload: never, fileIds: string[]) => Promise<unknown>

const SENDERS: Record<string, Sender> = {
  report: (payload: ReportPayload, photos) => call('report', 'submit', { ...payload, photos })
}

export const outbox = createOutbox({
  load: () => (Taro.getStorageSync(STORAGE_KEY) as OutboxItem[] | '') || [],
  save: (items) => Taro.setStorageSync(STORAGE_KEY, items),
  keepFile,
  dropFile,
  upload: uploadImage,
  send: (item, fileIds) => {
    const sender = SENDERS[item.kind]
    if (!sender) return Promise.reject(new Error(`unknown outbox kind ${item.kind}`))
    return sender(item.payload as never, fileIds)
  },
  isOffline: isNetworkError,
  describe: errorMessage
})

const currentOwner = (): string | undefined => session.get().me?.openid

let watching = false
/** Once per app run: send when the network returns, and say what was sent. */
function watch(): void {
  if (watching) return
  watching = true
  onReconnect(() => {
    const owner = currentOwner()
    if (owner) void outbox.flush(owner)
  })
  outbox.subscribe((sent) => {
    if (!sent.length) return
    announceChange()
    void Taro.showToast({ title: `网络已恢复，已发送${sent.length}条`, icon: 'none', duration: 2500 })
  })
}

/** Sends a report now, or keeps it on the phone when there is no network. A refusal throws (the form shows it). */
export function sendReport(owner: string, payload: ReportPayload, photos: string[], title: string): Promise<SendOutcome<SubmitResult>> {
  watch()
  return outbox.sendOrKeep<SubmitResult>({
    id: payload.requestId,
    kind: 'report',
    owner,
    createdAt: typeof payload.clientTime === 'string' ? payload.clientTime : new Date().toISOString(),
    title,
    payload: payload as Record<string, unknown>,
    photos
  })
}

export interface OutboxState {
  items: OutboxItem[]
  sending: boolean
  flush: () => Promise<void>
  retry: (id: string) => Promise<void>
  remove: (id: string) => Promise<void>
}

/** The signed-in person's waiting items; tries to send them when the page shows. */
export function useOutbox(): OutboxState {
  const { openid } = useSignedIn()
  const [items, setItems] = useState<OutboxItem[]>(() => outbox.items(openid))
  const [sending, setSending] = useState(false)

  useEffect(() => {
    watch()
    setItems(outbox.items(openid))
    return outbox.subscribe(() => setItems(outbox.items(openid)))
  }, [openid])

  const run = useCallback(
    async (work: () => Promise<unknown>) => {
      setSending(true)
      try {
        await work()
      } finally {
        setSending(false)
        setItems(outbox.items(openid))
      }
    },
    [openid]
  )
  const flush = useCallback(() => run(() => outbox.flush(openid)), [openid, run])

  useEffect(() => {
    if (outbox.items(openid).some((i) => i.state === 'waiting')) void flush()
  }, [openid, flush])
  useDidShow(() => {
    if (outbox.items(openid).some((i) => i.state === 'waiting')) void flush()
  })

  return {
    items,
    sending,
    flush,
    retry: (id) => run(() => outbox.retry(id, openid)),
    remove: (id) => run(() => outbox.remove(id))
  }
}
