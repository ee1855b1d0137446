// A CSV file as the exports write it: UTF-8 with a BOM so Excel opens the Chinese, CRLF lines, and a
// formula-looking cell defused. Pure.
import Papa from 'papaparse'

export type Cell = string | number
/** A column: its heading and its cell of a row (the row's place in the file, from 0, for a 序号). */
export type Column<R> = readonly [heading: string, pick: (row: R, index: number) => Cell]

/** A spreadsheet never runs a cell: anything starting like a formula gets a leading apostrophe. */
export const safeCell = (v: Cell): Cell => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v)

export function toCsv<R>(columns: ReadonlyArray<Column<R>>, rows: readonly R[]): string {
  const data = rows.map((r, i) => columns.map(([, pick]) => safeCell(pick(r, i))))
  return '\uFEFF' + Papa.unparse({ fields: columns.map(([h]) => h), data }, { newline: '\r\n' })
}
