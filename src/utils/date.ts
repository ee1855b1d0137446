// Dates as residents read them, in zh-cn.
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'

dayjs.locale('zh-cn')

export type DateInput = string | number | Date

/** 11月22日 14:30 (the year only when it is not this year). */
export function formatDateTime(value: DateInput): string {
  const d = dayjs(value)
  return d.format(d.year() === dayjs().year() ? 'M月D日 HH:mm' : 'YYYY年M月D日 HH:mm')
}

/** 2026年11月22日 星期六 */
export const formatDate = (value: DateInput): string => dayjs(value).format('YYYY年M月D日 dddd')

export { dayjs }
