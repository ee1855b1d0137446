// Geo on the sphere: distances, GeoJSON predicates and an R-tree over the declared 2dsphere fields.
// MongoDB's 2dsphere works on a sphere of radius 6378.1 km; so do we, so that distances match.
import { dirname, join } from 'node:path'
import { isPlainObject, valueAtPath } from './values'

// rbush 4 is published as ES modules, which jest's CommonJS module system cannot load; its UMD build
// (the same code, bundled) loads everywhere.
// eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/consistent-type-imports -- the UMD build by path, typed as the package
const RBush: typeof import('rbush').default = require(join(dirname(require.resolve('rbush')), 'rbush.js'))

export const EARTH_RADIUS_M = 6_378_100

export type LngLat = [number, number]

const rad = (deg: number) => (deg * Math.PI) / 180
const deg = (r: number) => (r * 180) / Math.PI

/** Great-circle distance in meters (haversine). */
export function haversine([lng1, lat1]: LngLat, [lng2, lat2]: LngLat): number {
  const dLat = rad(lat2 - lat1)
  const dLng = rad(lng2 - lng1)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

const isCoord = (c: unknown): c is LngLat =>
  Array.isArray(c) && c.length >= 2 && typeof c[0] === 'number' && typeof c[1] === 'number' && Math.abs(c[0]) <= 180 && Math.abs(c[1]) <= 90

/** A GeoJSON point, a legacy [lng, lat] pair or an SDK Geo.Point ({ longitude, latitude }) as [lng, lat]. */
export function toLngLat(value: unknown): LngLat | null {
  if (isCoord(value)) return [value[0], value[1]]
  if (!isPlainObject(value)) return null
  if (value.type === 'Point' && isCoord(value.coordinates)) return [value.coordinates[0], value.coordinates[1]]
  if (typeof value.longitude === 'number' && typeof value.latitude === 'number') return [value.longitude, value.latitude]
  return null
}

export interface BBox {
  minX: number
  minY: number
  maxX: number
  maxY: number
}

/** Boxes covering a circle on the sphere; two boxes when it crosses the antimeridian. */
export function circleBoxes([lng, lat]: LngLat, radiusM: number): BBox[] {
  const dLat = deg(radiusM / EARTH_RADIUS_M)
  const minY = Math.max(-90, lat - dLat)
  const maxY = Math.min(90, lat + dLat)
  const cosLat = Math.cos(rad(Math.max(Math.abs(minY), Math.abs(maxY))))
  if (maxY >= 90 || minY <= -90 || cosLat < 1e-9) return [{ minX: -180, minY, maxX: 180, maxY }]
  const dLng = Math.min(180, deg(radiusM / (EARTH_RADIUS_M * cosLat)))
  if (dLng >= 180) return [{ minX: -180, minY, maxX: 180, maxY }]
  const minX = lng - dLng
  const maxX = lng + dLng
  if (minX < -180)
    return [
      { minX: minX + 360, minY, maxX: 180, maxY },
      { minX: -180, minY, maxX, maxY }
    ]
  if (maxX > 180)
    return [
      { minX, minY, maxX: 180, maxY },
      { minX: -180, minY, maxX: maxX - 360, maxY }
    ]
  return [{ minX, minY, maxX, maxY }]
}

type Ring = LngLat[]
type Polygon = Ring[]

/** Ray casting on [lng, lat]; adequate for district-sized polygons (MongoDB uses great-circle edges). */
function inRing([x, y]: LngLat, ring: Ring): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]
    const [xj, yj] = ring[j]
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

const inPolygon = (p: LngLat, polygon: Polygon) =>
  polygon.length > 0 && inRing(p, polygon[0]) && !polygon.slice(1).some((hole) => inRing(p, hole))

export interface Geometry {
  type: string
  coordinates: unknown
}

const isGeometry = (v: unknown): v is Geometry => isPlainObject(v) && typeof v.type === 'string' && Array.isArray(v.coordinates)

function polygonsOf(g: Geometry): Polygon[] | null {
  if (g.type === 'Polygon') return [g.coordinates as Polygon]
  if (g.type === 'MultiPolygon') return g.coordinates as Polygon[]
  return null
}

export function geometryBBox(g: Geometry): BBox | null {
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity }
  const visit = (c: unknown): void => {
    if (isCoord(c)) {
      box.minX = Math.min(box.minX, c[0])
      box.maxX = Math.max(box.maxX, c[0])
      box.minY = Math.min(box.minY, c[1])
      box.maxY = Math.max(box.maxY, c[1])
    } else if (Array.isArray(c)) c.forEach(visit)
  }
  visit(g.coordinates)
  return Number.isFinite(box.minX) ? box : null
}

export class GeoQueryError extends Error {}

/** Where a $geoWithin may look: bounding boxes, plus the exact test for one stored value. */
export interface Region {
  boxes: BBox[]
  contains(value: unknown): boolean
}

/** `$geoWithin: { $centerSphere: [[lng, lat], radians] }` or `{ $geometry: Polygon | MultiPolygon }`. */
export function withinRegion(spec: unknown): Region {
  if (!isPlainObject(spec)) throw new GeoQueryError('$geoWithin needs an object')
  if (Array.isArray(spec.$centerSphere)) {
    const [center, radians] = spec.$centerSphere
    const c = toLngLat(center)
    if (!c || typeof radians !== 'number' || radians < 0) throw new GeoQueryError('malformed $centerSphere')
    const radiusM = radians * EARTH_RADIUS_M
    return {
      boxes: circleBoxes(c, radiusM),
      contains: (v) => {
        const p = toLngLat(v)
        return p !== null && haversine(c, p) <= radiusM
      }
    }
  }
  const g = spec.$geometry ?? spec.$polygon ?? spec.$box
  if (isGeometry(g)) {
    const polygons = polygonsOf(g)
    const box = geometryBBox(g)
    if (!polygons || !box) throw new GeoQueryError(`$geoWithin does not support ${g.type}`)
    return {
      boxes: [box],
      contains: (v) => {
        const p = toLngLat(v)
        return p !== null && polygons.some((poly) => inPolygon(p, poly))
      }
    }
  }
  throw new GeoQueryError('$geoWithin needs $centerSphere or $geometry')
}

/** `$geoIntersects: { $geometry }` for the point/polygon combinations an app needs. */
export function intersectsRegion(spec: unknown): Region {
  const g = isPlainObject(spec) ? spec.$geometry : undefined
  if (!isGeometry(g)) throw new GeoQueryError('$geoIntersects needs $geometry')
  const box = geometryBBox(g)
  if (!box) throw new GeoQueryError('empty geometry')
  const queryPoint = toLngLat(g)
  const queryPolygons = polygonsOf(g)
  const samePoint = (a: LngLat, b: LngLat) => a[0] === b[0] && a[1] === b[1]
  return {
    boxes: [box],
    contains: (v) => {
      const p = toLngLat(v)
      if (p && queryPolygons) return queryPolygons.some((poly) => inPolygon(p, poly))
      if (p && queryPoint) return samePoint(p, queryPoint)
      if (queryPoint && isGeometry(v)) return (polygonsOf(v) ?? []).some((poly) => inPolygon(queryPoint, poly))
      return false
    }
  }
}

export interface NearSpec {
  center: LngLat
  maxDistance: number
  minDistance: number
}

/** `$nearSphere: { $geometry: Point, $maxDistance?, $minDistance? }` (meters) or the legacy `[lng, lat]` (radians). */
export function parseNear(spec: unknown, siblings: Record<string, unknown> = {}): NearSpec {
  if (isPlainObject(spec) && spec.$geometry !== undefined) {
    const center = toLngLat(spec.$geometry)
    if (!center) throw new GeoQueryError('$nearSphere needs a GeoJSON point')
    return { center, maxDistance: numberOr(spec.$maxDistance, Infinity), minDistance: numberOr(spec.$minDistance, 0) }
  }
  const center = toLngLat(spec)
  if (!center) throw new GeoQueryError('$nearSphere needs a point')
  const toMeters = (r: unknown, fallback: number) => (typeof r === 'number' ? r * EARTH_RADIUS_M : fallback)
  return { center, maxDistance: toMeters(siblings.$maxDistance, Infinity), minDistance: toMeters(siblings.$minDistance, 0) }
}

const numberOr = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback)

export interface GeoItem extends BBox {
  id: string
  /** True when the stored value is a point (at minX, minY). */
  point: boolean
}
type Item = GeoItem

/** An R-tree of the points (or shapes' boxes) stored at one path of a collection's documents. */
export class GeoIndex {
  private readonly tree = new RBush<Item>()
  private readonly items = new Map<string, Item>()

  constructor(readonly path: string) {}

  get size(): number {
    return this.items.size
  }

  private itemFor(doc: Record<string, unknown>): Item | null {
    const value = valueAtPath(doc, this.path)
    const p = toLngLat(value)
    if (p) return { minX: p[0], minY: p[1], maxX: p[0], maxY: p[1], id: doc._id as string, point: true }
    const box = isGeometry(value) ? geometryBBox(value) : null
    return box ? { ...box, id: doc._id as string, point: false } : null
  }

  add(doc: Record<string, unknown>): void {
    const item = this.itemFor(doc)
    if (!item) return
    this.items.set(item.id, item)
    this.tree.insert(item)
  }

  remove(id: string): void {
    const item = this.items.get(id)
    if (!item) return
    this.tree.remove(item)
    this.items.delete(id)
  }

  load(docs: Iterable<Record<string, unknown>>): void {
    const batch: Item[] = []
    for (const doc of docs) {
      const item = this.itemFor(doc)
      if (item) {
        this.items.set(item.id, item)
        batch.push(item)
      }
    }
    this.tree.load(batch)
  }

  clear(): void {
    this.tree.clear()
    this.items.clear()
  }

  /** The items whose boxes meet any of the boxes. */
  searchItems(boxes: BBox[]): GeoItem[] {
    if (boxes.length === 1) return this.tree.search(boxes[0])
    const seen = new Map<string, GeoItem>()
    for (const box of boxes) for (const item of this.tree.search(box)) seen.set(item.id, item)
    return [...seen.values()]
  }

  search(boxes: BBox[]): string[] {
    return this.searchItems(boxes).map((item) => item.id)
  }
}
