// `npm run size`: bytes of the weapp main package and of each subpackage, and the main package as a
// ratio to an empty Taro React app built the same way in the same run (test/fixtures/empty-app).
// Both apps are built here, so the figures always describe the current source.
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { type Row } from '../bench/table'

const ROOT = path.resolve(__dirname, '..')
const EMPTY_APP = path.join(ROOT, 'test/fixtures/empty-app')
const TARO = path.join(ROOT, 'node_modules/.bin/taro')
const MB = 1024 * 1024

/** Files in the output that are not part of what WeChat uploads. */
const NOT_SHIPPED = /(^|\/)project(\.private)?\.config\.json$|\.LICENSE\.txt$|\.map$/

/** The error part of Taro's output, without its progress bar. */
function buildErrors(output: string): string {
  // eslint-disable-next-line no-control-regex -- strips terminal colour codes (ESC)
  const lines = output.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '').split('\n')
  const start = lines.findIndex((l) => l.includes('Errors'))
  return lines
    .slice(start >= 0 ? start : -40)
    .filter((l) => !/█|^\s*$/.test(l))
    .slice(0, 40)
    .join('\n')
}

function buildWeapp(appDir: string): string {
  const run = spawnSync(TARO, ['build', '--type', 'weapp'], {
    cwd: appDir,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' }
  })
  if (run.status !== 0) throw new Error(`taro build --type weapp failed in ${appDir}:\n${buildErrors(run.stdout + run.stderr)}`)
  return path.join(appDir, 'dist')
}

function files(dir: string, base = dir): Array<{ rel: string; bytes: number }> {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return files(full, base)
    return [{ rel: path.relative(base, full).split(path.sep).join('/'), bytes: statSync(full).size }]
  })
}

export interface PackageSizes {
  main: number
  subpackages: Record<string, number>
  total: number
}

/** Main package = everything outside the subpackage roots declared in app.json. */
export function measure(distDir: string): PackageSizes {
  const app = JSON.parse(readFileSync(path.join(distDir, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }> }
  const roots = (app.subPackages ?? []).map((s) => s.root.replace(/\/?$/, '/'))
  const sizes: PackageSizes = { main: 0, subpackages: Object.fromEntries(roots.map((r) => [r.slice(0, -1), 0])), total: 0 }
  for (const file of files(distDir)) {
    if (NOT_SHIPPED.test(file.rel)) continue
    const root = roots.find((r) => file.rel.startsWith(r))
    if (root) sizes.subpackages[root.slice(0, -1)] += file.bytes
    else sizes.main += file.bytes
    sizes.total += file.bytes
  }
  return sizes
}

export async function runSizeBench(): Promise<Row[]> {
  const empty = measure(buildWeapp(EMPTY_APP))
  const app = measure(buildWeapp(ROOT))
  return [
    { figure: 'empty Taro React app (weapp)', value: empty.main, unit: 'B' },
    {
      figure: 'weapp main package',
      value: app.main,
      unit: 'B',
      baseline: empty.main,
      ratio: Math.round((app.main / empty.main) * 100) / 100,
      target: '≤ 1.5× the empty app'
    },
    ...Object.entries(app.subpackages).map(([root, bytes]) => ({
      figure: `weapp subpackage ${root}`,
      value: bytes,
      unit: 'B',
      target: '< 2 MB (WeChat allows 2 MB per package)'
    })),
    { figure: 'weapp total', value: app.total, unit: 'B', target: '< 20 MB' }
  ]
}

function print(rows: Row[]): void {
  const width = Math.max(...rows.map((r) => r.figure.length))
  for (const r of rows) {
    const kb = `${(r.value / 1024).toFixed(1)} KB`.padStart(10)
    const vs = r.ratio !== undefined ? `  ${r.ratio.toFixed(2)}× of ${(r.baseline! / 1024).toFixed(1)} KB` : ''
    const target = r.target ? `  (target ${r.target})` : ''
    console.log(`${r.figure.padEnd(width)}  ${String(r.value).padStart(9)} ${r.unit}${kb}${vs}${target}`)
  }
  const over = rows.filter((r) => r.figure.startsWith('weapp subpackage') && r.value >= 2 * MB)
  if (over.length) console.log(`over the 2 MB package limit: ${over.map((r) => r.figure).join(', ')}`)
}

if (require.main === module) {
  runSizeBench().then(print, (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
