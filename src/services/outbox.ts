// The outbox: what a person made without network (a report, a patrol check-point, photos included) waits
// on the phone and is sent when the network returns — exactly once, because its request id is fixed when
// it is made and the server answers a repeated request id with the first answer. Its time and place are
// the ones of the moment it was made (they are in the payload, never re-read at sending).
//
// Pure: storage, kept files, uploads, sending and the network test are ports (the report subpackage wires
// them to Taro in packages/report/outbox), so the rules here run in unit tests.

export type OutboxState = 'waiting' | 'refused'

export interface OutboxPhoto {
  /** The file kept on the phone (a saved file path on weapp, a data URL on h5). */
  kept: string
  /** The cloud file id once uploaded; kept so a retry never uploads a picture twice. */
  fileId?: string
}

export interface OutboxItem<P = Record<string, unknown>> {
  /** The request id, fixed at creation: the server keeps one result per id. */
  id: string
  kind: string
  /** Whose it is: only the person who made it sends it. */
  owner: string
  /** When it was made (ISO), shown as 待发送 since …. */
  createdAt: string
  /** One line for the list, e.g. "随手拍 · 消防通道堵塞". */
  title: string
  payload: P
  photos: OutboxPhoto[]
  state: OutboxState
  attempts: number
  /** The last failure, in the words shown to the person. */
  error?: string
}

export interface NewItem<P = Record<string, unknown>> {
  id: string
  kind: string
  owner: string
  createdAt: string
  title: string
  payload: P
  /** Local paths of the pictures chosen (temporary files). */
  photos: string[]
}

export interface OutboxPorts {
  load: () => OutboxItem[]
  save: (items: OutboxItem[]) => void
  /** Makes a temporary picture last across restarts; answers what `upload` and `drop` take. */
  keepFile: (tempPath: string) => Promise<string>
  dropFile: (kept: string) => Promise<void>
  upload: (path: string, owner: string) => Promise<string>
  /** Sends one item with its uploaded photos; answers the server's result. */
  send: (item: OutboxItem, fileIds: string[]) => Promise<unknown>
  /** True when the failure is the network's (try again later), false when the server refused. */
  isOffline: (error: unknown) => boolean
  /** The sentence for a failure. */
  describe: (error: unknown) => string
}

export interface Sent {
  item: OutboxItem
  result: unknown
}

export type SendOutcome<R> = { sent: true; result: R } | { sent: false; item: OutboxItem }

export interface Outbox {
  items: (owner: string) => OutboxItem[]
  /** Tries to send at once; without network keeps it (photos too) and answers the kept item. A refusal throws. */
  sendOrKeep: <R>(entry: NewItem) => Promise<SendOutcome<R>>
  /** Keeps it without trying (it must wait for an earlier item, e.g. a check-point for its patrol's start). */
  keep: (entry: NewItem) => Promise<OutboxItem>
  /** Sends every waiting item of `owner`, oldest first; stops at the first network failure. */
  flush: (owner: string) => Promise<Sent[]>
  /** A refused or waiting item is tried again now. */
  retry: (id: string, owner: string) => Promise<Sent[]>
  remove: (id: string) => Promise<void>
  subscribe: (listener: (sent: Sent[]) => void) => () => void
}

export function createOutbox(ports: OutboxPorts): Outbox {
  const listeners = new Set<(sent: Sent[]) => void>()
  const notify = (sent: Sent[]) => listeners.forEach((l) => l(sent))
  const read = (): OutboxItem[] => {
    try {
      const items = ports.load()
      return Array.isArray(items) ? items : []
    } catch {
      return []
    }
  }
  const patch = (id: string, change: Partial<OutboxItem>) => ports.save(read().map((i) => (i.id === id ? { ...i, ...change } : i)))
  // One pass at a time: two triggers at once (the network returns while a page shows) send nothing twice.
  let running: Promise<Sent[]> | null = null

  async function uploadAll(item: OutboxItem): Promise<string[]> {
    const photos = item.photos.map((p) => ({ ...p }))
    for (const photo of photos) {
      if (photo.fileId) continue
      photo.fileId = await ports.upload(photo.kept, item.owner)
      patch(item.id, { photos: photos.map((p) => ({ ...p })) })
    }
    return photos.map((p) => p.fileId as string)
  }

  async function pass(owner: string): Promise<Sent[]> {
    const sent: Sent[] = []
    for (const queued of read().filter((i) => i.owner === owner && i.state === 'waiting')) {
      const item = read().find((i) => i.id === queued.id)
      if (!item || item.state !== 'waiting') continue
      try {
        const result = await ports.send(item, await uploadAll(item))
        ports.save(read().filter((i) => i.id !== item.id))
        await Promise.all(item.photos.map((p) => ports.dropFile(p.kept).catch(() => undefined)))
        sent.push({ item, result })
      } catch (error) {
        const offline = ports.isOffline(error)
        patch(item.id, { attempts: item.attempts + 1, error: ports.describe(error), state: offline ? 'waiting' : 'refused' })
        if (offline) break
      }
    }
    return sent
  }

  async function keep(entry: NewItem, attempts: number, error?: string): Promise<OutboxItem> {
    const photos = await Promise.all(entry.photos.map(async (p) => ({ kept: await ports.keepFile(p) })))
    const kept: OutboxItem = { ...entry, photos, state: 'waiting', attempts, ...(error ? { error } : {}) }
    ports.save([...read().filter((i) => i.id !== kept.id), kept])
    notify([])
    return kept
  }

  const flush = (owner: string): Promise<Sent[]> => {
    if (running) return running.then(() => flush(owner))
    running = pass(owner).finally(() => {
      running = null
    })
    return running.then((sent) => {
      notify(sent)
      return sent
    })
  }

  return {
    items: (owner) => read().filter((i) => i.owner === owner),

    async sendOrKeep<R>(entry: NewItem): Promise<SendOutcome<R>> {
      const item: OutboxItem = { ...entry, photos: entry.photos.map((p) => ({ kept: p })), state: 'waiting', attempts: 0 }
      try {
        const fileIds: string[] = []
        for (const path of entry.photos) fileIds.push(await ports.upload(path, entry.owner))
        return { sent: true, result: (await ports.send(item, fileIds)) as R }
      } catch (error) {
        if (!ports.isOffline(error)) throw error
        return { sent: false, item: await keep(entry, 1, ports.describe(error)) }
      }
    },

    keep: (entry) => keep(entry, 0),

    flush,

    async retry(id, owner) {
      patch(id, { state: 'waiting' })
      return flush(owner)
    },

    async remove(id) {
      const item = read().find((i) => i.id === id)
      ports.save(read().filter((i) => i.id !== id))
      await Promise.all((item?.photos ?? []).map((p) => ports.dropFile(p.kept).catch(() => undefined)))
      notify([])
    },

    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    }
  }
}
