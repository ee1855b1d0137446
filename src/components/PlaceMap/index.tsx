// A map of the places around a centre without a tile server: the 5/10/15-minute rings, markers (tap →
// onMarker) and, for staff picking a location, a tap anywhere (→ onPick). The weapp shows WeChat's own
// map; the browser a drawn SVG plan (rings, a grid with a scale bar, the markers), since it has no map
// tiles. The list beside it stays the accessible way to every place.
import { Map, Text, View } from '@tarojs/components'
import type { MouseEvent } from 'react'
import type { LatLng } from '@contract/schemas/common'
import { formatMeters, fromMeters, gridStep, spanFor, toMeters } from './projection'
import './index.css'

export type MarkerTone = 'facility' | 'gap' | 'covered' | 'place'

export interface MapMarker {
  id: string
  location: LatLng
  /** Read aloud and shown on tap, e.g. "长者饭堂 · 步行6分钟". */
  label: string
  /** One character drawn in the marker (the category's icon). */
  glyph?: string
  tone?: MarkerTone
}

export interface MapRing {
  minutes: number
  /** Meters. */
  radius: number
}

export interface PlaceMapProps {
  /** What the map shows, read aloud: "青枫社区周边设施地图". */
  title: string
  center: LatLng
  /** Drawn at the centre: 您的位置, 所选位置 …; nothing when absent. */
  centerLabel?: string
  rings?: MapRing[]
  markers?: MapMarker[]
  onMarker?: (marker: MapMarker) => void
  /** Staff choosing a location: a tap on the map answers the point. */
  onPick?: (point: LatLng) => void
  /** The point chosen so far, drawn as a pin. */
  picked?: LatLng | null
  /** Show the person's own location (weapp, when they shared it). */
  showMyLocation?: boolean
}

const TONE_COLOURS: Record<MarkerTone, string> = {
  facility: '#c8102e',
  gap: '#b04a00',
  covered: '#1b7a3a',
  place: '#1f5fa8'
}

function WeappMap({ center, rings = [], markers = [], onMarker, onPick, picked, showMyLocation, span }: PlaceMapProps & { span: number }) {
  // WeChat's scale is a zoom level: about 2 × span meters across a phone's 375 px.
  const zoom = Math.log2((156_543 * Math.cos((center.lat * Math.PI) / 180) * 375) / (2 * span))
  const scale = Math.min(18, Math.max(5, Math.floor(zoom)))
  const points = [...markers, ...(picked ? [{ id: 'picked', location: picked, label: '所选位置', tone: 'place' as const }] : [])]
  const open = (e: { detail: { markerId?: number | string } }) => {
    const marker = markers[Number(e.detail.markerId)]
    if (marker) onMarker?.(marker)
  }
  return (
    <Map
      className="llt-map llt-map--weapp"
      latitude={center.lat}
      longitude={center.lng}
      scale={scale}
      showLocation={showMyLocation}
      markers={
        points.map((m, i) => ({
          id: i,
          latitude: m.location.lat,
          longitude: m.location.lng,
          iconPath: '/assets/tab/life-circle-active.png',
          width: 28,
          height: 28,
          title: m.label,
          callout: { content: m.label, display: 'BYCLICK', padding: 6, borderRadius: 6, fontSize: 14, color: '#1f1f1f', bgColor: '#ffffff' }
        })) as never
      }
      circles={
        rings.map((r) => ({
          latitude: center.lat,
          longitude: center.lng,
          radius: r.radius,
          color: '#C8102E66',
          fillColor: '#C8102E10',
          strokeWidth: 2
        })) as never
      }
      onCalloutTap={open as never}
      onMarkerTap={open as never}
      onTap={
        ((e: { detail: { latitude?: number; longitude?: number } }) => {
          if (onPick && e.detail.latitude !== undefined && e.detail.longitude !== undefined)
            onPick({ lat: e.detail.latitude, lng: e.detail.longitude })
        }) as never
      }
      onError={() => undefined}
    />
  )
}

function SvgMap({
  title,
  center,
  centerLabel,
  rings = [],
  markers = [],
  onMarker,
  onPick,
  picked,
  span
}: PlaceMapProps & { span: number }) {
  const step = gridStep(span)
  const lines: number[] = []
  for (let v = -Math.floor(span / step) * step; v <= span; v += step) lines.push(v)
  const font = span * 0.055
  const dot = span * 0.04
  const at = (p: LatLng) => {
    const { x, y } = toMeters(center, p)
    return { x, y: -y }
  }

  const pick = (e: MouseEvent<SVGSVGElement>) => {
    if (!onPick) return
    const box = e.currentTarget.getBoundingClientRect()
    if (!box.width || !box.height) return
    const x = ((e.clientX - box.left) / box.width) * 2 * span - span
    const y = span - ((e.clientY - box.top) / box.height) * 2 * span
    onPick(fromMeters(center, x, y))
  }

  return (
    <svg
      className={`llt-map${onPick ? ' llt-map--pick' : ''}`}
      viewBox={`${-span} ${-span} ${2 * span} ${2 * span}`}
      role="img"
      aria-label={title}
      onClick={pick}
    >
      <rect x={-span} y={-span} width={2 * span} height={2 * span} fill="#f1f4ec" />
      {lines.map((v) => (
        <g key={v} stroke="#dfe5d6" strokeWidth={span * 0.004}>
          <line x1={v} y1={-span} x2={v} y2={span} />
          <line x1={-span} y1={v} x2={span} y2={v} />
        </g>
      ))}
      {[...rings]
        .sort((a, b) => b.radius - a.radius)
        .map((r) => (
          <g key={r.minutes} className="llt-map__ring">
            <circle r={r.radius} fill="#c8102e" fillOpacity={0.06} stroke="#c8102e" strokeOpacity={0.55} strokeWidth={span * 0.006} />
            <text y={-r.radius + font * 1.1} textAnchor="middle" fontSize={font * 0.85} fill="#9e0b22">
              {r.minutes}分钟
            </text>
          </g>
        ))}
      {centerLabel && (
        <g className="llt-map__centre">
          <circle r={dot * 0.6} fill="#1f5fa8" stroke="#ffffff" strokeWidth={dot * 0.25} />
          <text y={dot * 1.9} textAnchor="middle" fontSize={font * 0.8} fill="#1f5fa8">
            {centerLabel}
          </text>
        </g>
      )}
      {markers.map((m) => {
        const { x, y } = at(m.location)
        const tone = m.tone ?? 'facility'
        return (
          <g
            key={m.id}
            className={`llt-map__marker llt-map__marker--${tone}`}
            transform={`translate(${x} ${y})`}
            role="button"
            tabIndex={0}
            aria-label={m.label}
            onClick={(e) => {
              e.stopPropagation()
              onMarker?.(m)
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') onMarker?.(m)
            }}
          >
            <title>{m.label}</title>
            <circle r={dot} fill={TONE_COLOURS[tone]} stroke="#ffffff" strokeWidth={dot * 0.18} />
            {m.glyph && (
              <text y={dot * 0.36} textAnchor="middle" fontSize={dot * 1.05} fill="#ffffff">
                {m.glyph}
              </text>
            )}
          </g>
        )
      })}
      {picked &&
        (() => {
          const { x, y } = at(picked)
          return (
            <g className="llt-map__picked" transform={`translate(${x} ${y})`} aria-label="所选位置">
              <path d={`M0 0 L${-dot * 0.8} ${-dot * 1.6} A${dot} ${dot} 0 1 1 ${dot * 0.8} ${-dot * 1.6} Z`} fill="#c8102e" />
              <circle cy={-dot * 2.1} r={dot * 0.4} fill="#ffffff" />
            </g>
          )
        })()}
      <g className="llt-map__scale" transform={`translate(${-span * 0.92} ${span * 0.9})`}>
        <line x1={0} y1={0} x2={step} y2={0} stroke="#4d4d4d" strokeWidth={span * 0.01} />
        <text y={-font * 0.4} fontSize={font * 0.8} fill="#4d4d4d">
          {formatMeters(step)}
        </text>
      </g>
      <text x={span * 0.92} y={-span * 0.86} textAnchor="end" fontSize={font * 0.8} fill="#4d4d4d">
        北↑
      </text>
    </svg>
  )
}

export function PlaceMap(props: PlaceMapProps) {
  const { center, rings = [], markers = [], picked, onPick } = props
  const span = spanFor(
    center,
    rings.map((r) => r.radius),
    [...markers.map((m) => m.location), ...(picked ? [picked] : [])]
  )
  return (
    <View className="llt-place-map">
      {/* Not isWeapp(): a literal the build can evaluate, so h5 drops the Map component and hammerjs. */}
      {process.env.TARO_ENV === 'weapp' ? <WeappMap {...props} span={span} /> : <SvgMap {...props} span={span} />}
      {onPick && <Text className="llt-place-map__hint">在地图上点一下，即可把位置定在那里</Text>}
    </View>
  )
}
