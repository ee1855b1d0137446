// The outbox on the phone (services/outbox) wired to Taro: items in device storage, pictures kept as files,
// sent through the report function when the network returns, when a report page shows, or on 重试.
// A report keeps the request id, time and place it was made with (docs/pillars/grid-reports.md, offline).
import Taro, { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import type { Contract, InputOf } from '@contract'
import type { PatrolView, SubmitResult } from '@contract/schemas/report'
import { useSignedIn } from '@/hooks/useMe'
import { announceChange } from '@/services/changes'
import { call, CloudError, errorMessage, isNetworkError, uploadImage } from '@/services/cloud'
import { createOutbox, type OutboxItem, type SendOutcome } from '@/services/outbox'
import { session } from '@/services/session'
import { dropFile, keepFile } from './files'
import { onReconnect } from './network'
import { patrolIdFor, rememberPatrolId } from '../patrol'

export type { OutboxItem } from '@/services/outbox'

const STORAGE_KEY = 'llt.outbox'

type Input<A extends keyof Contract['report']> = InputOf<Contract['report'][A]>

/** Made on a patrol started without network: the start's request id, turned into the patrol id when sent. */
interface OnPatrol {
  patrolStartId?: string
}

/** A report as the form made it, without its photos (they travel as kept files). */
export type ReportPayload = Omit<Input<'submit'>, 'photos'> & OnPatrol
export type PatrolStartPayload = Input<'patrolStart'>
export type PatrolPointPayload = Omit<Input<'patrolPoint'>, 'photos' | 'patrolId'> & { patrolId?: string; patrolStartId: string }
export type PatrolEndPayload = Omit<Input<'patrolEnd'>, 'patrolId'> & { patrolId?: string; patrolStartId: string }

/** The patrol id of a step: known at the time, or the server's answer to its start (sent before it). */
function patrolOf({ patrolId, patrolStartId }: { patrolId?: string; patrolStartId?: string }): string | undefined {
  const id = patrolId ?? (patrolStartId ? patrolIdFor(patrolStartId) : null)
  if (patrolStartId && !id) throw new CloudError({ code: 'FAILED_PRECONDITION', message: '这次巡查没有开始成功，请删除后重新开始巡查' })
  return id ?? undefined
}

type Sender = (payload: never, fileIds: string[], owner: string) => Promise<unknown>

const SENDERS: Record<string, Sender> = {
  report: ({ patrolStartId, ...payload }: ReportPayload, photos) =>
    call('report', 'submit', { ...payload, patrolId: patrolOf({ patrolId: payload.patrolId, patrolStartId }), photos }),
  patrolStart: async (payload: PatrolStartPayload, _photos, owner) => {
    const patrol = await call('report', 'patrolStart', payload)
    rememberPatrolId(owner, payload.requestId, patrol.id)
    return patrol
  },
  patrolPoint: ({ patrolStartId, ...payload }: PatrolPointPayload, photos) =>
    call('report', 'patrolPoint', { ...payload, patrolId: patrolOf({ patrolId: payload.patrolId, patrolStartId }) as string, photos }),
  patrolEnd: ({ patrolStartId, ...payload }: PatrolEndPayload) =>
    call('report', 'patrolEnd', { ...payload, patrolId: patrolOf({ patrolId: payload.patrolId, patrolStartId }) as string })
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
    return sender(item.payload as never, fileIds, item.owner)
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

interface Step {
  requestId: string
  clientTime?: string | number
}

/**
 * Sends one step now, or keeps it on the phone when there is no network. A refusal throws (the form shows it).
 * A step of a patrol whose start still waits on the phone waits behind it.
 */
async function sendOrKeep<R>(
  kind: keyof typeof SENDERS,
  owner: string,
  payload: Step & OnPatrol & { patrolId?: string },
  photos: string[],
  title: string
): Promise<SendOutcome<R>> {
  watch()
  const entry = {
    id: payload.requestId,
    kind,
    owner,
    createdAt: typeof payload.clientTime === 'string' ? payload.clientTime : new Date().toISOString(),
    title,
    payload: payload as unknown as Record<string, unknown>,
    photos
  }
  if (payload.patrolStartId && !payload.patrolId && !patrolIdFor(payload.patrolStartId)) {
    const item = await outbox.keep(entry)
    void outbox.flush(owner)
    return { sent: false, item }
  }
  return outbox.sendOrKeep<R>(entry)
}

export const sendReport = (owner: string, payload: ReportPayload, photos: string[], title: string) =>
  sendOrKeep<SubmitResult>('report', owner, payload, photos, title)

export const sendPatrolStart = (owner: string, payload: PatrolStartPayload, title: string) =>
  sendOrKeep<PatrolView>('patrolStart', owner, payload, [], title)

export const sendPatrolPoint = (owner: string, payload: PatrolPointPayload, photos: string[], title: string) =>
  sendOrKeep<PatrolView>('patrolPoint', owner, payload, photos, title)

export const sendPatrolEnd = (owner: string, payload: PatrolEndPayload, title: string) =>
  sendOrKeep<PatrolView>('patrolEnd', owner, payload, [], title)

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
