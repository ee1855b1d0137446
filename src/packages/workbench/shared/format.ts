// How the dashboard writes its figures: counts, rates, hours, ratings and days, with a dash for "nothing to
// measure". Pure.
import type { FigureFormat } from '@contract/workbench'

const trim = (x: number, digits = 1) => String(Math.round(x * 10 ** digits) / 10 ** digits)

export function formatFigure(value: number | null, format: FigureFormat): string {
  if (value === null || Number.isNaN(value)) return '—'
  switch (format) {
    case 'rate':
      return `${trim(value * 100)}%`
    case 'hours':
      return `${trim(value)}小时`
    case 'score':
      return `${trim(value, 2)}分`
    case 'days':
      return `${trim(value)}天`
    default:
      return trim(value, 2)
  }
}

/** "等待3天" / "等待5小时" / "刚刚" for a queue's oldest item. */
export function waitingFor(sinceIso: string, now: Date): string {
  const ms = now.getTime() - new Date(sinceIso).getTime()
  const hours = Math.floor(ms / 3_600_000)
  if (hours < 1) return '刚刚'
  if (hours < 48) return `已等待${hours}小时`
  return `已等待${Math.floor(hours / 24)}天`
}
