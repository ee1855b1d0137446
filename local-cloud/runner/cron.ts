// WeChat cloud timer triggers: seven-field cron (second minute hour day month weekday year), evaluated in
// Beijing time (UTC+8) as the cloud does.

interface FieldSpec {
  min: number
  max: number
  names?: string[]
}

const FIELDS: FieldSpec[] = [
  { min: 0, max: 59 },
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] },
  { min: 0, max: 7, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
  { min: 1970, max: 2099 }
]

export interface Cron {
  sets: Array<Set<number> | null>
}

function parseValue(text: string, spec: FieldSpec): number {
  const named = spec.names?.indexOf(text.toUpperCase()) ?? -1
  const n = named >= 0 ? named + (spec.min === 1 ? 1 : 0) : Number(text)
  if (!Number.isInteger(n) || n < spec.min || n > spec.max) throw new Error(`cron value out of range: ${text}`)
  return n
}

function parseField(text: string, spec: FieldSpec): Set<number> | null {
  if (text === '*' || text === '?') return null
  const values = new Set<number>()
  for (const item of text.split(',')) {
    const [range, stepText] = item.split('/')
    const step = stepText === undefined ? 1 : Number(stepText)
    if (!Number.isInteger(step) || step < 1) throw new Error(`bad cron step: ${item}`)
    let from = spec.min
    let to = spec.max
    if (range !== '*') {
      const [a, b] = range.split('-')
      from = parseValue(a, spec)
      to = b === undefined ? (stepText === undefined ? from : spec.max) : parseValue(b, spec)
    }
    for (let v = from; v <= to; v += step) values.add(spec.max === 7 && v === 7 ? 0 : v)
  }
  return values
}

export function parseCron(expr: string): Cron {
  const parts = expr.trim().split(/\s+/)
  if (parts.length < 6 || parts.length > 7) throw new Error(`a timer needs 7 cron fields (s m h day month weekday year): ${expr}`)
  return { sets: parts.map((p, i) => parseField(p, FIELDS[i])) }
}

const BEIJING_OFFSET_MS = 8 * 3_600_000

export function cronMatches(cron: Cron, at: Date): boolean {
  const t = new Date(at.getTime() + BEIJING_OFFSET_MS)
  const values = [
    t.getUTCSeconds(),
    t.getUTCMinutes(),
    t.getUTCHours(),
    t.getUTCDate(),
    t.getUTCMonth() + 1,
    t.getUTCDay(),
    t.getUTCFullYear()
  ]
  return cron.sets.every((set, i) => set === null || set.has(values[i]))
}
