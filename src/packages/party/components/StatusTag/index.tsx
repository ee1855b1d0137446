// A coloured label for a registration's or a need's status.
import { Text } from '@tarojs/components'
import { NEED_STATUS_LABELS, REGISTRATION_STATUS_LABELS, type NeedStatus, type RegistrationStatus } from '@contract/enums'
import './index.css'

const TONE: Record<string, 'wait' | 'good' | 'bad' | 'done'> = {
  pending: 'wait',
  approved: 'good',
  rejected: 'bad',
  ended: 'done',
  open: 'wait',
  claimed: 'good',
  completed: 'wait',
  confirmed: 'done',
  cancelled: 'done'
}

export function StatusTag({ status, kind = 'registration' }: { status: RegistrationStatus | NeedStatus; kind?: 'registration' | 'need' }) {
  const label = kind === 'need' ? NEED_STATUS_LABELS[status as NeedStatus] : REGISTRATION_STATUS_LABELS[status as RegistrationStatus]
  return <Text className={`party-status party-status--${TONE[status] ?? 'done'}`}>{label}</Text>
}
