// Where the problem is: the phone's location (asked for only on this tap, behind the privacy consent), or
// a compound picked from the person's community when they would rather not share it or are not there.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { LatLng } from '@contract/schemas/common'
import { BigButton } from '@/components/BigButton'
import { LinkList } from '@/components/LinkList'
import { StateView } from '@/components/StateView'
import { useRemote } from '@/hooks/useRemote'
import { call, errorMessage } from '@/services/cloud'
import { getPosition } from '@/services/device'
import './index.css'

export type Spot =
  | { kind: 'located'; location: LatLng; accuracy?: number }
  | { kind: 'compound'; location: LatLng; communityId: string; compoundId: string; label: string }

export const spotLabel = (spot: Spot): string =>
  spot.kind === 'located' ? `我的当前位置${spot.accuracy !== undefined ? `（精度约${Math.round(spot.accuracy)}米）` : ''}` : spot.label

function Compounds({ communityId, onPick }: { communityId: string; onPick: (spot: Spot) => void }) {
  const places = useRemote(() => call('lifeCircle', 'places', { communityId }), [communityId])
  const community = places.data?.communities[0]
  if (places.error) return <StateView state="error" error={places.error} onRetry={() => void places.refresh()} />
  if (!community) return <StateView state="loading" />
  if (!community.compounds?.length) return <StateView state="empty" title="该社区还没有登记小区" />
  return (
    <LinkList
      items={community.compounds.map((c) => ({
        title: c.name,
        onClick: () =>
          onPick({
            kind: 'compound',
            location: c.location,
            communityId: community.id,
            compoundId: c.id,
            label: `${community.name} · ${c.name}`
          })
      }))}
    />
  )
}

export interface SpotPickerProps {
  value: Spot | null
  onChange: (spot: Spot) => void
  /** The person's community, whose compounds are offered. */
  communityId: string | null
}

export function SpotPicker({ value, onChange, communityId }: SpotPickerProps) {
  const [locating, setLocating] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [picking, setPicking] = useState(false)

  const locate = async () => {
    setLocating(true)
    setProblem(null)
    try {
      const { location, accuracy } = await getPosition()
      onChange(accuracy === undefined ? { kind: 'located', location } : { kind: 'located', location, accuracy })
      setPicking(false)
    } catch (e) {
      setProblem(errorMessage(e))
    } finally {
      setLocating(false)
    }
  }

  return (
    <View className="report-spot">
      {value && <Text className="report-spot__chosen">📍 {spotLabel(value)}</Text>}
      <View className="report-spot__actions">
        <BigButton size="normal" fill={value?.kind === 'located' ? 'outline' : 'solid'} loading={locating} onClick={() => void locate()}>
          {value?.kind === 'located' ? '重新定位' : '使用我的位置'}
        </BigButton>
        {communityId && (
          <BigButton size="normal" fill="outline" onClick={() => setPicking(!picking)}>
            {picking ? '收起小区列表' : '选择小区'}
          </BigButton>
        )}
      </View>
      {problem && <Text className="report-spot__problem">{problem}</Text>}
      {picking && communityId && (
        <Compounds
          communityId={communityId}
          onPick={(spot) => {
            onChange(spot)
            setPicking(false)
          }}
        />
      )}
    </View>
  )
}
