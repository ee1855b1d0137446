// h5 bundle figures: the JavaScript a first visit loads (the demo login, then 生活圈) gzipped, the whole
// dist-h5 JavaScript and its chunk count. The first screen is what Chromium actually requests from the
// local cloud while a resident signs in; sizes are the files gzipped at level 9, so the figure does not
// depend on whether the server compresses. Builds the h5 app first (`--no-build`: measure dist-h5 as is).
//
//   npx tsx bench/h5.ts [--no-build]
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { signInAs } from '../test/e2e/support/app'
import { ROOT, startHarness } from '../test/e2e/support/harness'
import { printRows, type Row } from './table'

const DIST = path.join(ROOT, 'dist-h5')
const KB = 1024

/** Measured with this bench on main at ca7fe69, before the shared chunks (issue 14). */
export const BEFORE = { firstScreenGzipKB: 378.9, firstScreenScripts: 4, totalKB: 27421.8, chunks: 64 }

const gzipBytes = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length
const kb = (bytes: number) => Math.round((bytes / KB) * 10) / 10

function buildH5(): void {
  const run = spawnSync(path.join(ROOT, 'node_modules/.bin/taro'), ['build', '--type', 'h5'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' }
  })
  if (run.status !== 0) throw new Error(`taro build --type h5 failed:\n${(run.stdout + run.stderr).slice(-4000)}`)
}

/** Every script of the build, relative to dist-h5 (e.g. js/app.1a2b3c4d.js). */
function scripts(): string[] {
  const dir = path.join(DIST, 'js')
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => `js/${f}`)
}

/** The scripts Chromium requests from opening the app to 生活圈 shown after the demo sign-in. */
async function firstScreenScripts(): Promise<string[]> {
  const h = await startHarness()
  try {
    const loaded = new Set<string>()
    h.page.on('request', (request) => {
      const url = new URL(request.url())
      if (url.pathname.endsWith('.js')) loaded.add(url.pathname.slice(1))
    })
    await h.open()
    await h.page.getByText('选择一个身份进入', { exact: false }).waitFor()
    await signInAs(h.page, '王秀英')
    await h.page.waitForURL(/#\/pages\/lifeCircle\/index/)
    await h.page.locator('.llt-page:visible').getByText('生活圈').first().waitFor()
    await h.page.waitForLoadState('networkidle')
    return [...loaded]
  } finally {
    await h.stop()
  }
}

export async function measureH5(): Promise<{ firstScreen: string[]; firstScreenGzip: number; total: number; chunks: number }> {
  const all = scripts()
  const firstScreen = await firstScreenScripts()
  const firstScreenGzip = firstScreen.reduce((sum, f) => sum + gzipBytes(path.join(DIST, f)), 0)
  const total = all.reduce((sum, f) => sum + readFileSync(path.join(DIST, f)).length, 0)
  return { firstScreen, firstScreenGzip, total, chunks: all.length }
}

export async function runH5Bench({ build = true } = {}): Promise<Row[]> {
  if (build) buildH5()
  const m = await measureH5()
  const ratio = (now: number, before: number) => Math.round((now / before) * 100) / 100
  return [
    {
      figure: `h5 first screen (login → 生活圈), ${m.firstScreen.length} scripts, gzipped`,
      value: kb(m.firstScreenGzip),
      unit: 'KB',
      baseline: BEFORE.firstScreenGzipKB,
      ratio: ratio(kb(m.firstScreenGzip), BEFORE.firstScreenGzipKB),
      target: '≤ 150 KB (baseline: main before issue 14)'
    },
    {
      figure: 'h5 dist-h5 JavaScript total (raw)',
      value: kb(m.total),
      unit: 'KB',
      baseline: BEFORE.totalKB,
      ratio: ratio(kb(m.total), BEFORE.totalKB),
      target: '≤ 4096 KB (baseline: main before issue 14)'
    },
    { figure: 'h5 scripts in dist-h5', value: m.chunks, unit: 'files', baseline: BEFORE.chunks }
  ]
}

if (require.main === module) {
  const build = !process.argv.includes('--no-build')
  runH5Bench({ build })
    .then(printRows)
    .then(() => process.exit(0))
    .catch((e) => {
      console.error(e)
      process.exit(1)
    })
}
