// Opening hours: a weekly schedule (week[0] = Monday, each day a list of "HH:mm-HH:mm" spans; an end
// earlier than the start runs past midnight into the next day), with public holidays closed when
// `holidaysClosed`. "Open now" is always judged in Asia/Shanghai time (UTC+8, no daylight saving), whatever
// the server's or the phone's time zone. The same text syntax is used by staff forms and CSV import:
//   "周一至周五 08:30-12:00,14:00-17:30；周六 09:00-12:00"   "每天 06:00-22:00"   "每天 24小时"
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import { CHINA_HOLIDAYS, holidayOn } from '../../../_shared/domain/holidays'

dayjs.extend(utc)

export interface WeeklyHours {
  week: string[][]
  holidaysClosed: boolean
}

interface Span {
  /** Minutes after midnight of the day the span belongs to. */
  start: number
  /** May exceed 1 440 when the span runs past midnight. */
  end: number
}

const DAY = 24 * 60
const CST_OFFSET_MINUTES = 8 * 60
export const WEEKDAY_LABELS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const
const MAX_SPANS_PER_DAY = 4

const SPAN_PATTERN = /^([01]\d|2[0-4]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/

/** Parses "HH:mm-HH:mm"; null when malformed. "00:00-24:00" is the whole day; "22:00-02:00" runs overnight. */
export function parseSpan(text: string): Span | null {
  const m = SPAN_PATTERN.exec(text.trim())
  if (!m) return null
  const start = Number(m[1]) * 60 + Number(m[2])
  const end = Number(m[3]) * 60 + Number(m[4])
  if (start >= DAY || end > DAY || start === end) return null
  return { start, end: end < start ? end + DAY : end }
}

/** Problems with a schedule, as sentences staff can read; empty when it is valid. */
export function checkWeek(week: unknown): string[] {
  if (!Array.isArray(week) || week.length !== 7) return ['营业时间须包含周一到周日七天']
  const problems: string[] = []
  week.forEach((day, i) => {
    if (!Array.isArray(day)) return problems.push(`${WEEKDAY_LABELS[i]}的营业时间格式不正确`)
    if (day.length > MAX_SPANS_PER_DAY) problems.push(`${WEEKDAY_LABELS[i]}最多填写${MAX_SPANS_PER_DAY}个时段`)
    const spans = day.map((s) => (typeof s === 'string' ? parseSpan(s) : null))
    const bad = day.find((_s, k) => !spans[k])
    if (bad !== undefined) return problems.push(`${WEEKDAY_LABELS[i]}的时段“${String(bad)}”格式不正确，应为08:00-18:00`)
    const sorted = (spans as Span[]).slice().sort((a, b) => a.start - b.start)
    if (sorted.some((s, k) => k > 0 && s.start < sorted[k - 1].end)) problems.push(`${WEEKDAY_LABELS[i]}的时段有重叠`)
    return undefined
  })
  return problems
}

const spansOf = (week: string[][], weekday: number): Span[] => (week[weekday] ?? []).map(parseSpan).filter((s): s is Span => s !== null)

// --- Asia/Shanghai calendar -------------------------------------------------------------------------

export interface CstMoment {
  /** YYYY-MM-DD in Asia/Shanghai. */
  date: string
  /** 0 = Monday … 6 = Sunday. */
  weekday: number
  /** Minutes after local midnight. */
  minutes: number
}

export function cstMoment(at: Date | number): CstMoment {
  const local = dayjs(at).utcOffset(CST_OFFSET_MINUTES)
  return { date: local.format('YYYY-MM-DD'), weekday: (local.day() + 6) % 7, minutes: local.hour() * 60 + local.minute() }
}

const shiftDate = (date: string, days: number) => dayjs.utc(date).add(days, 'day').format('YYYY-MM-DD')

export { CHINA_HOLIDAYS, holidayOn }

// --- open now -------------------------------------------------------------------------------------

/** The spans a facility keeps on a calendar day (none on a holiday when it closes on holidays). */
function spansOnDate(hours: WeeklyHours, date: string, holidays: ReadonlyMap<string, string>): Span[] {
  if (hours.holidaysClosed && holidays.has(date)) return []
  return spansOf(hours.week, (dayjs.utc(date).day() + 6) % 7)
}

const hhmm = (minutes: number) => {
  const m = ((minutes % DAY) + DAY) % DAY
  return minutes === DAY ? '24:00' : `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
}

export interface OpenStatus {
  open: boolean
  /** A short Chinese line: 营业中 · 至22:00, 24小时营业, 休息中 · 明天08:00开门, 节假日休息（国庆节）. */
  label: string
}

/** Whether the facility is open at `at`, judged in Asia/Shanghai time. */
export function isOpenAt(hours: WeeklyHours, at: Date | number, holidays: ReadonlyMap<string, string> = CHINA_HOLIDAYS): boolean {
  return openStatus(hours, at, holidays).open
}

/** How a coming day is named: nothing for today, 明天, a weekday within the week, else the date. */
function dayWord(date: string, ahead: number): string {
  if (ahead === 0) return ''
  if (ahead === 1) return '明天'
  if (ahead < 7) return WEEKDAY_LABELS[(dayjs.utc(date).day() + 6) % 7]
  return dayjs.utc(date).format('M月D日')
}

export function openStatus(hours: WeeklyHours, at: Date | number, holidays: ReadonlyMap<string, string> = CHINA_HOLIDAYS): OpenStatus {
  const now = cstMoment(at)
  const today = spansOnDate(hours, now.date, holidays)
  const yesterday = spansOnDate(hours, shiftDate(now.date, -1), holidays)
  // Open spans in minutes relative to today's midnight, yesterday's overnight spans included.
  const current = [...yesterday.map((s) => ({ start: s.start - DAY, end: s.end - DAY })), ...today].filter(
    (s) => s.start <= now.minutes && now.minutes < s.end
  )
  if (current.length) {
    const end = Math.max(...current.map((s) => s.end))
    if (isAllDay(hours) && !hours.holidaysClosed) return { open: true, label: '24小时营业' }
    return { open: true, label: `营业中 · 至${end > DAY ? '次日' : ''}${hhmm(end)}` }
  }
  const holiday = hours.holidaysClosed ? holidayOn(now.date, holidays) : null
  const next = nextOpening(hours, now, holidays)
  const suffix = next ? ` · ${next}开门` : ''
  return { open: false, label: holiday ? `节假日休息（${holiday}）${suffix}` : `休息中${suffix}` }
}

function nextOpening(hours: WeeklyHours, now: CstMoment, holidays: ReadonlyMap<string, string>): string | null {
  for (let ahead = 0; ahead < 14; ahead++) {
    const date = shiftDate(now.date, ahead)
    const start = spansOnDate(hours, date, holidays)
      .map((s) => s.start)
      .filter((s) => ahead > 0 || s > now.minutes)
      .sort((a, b) => a - b)[0]
    if (start === undefined) continue
    return `${dayWord(date, ahead)}${hhmm(start)}`
  }
  return null
}

const isAllDay = (hours: WeeklyHours) =>
  hours.week.length === 7 && hours.week.every((d) => d.length === 1 && parseSpan(d[0])?.end === DAY && parseSpan(d[0])?.start === 0)

// --- text form (staff forms, CSV, detail page) --------------------------------------------------------

const dayText = (spans: string[]) =>
  spans.length === 0 ? '休息' : spans.length === 1 && spans[0] === '00:00-24:00' ? '24小时' : spans.join(',')

/** Groups consecutive days with the same spans: ["周一至周五 08:30-12:00,14:00-17:30", "周六 09:00-12:00", "周日 休息"]. */
export function formatWeek(week: string[][]): string[] {
  const texts = week.map(dayText)
  if (texts.every((t) => t === texts[0])) return [`每天 ${texts[0]}`]
  const lines: string[] = []
  for (let i = 0; i < 7;) {
    let j = i
    while (j + 1 < 7 && texts[j + 1] === texts[i]) j++
    const days = i === j ? WEEKDAY_LABELS[i] : `${WEEKDAY_LABELS[i]}至${WEEKDAY_LABELS[j]}`
    lines.push(`${days} ${texts[i]}`)
    i = j + 1
  }
  return lines
}

export const formatHoursText = (week: string[][]) => formatWeek(week).join('；')

const DAY_NAMES: Record<string, number> = { 一: 0, 二: 1, 三: 2, 四: 3, 五: 4, 六: 5, 日: 6, 天: 6, 七: 6 }
const DAY_WORD = /(?:周|星期|礼拜)([一二三四五六日天七])/g

/** The weekdays a day phrase names: 每天, 工作日, 周末, 周一至周五, 周一、周三, 周六. */
function parseDays(phrase: string): number[] | null {
  const p = phrase.replace(/\s/g, '')
  if (/^(每天|每日|全天|全周|周一至周日)$/.test(p)) return [0, 1, 2, 3, 4, 5, 6]
  if (p === '工作日') return [0, 1, 2, 3, 4]
  if (p === '周末' || p === '双休日') return [5, 6]
  const range = /^(?:周|星期|礼拜)([一二三四五六日天七])(?:至|到|-|~|—)(?:周|星期|礼拜)?([一二三四五六日天七])$/.exec(p)
  if (range) {
    const [from, to] = [DAY_NAMES[range[1]], DAY_NAMES[range[2]]]
    if (from > to) return null
    return Array.from({ length: to - from + 1 }, (_v, k) => from + k)
  }
  const singles = [...p.matchAll(DAY_WORD)].map((m) => DAY_NAMES[m[1]])
  const rest = p.replace(DAY_WORD, '').replace(/[、,，/]/g, '')
  return singles.length && !rest ? singles : null
}

function parseSpansText(text: string): string[] | null {
  const t = text.replace(/\s/g, '')
  if (/^(休息|关闭|闭馆|不营业)$/.test(t)) return []
  if (/^(24小时|全天|00:00-24:00)$/.test(t)) return ['00:00-24:00']
  const spans = t
    .replace(/[～~—–至到]/g, '-')
    .replace(/：/g, ':')
    .split(/[,，、]/)
    .filter(Boolean)
    .map((s) => s.replace(/^(\d):/, '0$1:').replace(/-(\d):/, '-0$1:'))
  return spans.length && spans.every((s) => parseSpan(s)) ? spans : null
}

export type HoursTextResult = { ok: true; week: string[][] } | { ok: false; error: string }

/**
 * Parses the text form. Segments are separated by ；/; or new lines; each is "<days> <spans>". Days not
 * named are closed; a later segment overrides an earlier one for the days it names.
 */
export function parseHoursText(text: string): HoursTextResult {
  const week: string[][] = Array.from({ length: 7 }, () => [])
  const segments = text
    .split(/[；;\n|]/)
    .map((s) => s.trim())
    .filter(Boolean)
  if (!segments.length) return { ok: false, error: '请填写营业时间，如“每天 08:00-20:00”' }
  for (const segment of segments) {
    const m = /^(\S+?)\s*((?:\d|24小时|全天|休息|关闭|闭馆|不营业).*)$/.exec(segment)
    const days = m ? parseDays(m[1]) : null
    const spans = m ? parseSpansText(m[2]) : null
    if (!days || !spans) return { ok: false, error: `营业时间“${segment}”无法识别，请写成“周一至周五 08:30-17:30”` }
    for (const d of days) week[d] = spans
  }
  const problems = checkWeek(week)
  return problems.length ? { ok: false, error: problems[0] } : { ok: true, week }
}
