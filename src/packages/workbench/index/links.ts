// Where each queue card takes the person: the pillars' staff pages, and the mall's pickup page for merchants.
import type { QueueKind } from '@contract/workbench'
import { pageUrl } from '@/routes'

export const QUEUE_LINKS: Record<QueueKind, string> = {
  wishReview: pageUrl('workbench', 'wish'),
  overdueClaims: pageUrl('workbench', 'wish', { status: 'claimed' }),
  registrations: pageUrl('workbench', 'partyReview'),
  merchants: pageUrl('workbench', 'merchantReview'),
  needs: pageUrl('workbench', 'partyNeeds'),
  hours: pageUrl('workbench', 'activities'),
  approvals: pageUrl('workbench', 'pointsAdjust'),
  pickups: pageUrl('points', 'pickup')
}
