// `npm run bench`: every benchmark, one after another (they share the machine, so never in parallel),
// then one table of figure, value, baseline, ratio and target. Benchmarks print; they never fail on timing.
// `npm run bench -- local-cloud points` runs only the named ones.
import { printRows, type Row } from './table'

type Bench = () => Promise<Row[]>

const BENCHES: Record<string, () => Promise<Bench>> = {
  'local-cloud': async () => (await import('./local-cloud')).runLocalCloudBench,
  lifeCircle: async () => (await import('./lifeCircle')).runLifeCircleBench,
  points: async () => (await import('./points')).runPointsBench,
  workbench: async () => (await import('./workbench')).runWorkbenchBench,
  report: async () => (await import('./report')).runReportBench,
  h5: async () => (await import('./h5')).runH5Bench,
  size: async () => (await import('../scripts/size')).runSizeBench
}

async function main(): Promise<void> {
  const only = process.argv.slice(2)
  const unknown = only.filter((name) => !(name in BENCHES))
  if (unknown.length) throw new Error(`unknown bench: ${unknown.join(', ')} (known: ${Object.keys(BENCHES).join(', ')})`)
  const rows: Array<Row & { bench: string }> = []
  for (const [name, load] of Object.entries(BENCHES)) {
    if (only.length && !only.includes(name)) continue
    const started = Date.now()
    console.log(`\n▶ ${name}`)
    const run = await load()
    const got = await run()
    printRows(got)
    console.log(`✔ ${name} (${((Date.now() - started) / 1000).toFixed(0)} s)`)
    rows.push(...got.map((r) => ({ ...r, bench: name })))
  }
  console.log('\nAll figures (machine shared and noisy: compare ratios, medians):\n')
  printRows(rows)
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e)
    process.exit(1)
  }
)
