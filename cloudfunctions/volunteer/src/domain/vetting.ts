// Vetting of volunteer registrations: staff of the community approve or reject a pending registration.
// Only an approved volunteer may claim wishes (docs/roles.md).
import type { VolunteerStatus } from '../../../../types/schemas/volunteer.labels'
import { conflict } from '../../../_shared/infra/errors'

export type ReviewDecision = 'approve' | 'reject'

/** The status after staff decide; a registration already decided is not reviewed again. */
export function reviewedStatus(current: VolunteerStatus, decision: ReviewDecision): VolunteerStatus {
  if (current !== 'pending') throw conflict('该志愿者注册已审核，请刷新后查看')
  return decision === 'approve' ? 'approved' : 'rejected'
}
