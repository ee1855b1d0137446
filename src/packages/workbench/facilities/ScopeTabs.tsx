// Tabs for a staff member with several scopes (a street admin who is also staff of a community).
import { Text, View } from '@tarojs/components'
import type { StaffScope } from './scopes'
import './ScopeTabs.css'

export function ScopeTabs({
  scopes,
  current,
  onSelect
}: {
  scopes: StaffScope[]
  current: StaffScope | null
  onSelect: (s: StaffScope) => void
}) {
  if (scopes.length < 2) return null
  return (
    <View className="wb-scopes">
      {scopes.map((s) => {
        const active = current?.kind === s.kind && current.id === s.id
        return (
          <Text
            key={`${s.kind}:${s.id}`}
            className={`wb-scopes__tab${active ? ' wb-scopes__tab--active' : ''}`}
            onClick={() => onSelect(s)}
          >
            {s.label}
          </Text>
        )
      })}
    </View>
  )
}
