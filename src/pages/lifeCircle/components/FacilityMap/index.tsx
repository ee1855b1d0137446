// Weapp only: the facilities of the list as markers around the search origin (WeChat's map component).
import { Map } from '@tarojs/components'
import type { LatLng } from '@contract/schemas/common'
import type { FacilitySummary } from '@contract/schemas/lifeCircle'
import './index.css'

export interface FacilityMapProps {
  origin: LatLng
  /** Meters: the tier radius, drawn as a circle. */
  radius: number
  facilities: FacilitySummary[]
  showMyLocation: boolean
  onOpen: (facility: FacilitySummary) => void
}

const ZOOM_FOR_RADIUS: Array<[number, number]> = [
  [300, 17],
  [500, 16],
  [1000, 15]
]

export function FacilityMap({ origin, radius, facilities, showMyLocation, onOpen }: FacilityMapProps) {
  const scale = ZOOM_FOR_RADIUS.find(([r]) => radius <= r)?.[1] ?? 14
  const markers = facilities.map((f, i) => ({
    id: i,
    latitude: f.location.lat,
    longitude: f.location.lng,
    iconPath: '/assets/tab/life-circle-active.png',
    width: 28,
    height: 28,
    title: f.name,
    callout: {
      content: `${f.name}\n${f.walkMinutes}分钟`,
      display: 'BYCLICK' as const,
      padding: 6,
      borderRadius: 6,
      fontSize: 14,
      color: '#1f1f1f',
      bgColor: '#ffffff',
      textAlign: 'center' as const
    }
  }))
  const pick = (e: { detail: { markerId?: number | string } }) => {
    const facility = facilities[Number(e.detail.markerId)]
    if (facility) onOpen(facility)
  }
  return (
    <Map
      className="life-circle-map"
      latitude={origin.lat}
      longitude={origin.lng}
      scale={scale}
      showLocation={showMyLocation}
      markers={markers as never}
      circles={
        [{ latitude: origin.lat, longitude: origin.lng, radius, color: '#C8102E66', fillColor: '#C8102E14', strokeWidth: 2 }] as never
      }
      onCalloutTap={pick as never}
      onError={() => undefined}
    />
  )
}
