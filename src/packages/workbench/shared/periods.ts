// The periods a dashboard offers (本月, 上月, 本半年, 今年, 去年) and how a period reads, in China Standard
// Time whatever the phone's clock zone. Pure.
export interface PeriodOption {
  value: string
  label: string
}

const CST_MS = 8 * 3600_000
const pad = (n: number) => String(n).padStart(2, '0')

export function periodOptions(now: Date): PeriodOption[] {
  const d = new Date(now.getTime() + CST_MS)
  const year = d.getUTCFullYear()
  const month = d.getUTCMonth() + 1
  const last = month === 1 ? `${year - 1}-12` : `${year}-${pad(month - 1)}`
  return [
    { value: `${year}-${pad(month)}`, label: '本月' },
    { value: last, label: '上月' },
    { value: `${year}H${month <= 6 ? 1 : 2}`, label: month <= 6 ? '上半年' : '下半年' },
    { value: String(year), label: '今年' },
    { value: String(year - 1), label: '去年' }
  ]
}

export { periodLabel } from '@contract/periods'

/** A trend's axis: "3月" for a few months; for many, the month number only (and a January its year, "26.1"). */
export function monthTick(month: string, compact = false): string {
  const m = Number(month.slice(5, 7))
  if (!compact) return `${m}月`
  return m === 1 ? `${month.slice(2, 4)}.1` : String(m)
}
