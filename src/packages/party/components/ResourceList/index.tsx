// A unit's resources, read-only.
import { Text, View } from '@tarojs/components'
import { RESOURCE_KIND_LABELS, RESOURCE_QUANTITY_UNITS, type ResourceItem } from '@contract/schemas/party'
import './index.css'

export function ResourceList({ resources }: { resources: ReadonlyArray<ResourceItem> }) {
  if (!resources.length) return <Text className="llt-text-secondary">暂未登记资源</Text>
  return (
    <View className="party-resource-list">
      {resources.map((r, i) => (
        <View key={i} className="party-resource-list__row">
          <Text className="party-resource-list__kind">{RESOURCE_KIND_LABELS[r.kind]}</Text>
          <View className="party-resource-list__text">
            <Text>
              {r.name}
              {r.quantity !== undefined ? ` · ${r.quantity}${RESOURCE_QUANTITY_UNITS[r.kind]}` : ''}
            </Text>
            {r.detail && <Text className="llt-text-secondary">{r.detail}</Text>}
          </View>
        </View>
      ))}
    </View>
  )
}
