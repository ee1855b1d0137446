import fc from 'fast-check'
import { decodeDistanceCursor, encodeDistanceCursor } from './cursor'
import { collectPage, nextUp, type Keyed, type NearFetch } from './nearScan'

/** A geo query that answers ties in a different random order every time, like a real database may. */
function fakeDb(items: Keyed[], seed: number): { fetch: NearFetch<Keyed>; reads: () => number } {
  let state = seed >>> 0 || 1
  let reads = 0
  const random = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0), state / 2 ** 32)
  return {
    reads: () => reads,
    fetch: async (min, max, limit) => {
      reads++
      const hits = items.filter((d) => d.distance >= min && d.distance <= max).map((d) => ({ d, r: random() }))
      hits.sort((a, b) => a.d.distance - b.d.distance || a.r - b.r)
      return hits.slice(0, limit).map((h) => h.d)
    }
  }
}

async function pageThrough(items: Keyed[], seed: number, limit: number, keep: (d: Keyed) => boolean = () => true, maxScan = 600) {
  const db = fakeDb(items, seed)
  const pages: Keyed[][] = []
  let cursor: string | undefined
  do {
    const after = decodeDistanceCursor(cursor)
    if (after === undefined) throw new Error('bad cursor')
    const page = await collectPage(db.fetch, 1000, after, { limit, batch: limit + 1, keep, maxScan })
    pages.push(page.items)
    cursor = page.next ? encodeDistanceCursor(page.next) : undefined
  } while (cursor && pages.length < 500)
  return pages
}

const sorted = (items: Keyed[]) => [...items].sort((a, b) => a.distance - b.distance || (a._id < b._id ? -1 : 1))

describe('exact paging over nearest-first reads', () => {
  const itemsArb = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.boolean()), { maxLength: 120 })
    .map((xs) => xs.map(([d, odd], i) => ({ _id: `f${String(i).padStart(3, '0')}${odd ? 'x' : ''}`, distance: d * 37.5 })))

  test('every item once, in (distance, id) order, whatever the page size and however ties come back', async () => {
    await fc.assert(
      fc.asyncProperty(itemsArb, fc.integer({ min: 1, max: 9 }), fc.integer(), async (items, limit, seed) => {
        const pages = await pageThrough(items, seed, limit)
        expect(pages.flat()).toEqual(sorted(items))
        expect(pages.slice(0, -1).every((p) => p.length === limit)).toBe(true)
      }),
      { numRuns: 150 }
    )
  })

  test('with a filter the database cannot apply, still every kept item once and in order', async () => {
    await fc.assert(
      fc.asyncProperty(itemsArb, fc.integer({ min: 1, max: 6 }), fc.integer(), async (items, limit, seed) => {
        const keep = (d: Keyed) => d._id.endsWith('x')
        const pages = await pageThrough(items, seed, limit, keep, 7)
        expect(pages.flat()).toEqual(sorted(items).filter(keep))
      }),
      { numRuns: 150 }
    )
  })

  test('a crowd at one spot larger than a page', async () => {
    const items = [
      ...Array.from({ length: 40 }, (_v, i) => ({ _id: `same${String(i).padStart(2, '0')}`, distance: 100 })),
      { _id: 'a', distance: 50 },
      { _id: 'z', distance: 150 }
    ]
    const pages = await pageThrough(items, 7, 5)
    expect(pages.flat()).toEqual(sorted(items))
  })

  test('nextUp is the next double', () => {
    expect(nextUp(0)).toBe(Number.MIN_VALUE)
    expect(nextUp(100)).toBeGreaterThan(100)
    expect(nextUp(100) - 100).toBeLessThan(1e-12)
  })
})
