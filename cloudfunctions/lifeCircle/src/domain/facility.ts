// Small pure rules about a facility document: its category by id or Chinese name, and its dedupe key.
import { opaqueId } from '../../../_shared/infra/ids'
import { FACILITY_CATEGORIES, type FacilityCategory } from '../../../../types/enums'

/** Normalises a name for comparison: full-width to half-width, no white space. */
export const normalizeName = (name: string) => name.normalize('NFKC').replace(/\s+/g, '')

/**
 * Two facilities with the same name within about ten meters are the same facility. The key rounds the
 * coordinates to four decimals (about 11 m), as the demo seed does.
 */
export const dedupeKeyOf = (name: string, lat: number, lng: number) => `${normalizeName(name)}@${lng.toFixed(4)},${lat.toFixed(4)}`

const BY_NAME = new Map<string, FacilityCategory>()
for (const c of FACILITY_CATEGORIES) {
  BY_NAME.set(c.id.toLowerCase(), c.id)
  BY_NAME.set(normalizeName(c.name), c.id)
  // "养老服务站/日间照料中心" is also found as "养老服务站" or "日间照料中心"; "(红蜂驿站/暖心驿站)" likewise.
  for (const part of c.name.split(/[/()（）]/)) if (part.trim().length >= 2) BY_NAME.set(normalizeName(part), c.id)
}

/** The category named by its id (canteen) or its Chinese name (社区食堂), or null. */
export const categoryByName = (text: string): FacilityCategory | null =>
  BY_NAME.get(normalizeName(text).toLowerCase()) ?? BY_NAME.get(normalizeName(text)) ?? null

/**
 * Id of a facility created by a request: the same request (a repeated tap, a retried import) always
 * gives the same id, so writing it again never makes a second facility. `part` tells rows apart.
 */
export const facilityIdFor = (communityId: string, requestId: string, part = ''): string => opaqueId('f', communityId, requestId, part)

/** Categories whose Chinese name contains the keyword (搜索“食堂” also finds every 社区食堂). */
export function categoryByKeyword(keyword: string): FacilityCategory[] {
  const k = normalizeName(keyword)
  if (!k) return []
  return FACILITY_CATEGORIES.filter((c) => normalizeName(c.name).includes(k)).map((c) => c.id)
}
