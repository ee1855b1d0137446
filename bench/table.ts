// The row every benchmark reports, and the one table `npm run bench` prints.
export interface Row {
  figure: string
  value: number
  unit: string
  baseline?: number
  ratio?: number
  target?: string
}

const cellsOf = (r: Row & { bench?: string }) => [
  ...(r.bench !== undefined ? [r.bench] : []),
  r.figure,
  `${r.value} ${r.unit}`,
  r.baseline === undefined ? '' : `${r.baseline}`,
  r.ratio === undefined ? '' : `${r.ratio}×`,
  r.target ?? ''
]

/** Prints rows as an aligned table (with a leading "bench" column when the rows carry one). */
export function printRows(rows: Array<Row & { bench?: string }>): void {
  const withBench = rows.some((r) => r.bench !== undefined)
  const header = [...(withBench ? ['bench'] : []), 'figure', 'value', 'baseline', 'ratio', 'target']
  const cells = rows.map((r) => cellsOf(withBench ? { ...r, bench: r.bench ?? '' } : r))
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => [...c[i]].length)))
  const line = (c: string[]) => c.map((x, i) => x + ' '.repeat(widths[i] - [...x].length)).join(' | ')
  console.log(line(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'))
  for (const c of cells) console.log(line(c))
}
