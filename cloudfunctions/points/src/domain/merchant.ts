// Merchant applications: pending → approved | rejected; a rejected applicant may apply again.
import type { MerchantStatus } from '../../../../types/enums'
import { conflict } from '../../../_shared/infra/errors'
import { opaqueId } from '../../../_shared/infra/ids'

/** One application per person: its id follows from the applicant, hashed (anyone listing goods sees it). */
export const merchantIdFor = (openid: string) => opaqueId('m', openid)

export function assertCanApply(existing: MerchantStatus | null): void {
  if (existing === 'pending') throw conflict('您的申请正在审核中')
  if (existing === 'approved') throw conflict('您已是积分超市商家')
}

export function assertCanReview(status: MerchantStatus): void {
  if (status !== 'pending') throw conflict(status === 'approved' ? '该商家已通过审核' : '该申请已处理')
}
