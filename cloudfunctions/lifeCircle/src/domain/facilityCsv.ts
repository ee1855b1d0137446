// Bulk import of facilities from CSV: parse with papaparse, validate every row, and explain every rejection
// in a sentence staff can act on (missing coordinates, outside China, unknown category, duplicates within
// the file or against facilities already in the database).
import Papa from 'papaparse'
import { FACILITY_CSV_COLUMNS, FACILITY_CSV_REQUIRED, FACILITY_CSV_TEMPLATE, type FacilityCsvColumn } from '../../../../types/lifeCircleCsv'
import { CHINA_BOUNDS } from '../../../../types/schemas/common'
import type { FacilityCategory } from '../../../../types/enums'
import { categoryByName, dedupeKeyOf } from './facility'
import { parseHoursText } from './hours'

export const MAX_IMPORT_ROWS = 1000

const COLUMNS = FACILITY_CSV_COLUMNS
type Column = FacilityCsvColumn
const REQUIRED = FACILITY_CSV_REQUIRED

export interface FacilityRow {
  /** Line in the file (the heading is line 1). */
  line: number
  name: string
  category: FacilityCategory
  lat: number
  lng: number
  address: string
  phone: string
  week: string[][]
  holidaysClosed: boolean
  services: string[]
  dedupeKey: string
}

export interface RejectedRow {
  line: number
  name: string
  reasons: string[]
}

export type CsvParse = { ok: true; rows: FacilityRow[]; rejected: RejectedRow[]; total: number } | { ok: false; error: string }

const norm = (s: string) =>
  s
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()

function mapHeader(header: string[]): { index: Partial<Record<Column, number>>; missing: Column[] } {
  const index: Partial<Record<Column, number>> = {}
  header.forEach((h, i) => {
    const col = (Object.keys(COLUMNS) as Column[]).find((c) => (COLUMNS[c] as readonly string[]).includes(norm(h)))
    if (col && index[col] === undefined) index[col] = i
  })
  return { index, missing: REQUIRED.filter((c) => index[c] === undefined) }
}

const PHONE = /^[0-9+\-() ]{5,20}$/
const YES = new Set(['是', 'y', 'yes', 'true', '1', '休息'])
const NO = new Set(['', '否', 'n', 'no', 'false', '0', '不休息'])

function parseCoordinate(raw: string): number | null | 'bad' {
  const t = raw.trim()
  if (!t) return null
  const n = Number(t)
  return Number.isFinite(n) ? n : 'bad'
}

const inChina = (lat: number, lng: number) =>
  lat >= CHINA_BOUNDS.minLat && lat <= CHINA_BOUNDS.maxLat && lng >= CHINA_BOUNDS.minLng && lng <= CHINA_BOUNDS.maxLng

function coordinateReasons(lat: number | null | 'bad', lng: number | null | 'bad'): string[] {
  if (lat === null || lng === null) return ['缺少经纬度']
  if (lat === 'bad' || lng === 'bad') return ['经纬度格式不正确，应为数字，如 31.3350']
  if (!inChina(lat, lng)) return inChina(lng, lat) ? ['经纬度可能填反了（纬度在前、经度在后）'] : [`坐标（${lat}, ${lng}）不在中国境内`]
  return []
}

type Cells = (col: Column) => string

function validateRow(cell: Cells, line: number): FacilityRow | RejectedRow {
  const reasons: string[] = []
  const name = cell('name').normalize('NFC').trim()
  if (!name) reasons.push('缺少名称')
  else if ([...name].length > 50) reasons.push('名称不能超过50个字')

  const categoryText = cell('category').trim()
  const category = categoryText ? categoryByName(categoryText) : null
  if (!categoryText) reasons.push('缺少类别')
  else if (!category) reasons.push(`未知的设施类别“${categoryText}”`)

  const lat = parseCoordinate(cell('lat'))
  const lng = parseCoordinate(cell('lng'))
  reasons.push(...coordinateReasons(lat, lng))

  const hours = parseHoursText(cell('hours'))
  if (!hours.ok) reasons.push(hours.error)

  const holidayText = norm(cell('holidaysClosed'))
  if (!YES.has(holidayText) && !NO.has(holidayText)) reasons.push('“节假日休息”请填写“是”或“否”')

  const phone = cell('phone').trim()
  if (phone && !PHONE.test(phone)) reasons.push('电话格式不正确')
  const address = cell('address').trim()
  if ([...address].length > 100) reasons.push('地址不能超过100个字')

  if (reasons.length) return { line, name, reasons }
  const [la, ln] = [lat as number, lng as number]
  return {
    line,
    name,
    category: category!,
    lat: la,
    lng: ln,
    address,
    phone,
    week: (hours as { week: string[][] }).week,
    holidaysClosed: YES.has(holidayText),
    services: cell('services')
      .split(/[、,，;；|]/)
      .map((s) => s.trim())
      .filter(Boolean)
      .slice(0, 20),
    dedupeKey: dedupeKeyOf(name, la, ln)
  }
}

const isRejected = (r: FacilityRow | RejectedRow): r is RejectedRow => 'reasons' in r

/** Parses and validates the file; rows repeated within the file are rejected after their first occurrence. */
export function parseFacilityCsv(text: string): CsvParse {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false })
  const table = parsed.data
  const headerAt = table.findIndex((r) => r.some((c) => c.trim()))
  if (headerAt < 0) return { ok: false, error: '文件是空的' }
  const { index, missing } = mapHeader(table[headerAt])
  if (missing.length) {
    const names = missing.map((c) => COLUMNS[c][0]).join('、')
    return { ok: false, error: `缺少必需的列：${names}（第一行应为列名）` }
  }
  const body = table
    .map((cells, i) => ({ cells, line: i + 1 }))
    .slice(headerAt + 1)
    .filter((r) => r.cells.some((c) => c.trim()))
  if (body.length === 0) return { ok: false, error: '文件中没有数据行' }
  if (body.length > MAX_IMPORT_ROWS) return { ok: false, error: `一次最多导入${MAX_IMPORT_ROWS}行，请拆分文件` }

  const rows: FacilityRow[] = []
  const rejected: RejectedRow[] = []
  const firstLineOf = new Map<string, number>()
  for (const { cells, line } of body) {
    const cell: Cells = (col) => (index[col] === undefined ? '' : (cells[index[col]!] ?? ''))
    const row = validateRow(cell, line)
    if (isRejected(row)) {
      rejected.push(row)
      continue
    }
    const first = firstLineOf.get(row.dedupeKey)
    if (first !== undefined) {
      rejected.push({ line, name: row.name, reasons: [`与第${first}行重复（同名且位置相同）`] })
      continue
    }
    firstLineOf.set(row.dedupeKey, line)
    rows.push(row)
  }
  return { ok: true, rows, rejected, total: body.length }
}

/** Rejects rows whose facility already exists (an open facility with the same dedupe key). */
export function rejectExisting(
  rows: FacilityRow[],
  existing: ReadonlyMap<string, string>
): { rows: FacilityRow[]; rejected: RejectedRow[] } {
  const kept: FacilityRow[] = []
  const rejected: RejectedRow[] = []
  for (const row of rows) {
    const name = existing.get(row.dedupeKey)
    if (name === undefined) kept.push(row)
    else rejected.push({ line: row.line, name: row.name, reasons: [`与已有设施“${name}”重复`] })
  }
  return { rows: kept, rejected }
}

export { FACILITY_CSV_TEMPLATE as CSV_TEMPLATE }
