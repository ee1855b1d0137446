// Opening a place on a map. The weapp has WeChat's map (openLocation, with its own navigation choices);
// the browser opens our map page, which draws the place and hands off to a navigation app by link.
import Taro from '@tarojs/taro'
import type { LatLng } from '@contract/schemas/common'
import { pageUrl } from '@/routes'
import { isWeapp } from './platform'

export interface Place {
  location: LatLng
  name: string
  address?: string
}

/** Amap's public marker link (GCJ-02, as the app's coordinates are): opens the app when installed, else its web map. */
export function navigationLink({ location, name }: Place): string {
  const q = new URLSearchParams({
    position: `${location.lng},${location.lat}`,
    name,
    src: '邻里通',
    coordinate: 'gaode',
    callnative: '1'
  })
  return `https://uri.amap.com/marker?${q.toString()}`
}

export function openPlace(place: Place): void {
  if (isWeapp()) {
    void Taro.openLocation({
      latitude: place.location.lat,
      longitude: place.location.lng,
      name: place.name,
      address: place.address ?? '',
      scale: 17
    }).catch(() => undefined) // the person closed it
    return
  }
  void Taro.navigateTo({
    url: pageUrl('lifeCircle', 'map', {
      lat: place.location.lat,
      lng: place.location.lng,
      name: place.name,
      address: place.address ?? ''
    })
  })
}
