// How pillar 3 shows its numbers and states to residents: hours, points, time spans, status labels.
import { ENROLLMENT_STATUS_LABELS, ORDER_STATUS_LABELS, type EnrollmentStatus, type OrderStatus } from '@contract/enums'
import { ACTIVITY_PHASE_LABELS, type ActivityPhase } from '@contract/schemas/volunteer.labels'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'

export { formatDistance } from '@/utils/distance'

/** 2.5 → "2.5小时" */
export const formatHours = (hours: number) => `${Number.isInteger(hours) ? hours : hours.toFixed(1)}小时`

/** 1200 → "1200积分" */
export const formatPoints = (points: number) => `${points}积分`

/** 11月22日 09:00–12:00, or two full dates when the span crosses midnight. */
export function formatSpan(start: string, end: string): string {
  const s = dayjs(start).locale('zh-cn')
  const e = dayjs(end).locale('zh-cn')
  const day = s.year() === dayjs().year() ? 'M月D日' : 'YYYY年M月D日'
  return s.isSame(e, 'day')
    ? `${s.format(`${day} ddd HH:mm`)}–${e.format('HH:mm')}`
    : `${s.format(`${day} HH:mm`)} 至 ${e.format(`${day} HH:mm`)}`
}

export const phaseLabel = (p: ActivityPhase) => ACTIVITY_PHASE_LABELS[p]
export const enrollmentLabel = (s: EnrollmentStatus) => ENROLLMENT_STATUS_LABELS[s]
export const orderLabel = (s: OrderStatus) => ORDER_STATUS_LABELS[s]

/** A signed amount for the ledger: +20 / −30. */
export const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '0')
