// The browser's 查看地图 / 导航前往 (the weapp uses WeChat's openLocation instead): the place on the drawn
// map, its address, and a hand-off to a navigation app by link.
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/PageShell'
import { PlaceMap } from '@/components/PlaceMap'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { navigationLink, type Place } from '@/services/maps'
import './index.css'

export function placeOf(params: Record<string, string | undefined>): Place | null {
  const lat = Number(params.lat)
  const lng = Number(params.lng)
  if (!params.lat || !params.lng || !Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) return null
  return { location: { lat, lng }, name: params.name || '目的地', address: params.address || '' }
}

export function PlaceView({ place }: { place: Place }) {
  return (
    <View className="map-page">
      <Section title={place.name}>
        {place.address && <Text className="map-page__address">{place.address}</Text>}
        <PlaceMap
          title={`${place.name}的位置`}
          center={place.location}
          markers={[{ id: 'place', location: place.location, label: place.name, tone: 'place' }]}
        />
      </Section>
      <Section>
        <a className="map-page__go" href={navigationLink(place)} target="_blank" rel="noopener noreferrer">
          用高德地图导航前往
        </a>
        <Text className="llt-text-secondary">将打开高德地图（未安装时打开其网页版），由它为您规划步行或乘车路线。</Text>
      </Section>
    </View>
  )
}

function RoutedPlace() {
  const place = placeOf(useRouter().params)
  if (!place) return <StateView state="error" title="没有找到这个地点的位置" fullPage />
  return <PlaceView place={place} />
}

export default function MapPage() {
  return (
    <PageShell>
      <RoutedPlace />
    </PageShell>
  )
}
