// One street of ten communities, each with grids and about twelve residential compounds.
import {
  DEFAULT_COMMUNITY_SETTINGS,
  type CommunityDoc,
  type CompoundDoc,
  type GridDoc,
  type StreetDoc
} from '../cloudfunctions/_shared/docs'
import { COMMUNITY_NAMES, COMPOUND_SUFFIXES, COMPOUND_WORDS, ROADS, landline } from './names'
import type { Random } from './random'

export const STREET_CENTER = { lat: 31.335, lng: 118.375 }
/** Each community is a cell of about 850 m × 850 m; five across, two down. */
const CELL_LAT = 0.0077
const CELL_LNG = 0.0089

export interface District {
  street: StreetDoc
  communities: CommunityDoc[]
  grids: GridDoc[]
  compounds: CompoundDoc[]
  /** South-west and north-east corners of each community's cell. */
  cells: Map<string, { minLat: number; minLng: number; maxLat: number; maxLng: number }>
}

const point = (lat: number, lng: number) => ({ type: 'Point' as const, coordinates: [round6(lng), round6(lat)] as [number, number] })
const round6 = (x: number) => Math.round(x * 1e6) / 1e6

export function buildDistrict(r: Random): District {
  const street: StreetDoc = { _id: 'st01', name: '青枫街道', district: '镜湖区', city: '江城市' }
  const communities: CommunityDoc[] = []
  const grids: GridDoc[] = []
  const compounds: CompoundDoc[] = []
  const cells: District['cells'] = new Map()
  const usedCompoundNames = new Set<string>()

  COMMUNITY_NAMES.forEach((name, i) => {
    const id = `cm${String(i + 1).padStart(2, '0')}`
    const col = i % 5
    const row = Math.floor(i / 5)
    const minLat = STREET_CENTER.lat - CELL_LAT + row * CELL_LAT
    const minLng = STREET_CENTER.lng - 2.5 * CELL_LNG + col * CELL_LNG
    const cell = { minLat, minLng, maxLat: minLat + CELL_LAT, maxLng: minLng + CELL_LNG }
    cells.set(id, cell)
    const road = ROADS[i]
    communities.push({
      _id: id,
      name: `${name}社区`,
      streetId: street._id,
      center: point(minLat + CELL_LAT / 2, minLng + CELL_LNG / 2),
      address: `${street.city}${street.district}${road}${r.int(1, 200)}号`,
      phone: landline(r),
      settings: {
        ...DEFAULT_COMMUNITY_SETTINGS,
        openWishesToVolunteers: i % 3 === 0,
        // Some communities let approved members who claim a wish contact the family directly (never for a child).
        directContact: i % 2 === 0,
        handoverPoint: `${name}社区党群服务中心一楼服务台`
      }
    })
    const gridCount = r.int(3, 4)
    // Each grid is a north-south strip of the community's cell (no draw from the seed: the other pillars' data stay).
    const strip = CELL_LNG / gridCount
    for (let g = 1; g <= gridCount; g++) {
      const west = round6(minLng + (g - 1) * strip)
      const east = round6(minLng + g * strip)
      const [south, north] = [round6(minLat), round6(minLat + CELL_LAT)]
      grids.push({
        _id: `${id}-g${g}`,
        communityId: id,
        streetId: street._id,
        name: `第${'一二三四'[g - 1]}网格`,
        polygon: [
          [west, south],
          [east, south],
          [east, north],
          [west, north]
        ],
        compoundIds: []
      })
    }

    const compoundCount = r.int(11, 13)
    for (let k = 0; k < compoundCount; k++) {
      let compoundName: string
      do compoundName = r.pick(COMPOUND_WORDS) + r.pick(COMPOUND_SUFFIXES)
      while (usedCompoundNames.has(compoundName))
      usedCompoundNames.add(compoundName)
      compounds.push({
        _id: `cp${String(compounds.length + 1).padStart(3, '0')}`,
        name: compoundName,
        communityId: id,
        streetId: street._id,
        location: point(r.float(cell.minLat + 0.0006, cell.maxLat - 0.0006), r.float(cell.minLng + 0.0006, cell.maxLng - 0.0006)),
        households: r.int(15, 180) * 10
      })
    }
  })
  // A grid lists the compounds whose location falls in its strip (the form's "pick your compound" routes by it).
  for (const grid of grids) {
    const [[west], [east]] = grid.polygon ?? [[0], [0]]
    grid.compoundIds = compounds
      .filter((c) => c.communityId === grid.communityId && c.location.coordinates[0] >= west && c.location.coordinates[0] < east)
      .map((c) => c._id)
  }
  return { street, communities, grids, compounds, cells }
}
