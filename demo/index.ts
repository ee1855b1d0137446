// The demo district, generated deterministically (seeded random) and loaded on the first `npm start`.
// Each pillar adds its documents through a seeder in PILLAR_SEEDERS; all names are invented.
import { buildDistrict, type District } from './district'
import { buildFacilities } from './facilities'
import { buildPeople, type SeedPerson } from './people'
import { createRandom, type Random } from './random'
import type { SeedStore } from './store'
import { seedParty } from './party'
import { seedWishes } from './wishes'
import { seedVolunteers } from './volunteers'
import { seedHistory } from './history'
import { seedReports } from './reports'
import { DEMO_USERS } from './users'
import { provideIdKey } from './ids'
import { rebuildStoredRollups } from './rollups'

/** Storage for the seed's pictures (the local cloud's `files`); without it the goods have no photos. */
export interface SeedFiles {
  write(cloudPath: string, data: Buffer): string
}

export interface SeedContext {
  r: Random
  now: Date
  district: District
  people: SeedPerson[]
  files?: SeedFiles
}

export type PillarSeeder = (store: SeedStore, ctx: SeedContext) => void

/** Pillar seeders run in this order after the district, facilities and people exist. */
export const PILLAR_SEEDERS: PillarSeeder[] = [seedParty, seedWishes, seedVolunteers, seedHistory, seedReports]

export const DEMO_SEED = 20261122

/** Start of the current hour, so a reseed within the hour gives identical documents. */
const seedClock = () => new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000)

export async function seedDemo(store: SeedStore, now: Date = seedClock(), files?: SeedFiles): Promise<SeedContext> {
  const r = createRandom(DEMO_SEED)
  // From a generator of its own (the district's draws stay as they were), so a reseed gives the same ids.
  // The demo is local; a real environment never runs the seed and its key is random (infra/secrets.ts).
  const keyRandom = createRandom(DEMO_SEED + 1)
  provideIdKey(store, () => Array.from({ length: 32 }, () => keyRandom.int(0, 255).toString(16).padStart(2, '0')).join(''), now)
  const district = buildDistrict(r)
  store.insert('streets', [district.street])
  store.insert('communities', district.communities)
  store.insert('grids', district.grids)
  store.insert('compounds', district.compounds)
  store.insert('facilities', buildFacilities(r, district, now))
  const people = buildPeople(r, district, now)
  store.insert(
    'users',
    people.map((p) => p.user)
  )
  store.insert(
    DEMO_USERS,
    people.flatMap((p) => (p.demo ? [p.demo] : []))
  )
  const ctx: SeedContext = { r, now, district, people, files }
  for (const seeder of PILLAR_SEEDERS) seeder(store, ctx)
  // The seeders write history directly; the dashboards' counters are made from it, as the functions keep them.
  rebuildStoredRollups(store)
  return ctx
}
