// How wishes read on screen: value, distance, dates and the status tone. Pure; shared by the wall, the
// wish subpackage and the workbench.
import { WISH_CATEGORY_LABELS, WISH_STATUS_LABELS, type WishCategory, type WishStatus } from '@contract/enums'
import { dayjs } from '@/utils/date'
import { formatDistance as formatMeters } from '@/utils/distance'

export const categoryLabel = (c: WishCategory) => WISH_CATEGORY_LABELS[c] ?? '其他'
export const statusLabel = (s: WishStatus) => WISH_STATUS_LABELS[s] ?? s

/** 0 → 无需花费; 120 → 约120元 */
export const formatValue = (yuan: number) => (yuan > 0 ? `约${yuan}元` : '无需花费')

/** 80 → 80米; 1234 → 1.2公里 */
export const formatDistance = (meters: number | null): string | null =>
  meters === null || !Number.isFinite(meters) ? null : formatMeters(meters, 10)

/** 3分钟前 / 2小时前 / 3天前 / 11月2日 */
export function formatAgo(iso: string | null, now: Date = new Date()): string {
  if (!iso) return ''
  const then = dayjs(iso)
  const minutes = Math.max(0, dayjs(now).diff(then, 'minute'))
  if (minutes < 1) return '刚刚'
  if (minutes < 60) return `${minutes}分钟前`
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)}小时前`
  if (minutes < 7 * 24 * 60) return `${Math.floor(minutes / (24 * 60))}天前`
  return then.format(then.year() === dayjs(now).year() ? 'M月D日' : 'YYYY年M月D日')
}

/** 期望 11月30日前 */
export const formatDesired = (day: string | null) => (day ? `期望${dayjs(day).format('M月D日')}前` : null)

/**
 * The deadline of a live claim, as the claimer reads it: 还剩3天 / 今天到期 / 已超期. Days are counted by the
 * calendar, as people count them: a 7-day claim made just now has 7 days left, not 6 and some hours.
 */
export function formatDeadline(iso: string | null, now: Date = new Date()): string | null {
  if (!iso) return null
  const due = dayjs(iso)
  if (due.isBefore(now)) return '已超过认领期限'
  const days = due.startOf('day').diff(dayjs(now).startOf('day'), 'day')
  if (days === 0) return '今天到期，请尽快完成'
  return `还剩${days}天（${due.format('M月D日 HH:mm')}前完成）`
}

export type StatusTone = 'waiting' | 'open' | 'active' | 'done' | 'closed'
const TONES: Record<WishStatus, StatusTone> = {
  submitted: 'waiting',
  published: 'open',
  claimed: 'active',
  fulfilled: 'active',
  confirmed: 'done',
  rejected: 'closed',
  withdrawn: 'closed'
}
export const statusTone = (s: WishStatus): StatusTone => TONES[s] ?? 'closed'

/** The first character of a category for the card's icon. */
export const categoryGlyph = (c: WishCategory) => categoryLabel(c).slice(0, 1)
