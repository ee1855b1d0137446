// The staff pages of pillar 4 act for the community of the staff member's grant.
import type { ReactNode } from 'react'
import { StateView } from '@/components/StateView'
import { useSignedIn } from '@/hooks/useMe'
import { staffCommunityOf } from '@/utils/roles'

export function StaffOnly({ children }: { children: (communityId: string) => ReactNode }) {
  const communityId = staffCommunityOf(useSignedIn())
  if (!communityId) return <StateView state="empty" title="仅对社区工作人员开放" fullPage />
  return <>{children(communityId)}</>
}
