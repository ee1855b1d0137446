// The lifeCircle function through the local cloud with the real wx-server-sdk: nearby within the tier
// radius and nearest first, category and open-now filters, keyset paging without duplicates or gaps (ties
// and inserts between pages included), closed facilities hidden, search, CSV import (bad rows with their
// reasons, all-or-nothing, retries and concurrent repeats), writes only by staff of the community, coverage
// with facilities across the boundary, and malformed payloads.
import Papa from 'papaparse'
import { dedupeKeyOf } from '../../cloudfunctions/lifeCircle/src/domain/facility'
import { EARTH_RADIUS_M, WALK } from '../../cloudfunctions/_shared/domain/walk'
import { useLocalCloud } from '../support/cloud'
import { typedClient, type Input, type Output } from '../support/client'
import { fails, ok, present } from '../support/envelope'

const lc = useLocalCloud()

// --- a hand-made map: positions in meters north/east of an origin ------------------------------------------

const M = (EARTH_RADIUS_M * Math.PI) / 180
const O = { lat: 31.2, lng: 118.2 } // the main map
const P = { lat: 31.25, lng: 118.25 } // paging cluster, 7 km away
const Q = { lat: 31.3, lng: 118.15 } // open-now paging cluster
const R = { lat: 31.15, lng: 118.3 } // imports and closing
const at = (origin: { lat: number; lng: number }, north: number, east = 0) => {
  const lat = origin.lat + north / M
  return { lat, lng: origin.lng + east / (M * Math.cos((lat * Math.PI) / 180)) }
}
const point = (p: { lat: number; lng: number }) => ({ type: 'Point', coordinates: [p.lng, p.lat] })

const ALWAYS = { week: Array.from({ length: 7 }, () => ['00:00-24:00']), holidaysClosed: false }
const NEVER = { week: Array.from({ length: 7 }, () => [] as string[]), holidaysClosed: false }
const FIXED = new Date('2026-11-01T00:00:00Z')

function facility(id: string, category: string, where: { lat: number; lng: number }, over: Record<string, unknown> = {}) {
  const name = (over.name as string) ?? `设施${id}`
  return {
    _id: id,
    name,
    category,
    communityId: 'cmA',
    streetId: 'stT',
    location: point(where),
    address: `江城市测试路${id}号`,
    phone: '0553-2000000',
    hours: ALWAYS,
    services: [],
    photos: [],
    status: 'open',
    dedupeKey: dedupeKeyOf(name, where.lat, where.lng),
    createdAt: FIXED,
    updatedAt: FIXED,
    ...over
  }
}

/** The main map around O: id → [category, meters north, meters east]. */
const MAP: Record<string, [string, number, number]> = {
  n050: ['pharmacy', 50, 0],
  n120: ['convenience', 0, 120],
  never250: ['market', 0, 250],
  n290: ['canteen', -290, 0],
  n310: ['pharmacy', 0, -310],
  n480: ['convenience', 480, 0],
  n520: ['canteen', 520, 0],
  n990: ['clinic', 0, 990],
  n1010: ['clinic', -1010, 0]
}

const PAGING_IDS = Array.from({ length: 45 }, (_, i) => `p${String(i).padStart(2, '0')}`)
const OPEN_NOW_IDS = Array.from({ length: 30 }, (_, i) => `q${String(i).padStart(2, '0')}`)

function user(openid: string, roles: object[], communityId = 'cmA') {
  return {
    _id: openid,
    nickName: openid,
    realName: null,
    phone: null,
    communityId,
    compoundId: null,
    roles,
    elderMode: false,
    consent: null,
    createdAt: FIXED,
    updatedAt: FIXED,
    deletedAt: null
  }
}

function seed() {
  const s = lc.cloud.store
  s.insert('streets', [
    { _id: 'stT', name: '测试街道', district: '镜湖区', city: '江城市' },
    { _id: 'stZ', name: '邻街道', district: '镜湖区', city: '江城市' }
  ])
  s.insert('communities', [
    { _id: 'cmA', name: '甲社区', streetId: 'stT', center: point(O), address: '', phone: '', settings: {} },
    { _id: 'cmB', name: '乙社区', streetId: 'stT', center: point(P), address: '', phone: '', settings: {} },
    { _id: 'cmZ', name: '邻街社区', streetId: 'stZ', center: point(at(O, 900)), address: '', phone: '', settings: {} }
  ])
  s.insert('compounds', [
    { _id: 'cpA1', name: '甲一小区', communityId: 'cmA', streetId: 'stT', location: point(O), households: 100 },
    { _id: 'cpA2', name: '甲二小区', communityId: 'cmA', streetId: 'stT', location: point(at(O, 700)), households: 300 },
    { _id: 'cpB1', name: '乙一小区', communityId: 'cmB', streetId: 'stT', location: point(P), households: 50 }
  ])
  s.insert('users', [
    user('resA', []),
    user('staffA', [{ role: 'staff', communityId: 'cmA' }]),
    user('staffB', [{ role: 'staff', communityId: 'cmB' }], 'cmB'),
    user('streetT', [{ role: 'streetAdmin', streetId: 'stT' }]),
    user('streetZ', [{ role: 'streetAdmin', streetId: 'stZ' }], 'cmZ')
  ])
  s.insert('facilities', [
    ...Object.entries(MAP).map(([id, [category, n, e]]) => facility(id, category, at(O, n, e), id === 'never250' ? { hours: NEVER } : {})),
    facility('closed200', 'pharmacy', at(O, 200), { status: 'closed' }),
    // Across the street boundary: it still serves compound cpA2, 60 m away.
    facility('x_clinic', 'clinic', at(O, 760), { communityId: 'cmZ', streetId: 'stZ' }),
    // 45 facilities within 300 m of P; 15 of them share one spot (ties in distance).
    ...PAGING_IDS.map((id, i) => facility(id, 'parcel', i < 15 ? at(P, 100) : at(P, 5 * i, 3 * i), { communityId: 'cmB' })),
    // 30 around Q, every other one never open.
    ...OPEN_NOW_IDS.map((id, i) => facility(id, 'fitness', at(Q, 8 * i + 1), { hours: i % 2 ? NEVER : ALWAYS })),
    facility('r_close', 'culture', at(R, 40), { name: '将要关闭的文化室' }),
    facility('r_canteen', 'canteen', at(R, 60), { name: '荷塘长者饭堂', services: ['老年助餐', '助浴'] }),
    facility('r_regex', 'culture', at(R, 80), { name: '书画(.*)活动室' })
  ])
}

beforeAll(() => seed())

// --- helpers -------------------------------------------------------------------------------------------

const api = typedClient(lc, { openid: 'resA' })
const store = () => lc.cloud.store
const facilitiesSnapshot = () => JSON.stringify(store().find('facilities', {}, { sort: { _id: 1 } }))

type Item = Output<'lifeCircle', 'nearby'>['items'][number]

async function allPages(
  data: Omit<Input<'lifeCircle', 'nearby'>, 'limit' | 'cursor'>,
  limit: number,
  between?: (page: number) => void
): Promise<Item[][]> {
  const pages: Item[][] = []
  let cursor: string | undefined
  do {
    const page = await ok(api.lifeCircle.nearby({ ...data, limit, ...(cursor ? { cursor } : {}) }))
    pages.push(page.items)
    cursor = page.nextCursor ?? undefined
    between?.(pages.length)
  } while (cursor && pages.length < 100)
  return pages
}

// --- nearby --------------------------------------------------------------------------------------------

describe('nearby', () => {
  it.each<[5 | 10 | 15, string[]]>([
    [5, ['n050', 'n120', 'never250', 'n290']],
    [10, ['n050', 'n120', 'never250', 'n290', 'n310', 'n480']],
    [15, ['n050', 'n120', 'never250', 'n290', 'n310', 'n480', 'n520', 'x_clinic', 'n990']]
  ])('within %i minutes: only what lies inside the radius, nearest first', async (minutes, ids) => {
    const page = await ok(api.lifeCircle.nearby({ location: O, minutes, limit: 50 }))
    expect(page.items.map((i: Item) => i.id)).toEqual(ids)
    expect(page.radius).toBe(WALK.radiusOf(minutes))
    expect(page.nextCursor).toBeNull()
    const expected: Record<string, number> = {
      n050: 50,
      n120: 120,
      never250: 250,
      n290: 290,
      n310: 310,
      n480: 480,
      n520: 520,
      x_clinic: 760,
      n990: 990
    }
    for (const item of page.items as Item[]) {
      expect(Math.abs(item.distance - expected[item.id])).toBeLessThanOrEqual(1)
      expect(item.walkMinutes).toBe(WALK.walkMinutes(item.distance))
      expect(item.walkMinutes).toBeLessThanOrEqual(minutes)
    }
  })

  it('filters by category', async () => {
    const one = await ok(api.lifeCircle.nearby({ location: O, minutes: 15, categories: ['pharmacy'] }))
    expect(one.items.map((i: Item) => i.id)).toEqual(['n050', 'n310'])
    const two = await ok(api.lifeCircle.nearby({ location: O, minutes: 15, categories: ['clinic', 'canteen'] }))
    expect(two.items.map((i: Item) => i.id)).toEqual(['n290', 'n520', 'x_clinic', 'n990'])
  })

  it('open now leaves out what is closed at this hour', async () => {
    const all = await ok(api.lifeCircle.nearby({ location: O, minutes: 5 }))
    expect(all.items.find((i: Item) => i.id === 'never250')).toMatchObject({ open: false })
    const open = await ok(api.lifeCircle.nearby({ location: O, minutes: 5, openNow: true }))
    expect(open.items.map((i: Item) => i.id)).toEqual(['n050', 'n120', 'n290'])
    expect(open.items.every((i: Item) => i.open)).toBe(true)
  })

  it('never shows a closed facility', async () => {
    const page = await ok(api.lifeCircle.nearby({ location: O, minutes: 15, limit: 50 }))
    expect(page.items.map((i: Item) => i.id)).not.toContain('closed200')
  })

  it('pages without duplicates or gaps, ties in distance included', async () => {
    const pages = await allPages({ location: P, minutes: 5 }, 7)
    const ids = pages.flat().map((i) => i.id)
    expect(pages.slice(0, -1).every((p) => p.length === 7)).toBe(true)
    expect(ids).toHaveLength(45)
    expect(new Set(ids).size).toBe(45)
    expect(new Set(ids)).toEqual(new Set(PAGING_IDS))
    const flat = pages.flat()
    for (let k = 1; k < flat.length; k++) expect(flat[k].distance).toBeGreaterThanOrEqual(flat[k - 1].distance)
  })

  it('keeps paging exact when a nearer facility appears between pages', async () => {
    const pages = await allPages({ location: P, minutes: 5 }, 10, (n) => {
      if (n === 2) store().insert('facilities', [facility('p_new', 'parcel', at(P, 1), { communityId: 'cmB' })])
    })
    const ids = pages.flat().map((i) => i.id)
    expect(ids.sort()).toEqual([...PAGING_IDS].sort())
    store().remove('facilities', { _id: 'p_new' })
  })

  it('pages exactly through the open-now filter', async () => {
    const pages = await allPages({ location: Q, minutes: 5, openNow: true }, 4)
    const ids = pages.flat().map((i) => i.id)
    expect(ids).toEqual(OPEN_NOW_IDS.filter((_id, i) => i % 2 === 0))
  })
})

// --- search and detail ---------------------------------------------------------------------------------

describe('search and detail', () => {
  it('finds by name, by service, and by category name, literally', async () => {
    const byName = await ok(api.lifeCircle.search({ location: R, minutes: 5, keyword: '饭堂' }))
    expect(byName.items.map((i: Item) => i.id)).toEqual(['r_canteen'])
    const byService = await ok(api.lifeCircle.search({ location: R, minutes: 5, keyword: '助浴' }))
    expect(byService.items.map((i: Item) => i.id)).toEqual(['r_canteen'])
    const byCategory = await ok(api.lifeCircle.search({ location: R, minutes: 5, keyword: '图书室' }))
    expect(byCategory.items.map((i: Item) => i.id).sort()).toEqual(['r_close', 'r_regex'])
    const literal = await ok(api.lifeCircle.search({ location: R, minutes: 5, keyword: '(.*)' }))
    expect(literal.items.map((i: Item) => i.id)).toEqual(['r_regex'])
  })

  it('gives the detail with hours, open now and the distance from the resident', async () => {
    const d = await ok(api.lifeCircle.facility({ id: 'r_canteen', location: at(R, 160) }))
    expect(d).toMatchObject({
      id: 'r_canteen',
      name: '荷塘长者饭堂',
      communityName: '甲社区',
      hoursLines: ['每天 24小时'],
      holidaysClosed: false,
      open: true,
      openLabel: '24小时营业',
      services: ['老年助餐', '助浴'],
      status: 'open'
    })
    expect(Math.abs(present(d.distance, 'a distance') - 100)).toBeLessThanOrEqual(1)
    expect(d.walkMinutes).toBe(2)
    expect((await ok(api.lifeCircle.facility({ id: 'r_canteen' }))).distance).toBeNull()
  })

  it('hides a closed facility from residents but not from its staff', async () => {
    await fails(api.lifeCircle.facility({ id: 'closed200' }), 'NOT_FOUND', '该设施已关闭')
    expect(await ok(api.lifeCircle.facility({ id: 'closed200' }, 'staffA'))).toMatchObject({ status: 'closed', openLabel: '已关闭' })
    await fails(api.lifeCircle.facility({ id: 'nope' }), 'NOT_FOUND')
  })

  it('lists categories with tiers and radii, and the places to search from', async () => {
    const c = await ok(api.lifeCircle.categories({}))
    expect(c.categories).toHaveLength(17)
    expect(c.categories.find((x: { id: string }) => x.id === 'canteen')).toEqual({
      id: 'canteen',
      name: '老年助餐点/社区食堂',
      tier: 10,
      icon: '餐',
      radius: 500
    })
    expect(c.tiers).toEqual([
      { minutes: 5, radius: 300 },
      { minutes: 10, radius: 500 },
      { minutes: 15, radius: 1000 }
    ])
    const places = await ok(api.lifeCircle.places({}))
    expect(places.communities.map((x: { id: string }) => x.id)).toEqual(['cmA', 'cmB', 'cmZ'])
    const one = await ok(api.lifeCircle.places({ communityId: 'cmA' }))
    expect(one.communities[0].compounds?.map((x: { id: string }) => x.id)).toEqual(['cpA1', 'cpA2'])
    expect(one.communities[0].center).toEqual(O)
  })
})

// --- coverage ------------------------------------------------------------------------------------------

describe('coverage', () => {
  const row = (report: Output<'lifeCircle', 'coverage'>, category: string) => report.rows.find((r) => r.category === category)

  it('answers per compound and per category with the residents’ walking rule, across boundaries', async () => {
    const report = await ok(api.lifeCircle.coverage({ communityId: 'cmA' }, 'staffA'))
    expect(report.scope).toEqual({ kind: 'community', id: 'cmA', name: '甲社区' })
    const missing = Object.fromEntries(report.compounds.map((c: { id: string; missing: string[] }) => [c.id, c.missing]))
    // cpA1 at O has a pharmacy at 50 m, a shop at 120 m, a canteen at 290 m, a clinic at 990 m.
    expect(missing.cpA1).not.toEqual(expect.arrayContaining(['pharmacy']))
    for (const c of ['pharmacy', 'convenience', 'canteen', 'clinic', 'market']) expect(missing.cpA1).not.toContain(c)
    // cpA2, 700 m north: a shop at 220 m, canteen n520 at 180 m, the neighbouring street's clinic at 60 m; no
    // pharmacy within 500 m (the closed one at 500 m does not count), no market within 500 m.
    expect(missing.cpA2).toEqual(expect.arrayContaining(['pharmacy', 'market', 'elderCare']))
    for (const c of ['convenience', 'canteen', 'clinic']) expect(missing.cpA2).not.toContain(c)
    expect(row(report, 'pharmacy')).toEqual({
      category: 'pharmacy',
      compounds: 2,
      compoundsCovered: 1,
      households: 400,
      householdsCovered: 100,
      compoundShare: 0.5,
      householdShare: 0.25
    })
    expect(row(report, 'canteen')).toMatchObject({ compoundsCovered: 2, householdShare: 1 })
    expect(row(report, 'market')).toMatchObject({ compoundsCovered: 1, householdsCovered: 100, householdShare: 0.25 })
    expect(report.gaps.find((g: { category: string }) => g.category === 'elderCare')).toEqual({
      category: 'elderCare',
      compounds: 2,
      households: 400,
      compoundIds: ['cpA2', 'cpA1']
    })
    expect(report.communities).toHaveLength(1)
  })

  it('for a street, per community, only for its street admin', async () => {
    const report = await ok(api.lifeCircle.coverage({ streetId: 'stT' }, 'streetT'))
    expect(report.communities.map((c: { id: string; name: string }) => [c.id, c.name])).toEqual([
      ['cmA', '甲社区'],
      ['cmB', '乙社区']
    ])
    expect(row(report, 'parcel')).toMatchObject({ compounds: 3, compoundsCovered: 1, households: 450, householdsCovered: 50 })
    expect(await ok(api.lifeCircle.coverage({ communityId: 'cmB' }, 'streetT'))).toMatchObject({ scope: { id: 'cmB' } })
  })

  it('is refused outside the caller’s scope', async () => {
    await fails(api.lifeCircle.coverage({ communityId: 'cmA' }, 'resA'), 'PERMISSION_DENIED')
    await fails(api.lifeCircle.coverage({ communityId: 'cmB' }, 'staffA'), 'PERMISSION_DENIED')
    await fails(api.lifeCircle.coverage({ streetId: 'stT' }, 'staffA'), 'PERMISSION_DENIED')
    await fails(api.lifeCircle.coverage({ communityId: 'cmA' }, 'streetZ'), 'PERMISSION_DENIED')
    await fails(api.lifeCircle.coverage({ communityId: 'cmA', streetId: 'stT' }, 'streetT'), 'INVALID_ARGUMENT')
  })
})

// --- staff writes --------------------------------------------------------------------------------------

type FacilityData = Input<'lifeCircle', 'upsertFacility'>

const newFacility = (over: Partial<FacilityData> = {}): FacilityData => ({
  communityId: 'cmA',
  name: '甲社区助餐点',
  category: 'canteen',
  location: at(R, 300),
  address: '江城市测试路1号',
  phone: '0553-2111111',
  hoursText: '周一至周五 10:30-13:00,16:30-18:30；周六 10:30-13:00',
  holidaysClosed: true,
  services: ['老年助餐'],
  ...over
})

describe('upsertFacility and closeFacility', () => {
  it('creates once per request id even when the same tap arrives ten times at once', async () => {
    const before = store().count('facilities')
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => api.lifeCircle.upsertFacility(newFacility({ requestId: 'create-0001' }), 'staffA'))
    )
    expect(answers.every((a) => a.ok)).toBe(true)
    expect(new Set(answers.map((a) => (a.ok ? a.data.id : null))).size).toBe(1)
    expect(store().count('facilities')).toBe(before + 1)
    const created = present(answers[0].ok ? answers[0].data : null, 'the created facility')
    expect(created).toMatchObject({
      communityId: 'cmA',
      hoursLines: ['周一至周五 10:30-13:00,16:30-18:30', '周六 10:30-13:00', '周日 休息'],
      holidaysClosed: true,
      status: 'open'
    })
    const doc = store().get('facilities', created.id)!
    expect(doc).toMatchObject({
      streetId: 'stT',
      updatedBy: 'staffA',
      dedupeKey: dedupeKeyOf('甲社区助餐点', at(R, 300).lat, at(R, 300).lng)
    })
    const near = await ok(api.lifeCircle.nearby({ location: at(R, 300), minutes: 5, categories: ['canteen'] }))
    expect(near.items.map((i: Item) => i.id)).toEqual([created.id, 'r_canteen'])
  })

  it('edits, refuses a twin of another facility, and keeps the community', async () => {
    const edited = await ok(
      api.lifeCircle.upsertFacility({ ...newFacility({ name: '甲社区长者饭堂', location: at(R, 40) }), id: 'r_close' }, 'staffA')
    )
    expect(edited).toMatchObject({ id: 'r_close', name: '甲社区长者饭堂', category: 'canteen' })
    await fails(
      api.lifeCircle.upsertFacility({ ...newFacility({ name: '荷塘长者饭堂', location: at(R, 60) }), requestId: 'twin-00001' }, 'staffA'),
      'CONFLICT',
      /荷塘长者饭堂/
    )
    await fails(api.lifeCircle.upsertFacility({ ...newFacility(), id: 'r_close', communityId: 'cmB' }, 'staffB'), 'PERMISSION_DENIED')
    await fails(api.lifeCircle.upsertFacility({ ...newFacility(), id: 'missing-1' }, 'staffA'), 'NOT_FOUND')
  })

  it('closes: residents no longer see it, staff still do, and closing again is harmless', async () => {
    const id = 'r_close'
    expect((await ok(api.lifeCircle.nearby({ location: R, minutes: 5 }))).items.map((i: Item) => i.id)).toContain(id)
    expect(await ok(api.lifeCircle.closeFacility({ id, reason: '场地搬迁' }, 'staffA'))).toEqual({ id, status: 'closed' })
    expect(await ok(api.lifeCircle.closeFacility({ id }, 'staffA'))).toEqual({ id, status: 'closed' })
    expect(store().get('facilities', id)).toMatchObject({ status: 'closed', closeReason: '场地搬迁' })
    expect((await ok(api.lifeCircle.nearby({ location: R, minutes: 5 }))).items.map((i: Item) => i.id)).not.toContain(id)
    expect((await ok(api.lifeCircle.search({ location: R, minutes: 5, keyword: '饭堂' }))).items.map((i: Item) => i.id)).not.toContain(id)
    await fails(api.lifeCircle.facility({ id }), 'NOT_FOUND')
    const closed = await ok(api.lifeCircle.listFacilities({ communityId: 'cmA', status: 'closed' }, 'staffA'))
    expect(closed.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([id, 'closed200']))
  })

  it('only staff of that community can write; everyone else changes nothing', async () => {
    const before = facilitiesSnapshot()
    for (const who of ['resA', 'staffB', 'streetT']) {
      await fails(api.lifeCircle.upsertFacility(newFacility({ requestId: `deny-${who}-01` }), who), 'PERMISSION_DENIED')
      await fails(api.lifeCircle.upsertFacility({ ...newFacility(), id: 'n050' }, who), 'PERMISSION_DENIED')
      await fails(api.lifeCircle.closeFacility({ id: 'n050' }, who), 'PERMISSION_DENIED')
      await fails(
        api.lifeCircle.importFacilities(
          {
            communityId: 'cmA',
            requestId: `deny-${who}-02`,
            mode: 'partial',
            csv: 'name,category,lat,lng,hours\n甲,pharmacy,31.1,118.3,每天 24小时'
          },
          who
        ),
        'PERMISSION_DENIED'
      )
    }
    await fails(api.lifeCircle.listFacilities({ communityId: 'cmA' }, 'resA'), 'PERMISSION_DENIED')
    await fails(api.lifeCircle.listFacilities({ communityId: 'cmA' }, 'staffB'), 'PERMISSION_DENIED')
    expect(facilitiesSnapshot()).toBe(before)
  })
})

// --- CSV import ----------------------------------------------------------------------------------------

const HEADER = ['名称', '类别', '纬度', '经度', '地址', '电话', '营业时间', '节假日休息', '服务项目']
const csvRow = (name: string, category: string, p: { lat: number; lng: number } | null, hours = '每天 08:00-20:00') => [
  name,
  category,
  p ? p.lat.toFixed(6) : '',
  p ? p.lng.toFixed(6) : '',
  '江城市测试路',
  '0553-2333333',
  hours,
  '否',
  '便民服务'
]
const csvOf = (rows: string[][]) => Papa.unparse([HEADER, ...rows])
let importSerial = 0
const importOf = (rows: string[][], mode: 'partial' | 'allOrNothing', requestId = `import-${String(++importSerial).padStart(6, '0')}`) => ({
  communityId: 'cmA',
  requestId,
  mode,
  csv: csvOf(rows)
})

describe('importFacilities', () => {
  const existing = () => store().get('facilities', 'n050')!
  const twinOfExisting = () => csvRow(existing().name as string, '药店', at(O, 50))
  const mixed = () => [
    csvRow('导入便利店一', '便利店', at(R, 500)), // line 2
    csvRow('导入无坐标药店', '药店', null), // 3
    csvRow('导入境外诊所', '社区卫生服务站', { lat: 48.8566, lng: 2.3522 }), // 4
    csvRow('导入网吧', '网吧', at(R, 510)), // 5
    csvRow('导入便利店一', '便利店', at(R, 500)), // 6: repeats line 2
    twinOfExisting(), // 7: already in the database
    csvRow('导入菜场', 'market', at(R, 520)) // 8
  ]

  it('all-or-nothing with bad rows imports nothing and says why', async () => {
    const before = facilitiesSnapshot()
    const result = await ok(api.lifeCircle.importFacilities(importOf(mixed(), 'allOrNothing'), 'staffA'))
    expect(result.imported).toBe(0)
    expect(result.total).toBe(7)
    expect(result.rejected.map((r: { line: number }) => r.line)).toEqual([3, 4, 5, 6, 7])
    expect(facilitiesSnapshot()).toBe(before)
  })

  it('partial imports the good rows and lists each bad one with its reason', async () => {
    const before = store().count('facilities')
    const result = await ok(api.lifeCircle.importFacilities(importOf(mixed(), 'partial'), 'staffA'))
    expect(result).toEqual({
      total: 7,
      imported: 2,
      mode: 'partial',
      rejected: [
        { line: 3, name: '导入无坐标药店', reasons: ['缺少经纬度'] },
        { line: 4, name: '导入境外诊所', reasons: ['坐标（48.8566, 2.3522）不在中国境内'] },
        { line: 5, name: '导入网吧', reasons: ['未知的设施类别“网吧”'] },
        { line: 6, name: '导入便利店一', reasons: ['与第2行重复（同名且位置相同）'] },
        { line: 7, name: existing().name, reasons: [`与已有设施“${existing().name}”重复`] }
      ]
    })
    expect(store().count('facilities')).toBe(before + 2)
    const found = await ok(api.lifeCircle.nearby({ location: at(R, 510), minutes: 5, categories: ['convenience', 'market'] }))
    expect(found.items.map((i: { name: string }) => i.name).sort()).toEqual(['导入便利店一', '导入菜场'])
    expect(store().find('facilities', { name: '导入便利店一' })[0]).toMatchObject({
      communityId: 'cmA',
      streetId: 'stT',
      status: 'open',
      updatedBy: 'staffA'
    })
  })

  it('a retried or doubled import writes each facility once', async () => {
    const rows = [csvRow('重试药店', '药店', at(R, 600)), csvRow('重试超市', '生鲜超市', at(R, 620))]
    const request = importOf(rows, 'allOrNothing', 'retry-import-1')
    const before = store().count('facilities')
    const answers = await Promise.all(Array.from({ length: 5 }, () => api.lifeCircle.importFacilities(request, 'staffA')))
    expect(answers.every((a) => a.ok && a.data.imported === 2 && a.data.rejected.length === 0)).toBe(true)
    expect(await ok(api.lifeCircle.importFacilities(request, 'staffA'))).toMatchObject({ imported: 2, rejected: [] })
    expect(store().count('facilities')).toBe(before + 2)
    // The same file under a new request is a duplicate of what is now there.
    const again = await ok(api.lifeCircle.importFacilities(importOf(rows, 'partial'), 'staffA'))
    expect(again.imported).toBe(0)
    expect(again.rejected.map((r: { reasons: string[] }) => r.reasons[0])).toEqual(['与已有设施“重试药店”重复', '与已有设施“重试超市”重复'])
  })

  it('refuses a file it cannot read, writing nothing', async () => {
    const before = facilitiesSnapshot()
    await fails(
      api.lifeCircle.importFacilities({ communityId: 'cmA', requestId: 'bad-file-01', mode: 'partial', csv: '名称,地址\n甲,乙' }, 'staffA'),
      'INVALID_ARGUMENT',
      /缺少必需的列/
    )
    // An unknown mode and a missing request id are outside the contract's type on purpose.
    await fails(
      api.callRaw(
        'lifeCircle',
        'importFacilities',
        { communityId: 'cmA', requestId: 'bad-file-02', mode: 'sometimes', csv: csvOf([]) },
        'staffA'
      ),
      'INVALID_ARGUMENT'
    )
    await fails(
      api.callRaw('lifeCircle', 'importFacilities', { communityId: 'cmA', mode: 'partial', csv: csvOf([]) }, 'staffA'),
      'INVALID_ARGUMENT'
    )
    expect(facilitiesSnapshot()).toBe(before)
  })
})

// --- malformed payloads ----------------------------------------------------------------------------------

describe('malformed payloads', () => {
  it.each([
    ['nearby', { location: O, minutes: 7 }],
    ['nearby', { location: { lat: 48.85, lng: 2.35 }, minutes: 5 }],
    ['nearby', { location: { lat: '31.2', lng: 118.2 }, minutes: 5 }],
    ['nearby', { minutes: 5 }],
    ['nearby', { location: O, minutes: 5, categories: ['casino'] }],
    ['nearby', { location: O, minutes: 5, limit: 500 }],
    ['nearby', { location: O, minutes: 5, cursor: 'not-a-cursor' }],
    ['nearby', { location: O, minutes: 5, cursor: { $gt: '' } }],
    ['search', { location: O, minutes: 5, keyword: '' }],
    ['facility', { id: { $ne: null } }],
    ['places', { communityId: '../cmA' }],
    ['coverage', {}],
    ['listFacilities', { communityId: 'cmA', status: 'gone' }]
  ])('%s %j → INVALID_ARGUMENT', async (action, data) => {
    // Input outside the contract's types on purpose: callRaw.
    const error = await fails(api.callRaw('lifeCircle', action, data, 'staffA'), 'INVALID_ARGUMENT')
    expect(error?.message).toMatch(/[\u4e00-\u9fa5]/)
  })

  it('a staff form with bad fields changes nothing and names the field', async () => {
    const before = facilitiesSnapshot()
    const hours = await fails(
      api.lifeCircle.upsertFacility(newFacility({ requestId: 'bad-form-01', hoursText: '随时' }), 'staffA'),
      'INVALID_ARGUMENT',
      /无法识别/
    )
    expect(hours?.details?.fields).toEqual([{ path: 'hoursText', message: expect.stringContaining('无法识别') }])
    await fails(
      api.lifeCircle.upsertFacility(newFacility({ requestId: 'bad-form-02', location: { lat: 31.2, lng: 200 } }), 'staffA'),
      'INVALID_ARGUMENT'
    )
    // An unknown category is outside the contract's type on purpose.
    await fails(
      api.callRaw('lifeCircle', 'upsertFacility', { ...newFacility(), requestId: 'bad-form-03', category: 'casino' }, 'staffA'),
      'INVALID_ARGUMENT',
      '设施类别不正确'
    )
    await fails(
      api.lifeCircle.upsertFacility(newFacility({ requestId: 'bad-form-04', name: '' }), 'staffA'),
      'INVALID_ARGUMENT',
      '请填写设施名称'
    )
    await fails(api.lifeCircle.upsertFacility(newFacility(), 'staffA'), 'INVALID_ARGUMENT', '缺少请求编号')
    await fails(
      api.lifeCircle.upsertFacility(newFacility({ requestId: 'bad-form-05', hoursText: '每天 08:00-12:00,11:00-13:00' }), 'staffA'),
      'INVALID_ARGUMENT',
      '周一的时段有重叠'
    )
    await fails(api.lifeCircle.closeFacility({ id: 'n050', reason: 'x'.repeat(101) }, 'staffA'), 'INVALID_ARGUMENT')
    expect(facilitiesSnapshot()).toBe(before)
  })
})
