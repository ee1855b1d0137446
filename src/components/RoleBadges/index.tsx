// The person's roles as small labelled badges (居民, 志愿者, 在职党员 …).
import { Text, View } from '@tarojs/components'
import type { RoleGrant } from '@contract'
import { ROLE_LABELS, ROLES, type Role } from '@contract/enums'
import './index.css'

export interface RoleBadgesProps {
  roles: ReadonlyArray<RoleGrant>
  /** Everyone is a resident; show that badge when no other role is held. */
  showResident?: boolean
}

export function RoleBadges({ roles, showResident = true }: RoleBadgesProps) {
  const held = new Set<Role>(roles.map((r) => r.role))
  if (showResident && held.size === 0) held.add('resident')
  const ordered = ROLES.filter((role) => held.has(role))
  return (
    <View className="llt-badges">
      {ordered.map((role) => (
        <Text key={role} className={`llt-badges__badge llt-badges__badge--${role}`}>
          {ROLE_LABELS[role]}
        </Text>
      ))}
    </View>
  )
}
