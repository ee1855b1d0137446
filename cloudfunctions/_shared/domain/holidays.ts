// China public holidays and working days (Asia/Shanghai calendar days), shared by the life circle's opening
// hours and deliberation's 公示 period.
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

const shiftDate = (date: string, days: number) => dayjs.utc(date).add(days, 'day').format('YYYY-MM-DD')

/**
 * Days off by the State Council's notices (国务院办公厅关于部分节假日安排的通知). 2025 and 2026 are the
 * published arrangements; 2027 holds the statutory days only (lunar dates computed) until the notice for
 * 2027 is published — extend the spans then. Make-up working days (调休上班) are not modelled: a facility
 * that closes on holidays keeps its usual weekly schedule on those days.
 */
const HOLIDAY_SPANS: ReadonlyArray<[from: string, to: string, name: string]> = [
  ['2025-01-01', '2025-01-01', '元旦'],
  ['2025-01-28', '2025-02-04', '春节'],
  ['2025-04-04', '2025-04-06', '清明节'],
  ['2025-05-01', '2025-05-05', '劳动节'],
  ['2025-05-31', '2025-06-02', '端午节'],
  ['2025-10-01', '2025-10-08', '国庆节、中秋节'],
  ['2026-01-01', '2026-01-03', '元旦'],
  ['2026-02-15', '2026-02-23', '春节'],
  ['2026-04-04', '2026-04-06', '清明节'],
  ['2026-05-01', '2026-05-05', '劳动节'],
  ['2026-06-19', '2026-06-21', '端午节'],
  ['2026-09-25', '2026-09-27', '中秋节'],
  ['2026-10-01', '2026-10-07', '国庆节'],
  ['2027-01-01', '2027-01-01', '元旦'],
  ['2027-02-05', '2027-02-08', '春节'],
  ['2027-04-05', '2027-04-05', '清明节'],
  ['2027-05-01', '2027-05-02', '劳动节'],
  ['2027-06-09', '2027-06-09', '端午节'],
  ['2027-09-15', '2027-09-15', '中秋节'],
  ['2027-10-01', '2027-10-03', '国庆节']
]

function expandHolidays(spans: typeof HOLIDAY_SPANS): ReadonlyMap<string, string> {
  const days = new Map<string, string>()
  for (const [from, to, name] of spans) {
    for (let d = from; d <= to; d = shiftDate(d, 1)) days.set(d, name)
  }
  return days
}

/** YYYY-MM-DD (Asia/Shanghai) → holiday name. */
export const CHINA_HOLIDAYS: ReadonlyMap<string, string> = expandHolidays(HOLIDAY_SPANS)

export const holidayOn = (date: string, holidays: ReadonlyMap<string, string> = CHINA_HOLIDAYS): string | null => holidays.get(date) ?? null

// --- working days --------------------------------------------------------------------------------

const CST_MS = 8 * 3_600_000

/** The China calendar day of a moment, "YYYY-MM-DD". */
export const chinaDay = (at: Date): string => new Date(at.getTime() + CST_MS).toISOString().slice(0, 10)

/** Whether a China calendar day is a working day: Monday to Friday and not a public holiday (调休 not modelled). */
export function isWorkingDay(day: string, holidays: ReadonlyMap<string, string> = CHINA_HOLIDAYS): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay()
  return weekday !== 0 && weekday !== 6 && !holidays.has(day)
}

/**
 * The end of a period of `days` full working days starting the day after `from` (China time): the moment
 * (midnight China time) after the last of them. 公示 published on a Friday for 5 working days runs Monday to
 * Friday of the next week and ends at the following Saturday 00:00.
 */
export function addWorkingDays(from: Date, days: number, holidays: ReadonlyMap<string, string> = CHINA_HOLIDAYS): Date {
  let day = chinaDay(from)
  let left = days
  while (left > 0) {
    day = shiftDate(day, 1)
    if (isWorkingDay(day, holidays)) left--
  }
  return new Date(Date.parse(`${shiftDate(day, 1)}T00:00:00Z`) - CST_MS)
}
