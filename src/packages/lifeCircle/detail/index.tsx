// A facility's detail: open now, distance and walk, address with navigation (services/maps), a call button,
// opening hours, services and photos.
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { FACILITY_CATEGORIES } from '@contract/enums'
import type { FacilityDetail } from '@contract/schemas/lifeCircle'
import { BigButton } from '@/components/BigButton'
import { CloudImage, previewCloudImages } from '@/components/CloudImage'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { useRemote } from '@/hooks/useRemote'
import { call } from '@/services/cloud'
import { openPlace } from '@/services/maps'
import { OpenBadge } from '../../../pages/lifeCircle/components/FacilityItem'
import { formatWalk } from '../../../pages/lifeCircle/format'
import './index.css'

function originOf(params: Record<string, string | undefined>) {
  const lat = Number(params.lat)
  const lng = Number(params.lng)
  return params.lat && params.lng && Number.isFinite(lat) && Number.isFinite(lng) ? { lat, lng } : undefined
}

function callFacility(phone: string) {
  Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined) // the person cancelled
}

export function FacilityView({ facility: f }: { facility: FacilityDetail }) {
  const category = FACILITY_CATEGORIES.find((c) => c.id === f.category)
  return (
    <View className="facility">
      <View className="facility__head">
        <Text className="facility__category">
          {category?.icon} {category?.name}
        </Text>
        <Text className="facility__name">{f.name}</Text>
        <OpenBadge open={f.open} label={f.openLabel} />
        {f.distance !== null && f.walkMinutes !== null && (
          <Text className="facility__walk">距您 {formatWalk(f.distance, f.walkMinutes)}</Text>
        )}
      </View>
      <Section>
        <View className="facility__actions">
          {f.phone && (
            <BigButton className="facility__action" onClick={() => callFacility(f.phone)}>
              拨打电话
            </BigButton>
          )}
          <BigButton
            className="facility__action"
            fill="outline"
            onClick={() => openPlace({ location: f.location, name: f.name, address: f.address })}
          >
            导航前往
          </BigButton>
        </View>
      </Section>
      <Section title="地址与电话">
        <Text className="facility__line">{f.address || '暂无地址'}</Text>
        <Text className="facility__line">{f.phone ? `电话：${f.phone}` : '暂无电话'}</Text>
        <Text className="llt-text-secondary">所属社区：{f.communityName}</Text>
      </Section>
      <Section title="开放时间">
        {f.hoursLines.map((line) => (
          <Text key={line} className="facility__line">
            {line}
          </Text>
        ))}
        <Text className="llt-text-secondary">{f.holidaysClosed ? '法定节假日休息' : '法定节假日照常开放'}</Text>
      </Section>
      {f.services.length > 0 && (
        <Section title="服务项目">
          <View className="facility__tags">
            {f.services.map((s) => (
              <Text key={s} className="facility__tag">
                {s}
              </Text>
            ))}
          </View>
        </Section>
      )}
      {f.photos.length > 0 && (
        <Section title="照片">
          <View className="facility__photos">
            {f.photos.map((url) => (
              <CloudImage key={url} className="facility__photo" src={url} onClick={() => void previewCloudImages(f.photos, url)} />
            ))}
          </View>
        </Section>
      )}
    </View>
  )
}

function Detail() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const from = originOf(params)
  const facility = useRemote(() => call('lifeCircle', 'facility', { id, location: from }), [id])
  usePullDownRefresh(() => void facility.refresh().finally(() => void Taro.stopPullDownRefresh()))

  if (facility.error) return <StateView state="error" error={facility.error} onRetry={() => void facility.refresh()} fullPage />
  if (!facility.data) return <StateView state="loading" fullPage />
  return <FacilityView facility={facility.data} />
}

export default function FacilityDetailPage() {
  return (
    <PageShell>
      <Detail />
    </PageShell>
  )
}
