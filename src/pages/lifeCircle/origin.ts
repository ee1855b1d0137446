// Where the life circle is searched from: the person's location (never stored), or a community or
// compound they picked on the place page (kept on the device, so the tab picks it up when it shows again
// and opens with it next time).
import Taro from '@tarojs/taro'
import type { LatLng } from '@contract/schemas/common'

export type Origin =
  | { kind: 'located'; point: LatLng }
  | { kind: 'place'; point: LatLng; label: string; communityId: string; compoundId?: string; chosenAt: number }

export type PlaceOrigin = Extract<Origin, { kind: 'place' }>

const PLACE_KEY = 'llt.circle.place'

const isPoint = (p: unknown): p is LatLng =>
  typeof p === 'object' && p !== null && typeof (p as LatLng).lat === 'number' && typeof (p as LatLng).lng === 'number'

export function storedPlace(): PlaceOrigin | null {
  try {
    const value = Taro.getStorageSync(PLACE_KEY) as PlaceOrigin | ''
    return value && value.kind === 'place' && isPoint(value.point) && typeof value.label === 'string' ? value : null
  } catch {
    return null
  }
}

export function choosePlace(place: Omit<PlaceOrigin, 'kind' | 'chosenAt'>): void {
  Taro.setStorageSync(PLACE_KEY, { ...place, kind: 'place', chosenAt: Date.now() })
}

export const originLabel = (origin: Origin): string => (origin.kind === 'located' ? '我的当前位置' : `${origin.label}（中心位置）`)
