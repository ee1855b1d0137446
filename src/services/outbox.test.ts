// The outbox offline → online: kept with its photos, sent once when the network returns, with the time and
// place of the moment it was made; a lost answer resent under the same request id is still one report.
import { createOutbox, type OutboxItem, type OutboxPorts } from './outbox'

class Offline extends Error {}
class Refused extends Error {}

/** A phone (storage, kept files, a network switch) and a server that keeps one result per request id. */
function world() {
  let stored: OutboxItem[] = []
  const files = new Set<string>()
  const server = new Map<string, { payload: unknown; fileIds: string[] }>()
  const uploads: string[] = []
  const sends: string[] = []
  const net = { online: true, loseNextAnswer: false, refuse: null as string | null, failUploadAfter: Infinity }
  const ports: OutboxPorts = {
    load: () => JSON.parse(JSON.stringify(stored)),
    save: (items) => void (stored = JSON.parse(JSON.stringify(items))),
    keepFile: async (tmp) => {
      const kept = `saved:${tmp}`
      files.add(kept)
      return kept
    },
    dropFile: async (kept) => void files.delete(kept),
    upload: async (path) => {
      if (!net.online || uploads.length >= net.failUploadAfter) throw new Offline('网络不太好')
      uploads.push(path)
      return `cloud://env/${path.replace(/^saved:/, '')}`
    },
    send: async (item, fileIds) => {
      if (!net.online) throw new Offline('网络不太好')
      sends.push(item.id)
      if (net.refuse) throw new Refused(net.refuse)
      if (!server.has(item.id)) server.set(item.id, { payload: item.payload, fileIds })
      if (net.loseNextAnswer) {
        net.loseNextAnswer = false
        throw new Offline('网络不太好')
      }
      return { id: `report-of-${item.id}` }
    },
    isOffline: (e) => e instanceof Offline,
    describe: (e) => (e as Error).message
  }
  return { ports, outbox: createOutbox(ports), files, server, uploads, sends, net, stored: () => stored }
}

const entry = (id: string, owner = 'me') => ({
  id,
  kind: 'report',
  owner,
  createdAt: '2026-12-03T02:10:00.000Z',
  title: '随手拍 · 消防通道堵塞',
  payload: { requestId: id, clientTime: '2026-12-03T02:10:00.000Z', location: { lat: 31.33, lng: 118.35 } },
  photos: ['tmp/a.jpg', 'tmp/b.jpg']
})

describe('outbox', () => {
  it('sends at once when online, keeping nothing', async () => {
    const w = world()
    const outcome = await w.outbox.sendOrKeep(entry('r1'))
    expect(outcome).toEqual({ sent: true, result: { id: 'report-of-r1' } })
    expect(w.server.get('r1')?.fileIds).toEqual(['cloud://env/tmp/a.jpg', 'cloud://env/tmp/b.jpg'])
    expect(w.outbox.items('me')).toEqual([])
    expect(w.files.size).toBe(0)
  })

  it('offline: keeps the report and its photos on the phone, then sends it exactly once when the network returns', async () => {
    const w = world()
    w.net.online = false
    const outcome = await w.outbox.sendOrKeep(entry('r1'))
    expect(outcome.sent).toBe(false)
    expect(w.outbox.items('me')).toEqual([
      expect.objectContaining({
        id: 'r1',
        state: 'waiting',
        attempts: 1,
        error: '网络不太好',
        photos: [{ kept: 'saved:tmp/a.jpg' }, { kept: 'saved:tmp/b.jpg' }]
      })
    ])
    expect(w.files).toEqual(new Set(['saved:tmp/a.jpg', 'saved:tmp/b.jpg']))
    expect(w.server.size).toBe(0)

    // Still offline: nothing leaves, the item stays.
    expect(await w.outbox.flush('me')).toEqual([])
    expect(w.outbox.items('me')[0]).toMatchObject({ state: 'waiting', attempts: 2 })

    w.net.online = true
    const heard: string[][] = []
    w.outbox.subscribe((sent) => heard.push(sent.map((s) => s.item.id)))
    // The network returns while a page shows: two triggers at once.
    const [a, b] = await Promise.all([w.outbox.flush('me'), w.outbox.flush('me')])
    expect([...a, ...b].map((s) => s.item.id)).toEqual(['r1'])
    expect(w.sends).toEqual(['r1'])
    expect(w.server.get('r1')).toEqual({
      payload: { requestId: 'r1', clientTime: '2026-12-03T02:10:00.000Z', location: { lat: 31.33, lng: 118.35 } },
      fileIds: ['cloud://env/tmp/a.jpg', 'cloud://env/tmp/b.jpg']
    })
    expect(w.outbox.items('me')).toEqual([])
    expect(w.files.size).toBe(0)
    expect(heard).toContainEqual(['r1'])
    expect(await w.outbox.flush('me')).toEqual([])
    expect(w.sends).toEqual(['r1'])
  })

  it('an answer lost on the way back is sent again under the same request id: the server keeps one', async () => {
    const w = world()
    w.net.online = false
    await w.outbox.sendOrKeep(entry('r1'))
    w.net.online = true
    w.net.loseNextAnswer = true
    expect(await w.outbox.flush('me')).toEqual([])
    expect(w.outbox.items('me')).toHaveLength(1)
    expect(await w.outbox.flush('me')).toHaveLength(1)
    expect(w.sends).toEqual(['r1', 'r1'])
    expect(w.server.size).toBe(1)
  })

  it('a picture uploaded before the network dropped is not uploaded again', async () => {
    const w = world()
    w.net.online = false
    await w.outbox.sendOrKeep(entry('r1'))
    w.net.online = true
    w.net.failUploadAfter = 1
    await w.outbox.flush('me')
    expect(w.uploads).toEqual(['saved:tmp/a.jpg'])
    expect(w.outbox.items('me')[0].photos).toEqual([
      { kept: 'saved:tmp/a.jpg', fileId: 'cloud://env/tmp/a.jpg' },
      { kept: 'saved:tmp/b.jpg' }
    ])
    w.net.failUploadAfter = Infinity
    await w.outbox.flush('me')
    expect(w.uploads).toEqual(['saved:tmp/a.jpg', 'saved:tmp/b.jpg'])
    expect(w.server.get('r1')?.fileIds).toEqual(['cloud://env/tmp/a.jpg', 'cloud://env/tmp/b.jpg'])
  })

  it('oldest first; a refusal is kept with its reason for the person to retry or delete, the rest still go', async () => {
    const w = world()
    w.net.online = false
    await w.outbox.sendOrKeep(entry('r1'))
    await w.outbox.sendOrKeep({ ...entry('r2'), photos: [] })
    w.net.online = true
    w.net.refuse = '位置不在本街道的网格内'
    await w.outbox.flush('me')
    expect(w.outbox.items('me').map((i) => [i.id, i.state, i.error])).toEqual([
      ['r1', 'refused', '位置不在本街道的网格内'],
      ['r2', 'refused', '位置不在本街道的网格内']
    ])
    w.net.refuse = null
    // A refused item waits for the person: flushing does not send it again.
    expect(await w.outbox.flush('me')).toEqual([])
    expect((await w.outbox.retry('r2', 'me')).map((s) => s.item.id)).toEqual(['r2'])
    await w.outbox.remove('r1')
    expect(w.outbox.items('me')).toEqual([])
    expect(w.files.size).toBe(0)
    expect([...w.server.keys()]).toEqual(['r2'])
  })

  it('a refusal at once is the form’s to show: nothing is kept', async () => {
    const w = world()
    w.net.refuse = '请选择问题类别'
    await expect(w.outbox.sendOrKeep(entry('r1'))).rejects.toThrow('请选择问题类别')
    expect(w.stored()).toEqual([])
  })

  it('only the person who made an item sends it', async () => {
    const w = world()
    w.net.online = false
    await w.outbox.sendOrKeep(entry('r1', 'someone-else'))
    w.net.online = true
    expect(await w.outbox.flush('me')).toEqual([])
    expect(w.outbox.items('me')).toEqual([])
    expect(w.outbox.items('someone-else')).toHaveLength(1)
  })
})
