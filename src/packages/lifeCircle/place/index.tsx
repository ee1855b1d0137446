// Choosing where to search from without sharing a location: a community, then optionally one of its
// compounds. The life-circle tab searches from the chosen centre.
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { PlaceCommunity } from '@contract/schemas/lifeCircle'
import { LinkList } from '@/components/LinkList'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { useRemote } from '@/hooks/useRemote'
import { call } from '@/services/cloud'
import { tabUrl } from '@/routes'
import { goBack } from '@/services/navigation'
import { choosePlace } from '../../../pages/lifeCircle/origin'
import './index.css'

function choose(community: PlaceCommunity, compound?: { id: string; name: string; location: { lat: number; lng: number } }) {
  choosePlace({
    point: compound?.location ?? community.center,
    label: compound ? `${community.name} · ${compound.name}` : community.name,
    communityId: community.id,
    compoundId: compound?.id
  })
  goBack(tabUrl('lifeCircle'))
}

function Compounds({ communityId, onBack }: { communityId: string; onBack: () => void }) {
  const place = useRemote(() => call('lifeCircle', 'places', { communityId }), [communityId])
  const community = place.data?.communities[0]
  if (place.error) return <StateView state="error" error={place.error} onRetry={() => void place.refresh()} />
  if (!community) return <StateView state="loading" />
  return (
    <>
      <Section
        title={community.name}
        extra={
          <Text className="place__back" onClick={onBack}>
            换个社区
          </Text>
        }
      >
        <LinkList
          items={[{ title: `从${community.name}中心查找`, description: '不确定所在小区时选这里', onClick: () => choose(community) }]}
        />
      </Section>
      <Section title="或选择您所在的小区">
        {community.compounds?.length ? (
          <LinkList items={community.compounds.map((c) => ({ title: c.name, onClick: () => choose(community, c) }))} />
        ) : (
          <StateView state="empty" title="该社区还没有登记小区" />
        )}
      </Section>
    </>
  )
}

function Communities({ onPick }: { onPick: (id: string) => void }) {
  const places = useRemote(() => call('lifeCircle', 'places', {}), [])
  if (places.error) return <StateView state="error" error={places.error} onRetry={() => void places.refresh()} />
  if (!places.data) return <StateView state="loading" />
  return (
    <Section title="选择您所在的社区">
      <LinkList items={places.data.communities.map((c) => ({ title: c.name, onClick: () => onPick(c.id) }))} />
    </Section>
  )
}

function PlacePicker() {
  const { params } = useRouter()
  const [communityId, setCommunityId] = useState<string | null>(params.communityId || null)
  return (
    <View className="place">
      <Section>
        <Text className="llt-text-secondary">不使用定位时，我们从您选择的社区或小区的中心位置计算步行距离。</Text>
      </Section>
      {communityId ? <Compounds communityId={communityId} onBack={() => setCommunityId(null)} /> : <Communities onPick={setCommunityId} />}
    </View>
  )
}

export default function PlacePickerPage() {
  return (
    <PageShell>
      <PlacePicker />
    </PageShell>
  )
}
