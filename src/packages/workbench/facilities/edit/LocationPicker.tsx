// Where a facility is, chosen rather than typed: a tap on the community's map (browser) or WeChat's
// location picker (weapp), or one of the community's compounds. Coordinates are only shown, never typed.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { LatLng } from '@contract/schemas/common'
import { BigButton } from '@/components/BigButton'
import { Chips } from '@/components/Chips'
import { PlaceMap } from '@/components/PlaceMap'
import { useAction } from '@/hooks/useAction'
import { useRemote } from '@/hooks/useRemote'
import { call } from '@/services/cloud'
import { isWeapp } from '@/services/platform'
import { ensurePrivacy } from '@/services/privacy'

export interface LocationPickerProps {
  communityId: string
  value: LatLng | null
  /** The address too when the picker knows it (weapp). */
  onChange: (location: LatLng, address?: string) => void
}

const round = (n: number) => Math.round(n * 1e6) / 1e6

async function chooseOnWeapp(): Promise<{ location: LatLng; address: string } | null> {
  await ensurePrivacy()
  try {
    const res = await Taro.chooseLocation({})
    return { location: { lat: round(res.latitude), lng: round(res.longitude) }, address: res.address }
  } catch {
    return null // cancelled
  }
}

export function LocationPicker({ communityId, value, onChange }: LocationPickerProps) {
  const places = useRemote(() => call('lifeCircle', 'places', { communityId }), [communityId])
  const community = places.data?.communities[0]
  const compounds = community?.compounds ?? []
  const choose = useAction(async () => {
    const picked = await chooseOnWeapp()
    if (picked) onChange(picked.location, picked.address)
  })
  const atCompound = compounds.find((c) => value && c.location.lat === value.lat && c.location.lng === value.lng)

  return (
    <View className="wb-location">
      <Text className={`wb-location__now${value ? '' : ' wb-location__now--none'}`}>
        {value
          ? `已选位置：纬度 ${value.lat.toFixed(5)}，经度 ${value.lng.toFixed(5)}${atCompound ? `（${atCompound.name}）` : ''}`
          : '还没有选择位置'}
      </Text>
      {isWeapp() ? (
        <BigButton size="small" fill="outline" loading={choose.running} onClick={() => void choose.run()}>
          在地图上选点
        </BigButton>
      ) : (
        community && (
          <PlaceMap
            title={`${community.name}地图，点一下选定设施位置`}
            center={value ?? community.center}
            markers={compounds.map((c) => ({ id: c.id, location: c.location, label: c.name, tone: 'place' }))}
            onMarker={(m) => onChange(compounds.find((c) => c.id === m.id)!.location)}
            onPick={(p) => onChange(p)}
            picked={value}
          />
        )
      )}
      {compounds.length > 0 && (
        <View className="wb-location__compounds">
          <Text className="llt-text-secondary">或按所在小区定位：</Text>
          <Chips
            label="按所在小区定位"
            value={atCompound?.id ?? null}
            onChange={(id) => onChange(compounds.find((c) => c.id === id)!.location)}
            options={compounds.map((c) => ({ value: c.id, label: c.name }))}
          />
        </View>
      )}
    </View>
  )
}
