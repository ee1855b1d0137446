// h5 bundle figures: the JavaScript a first visit loads (the demo login, then 生活圈) gzipped, the whole
// dist-h5 JavaScript and its script count, each against the same figure of an empty Taro React app built
// for h5 the same way in the same run (test/fixtures/empty-app: config/build.ts's minifier and code
// splitting, one page): what Taro, React and the router cost before the app adds anything. The first screen
// is what Chromium actually requests from the local cloud while a resident signs in; the empty app's is all
// of its scripts (it has one page). Sizes are the files gzipped at level 9, so the figures do not depend on
// whether the server compresses. The first screen's stylesheets are printed too (Taro's component styles are
// a stylesheet, not a script: config/build.ts). Builds both apps first (`--no-build`: measure dist-h5 as is).
//
//   npx tsx bench/h5.ts [--no-build]
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { signInAs } from '../test/e2e/support/app'
import { ROOT, startHarness } from '../test/e2e/support/harness'
import { printRows, type Row } from './table'

const DIST = path.join(ROOT, 'dist-h5')
const EMPTY_APP = path.join(ROOT, 'test/fixtures/empty-app')
const EMPTY_DIST = path.join(EMPTY_APP, 'dist-h5')
const KB = 1024

/** Measured with this bench on main at ca7fe69, before the shared chunks (issue 14); printed in the targets. */
export const BEFORE = { firstScreenGzipKB: 378.9, totalKB: 27421.8 }

const gzipBytes = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length
const kb = (bytes: number) => Math.round((bytes / KB) * 10) / 10
const sum = (files: string[], size: (file: string) => number) => files.reduce((total, f) => total + size(f), 0)
const rawBytes = (file: string) => readFileSync(file).length

function buildH5(appDir: string): void {
  const run = spawnSync(path.join(ROOT, 'node_modules/.bin/taro'), ['build', '--type', 'h5'], {
    cwd: appDir,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' }
  })
  if (run.status !== 0) throw new Error(`taro build --type h5 failed in ${appDir}:\n${(run.stdout + run.stderr).slice(-4000)}`)
}

/** Every file of a build ending in `ext`, as paths (e.g. …/dist-h5/js/app.1a2b3c4d.js). */
function filesOf(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return filesOf(full, ext)
    return entry.name.endsWith(ext) ? [full] : []
  })
}

/** The scripts and stylesheets Chromium requests from opening the app to 生活圈 shown after the demo sign-in. */
async function firstScreenFiles(): Promise<{ scripts: string[]; styles: string[] }> {
  const h = await startHarness()
  try {
    const loaded = new Set<string>()
    h.page.on('request', (request) => {
      const url = new URL(request.url())
      if (/\.(js|css)$/.test(url.pathname)) loaded.add(path.join(DIST, url.pathname.slice(1)))
    })
    await h.open()
    await h.page.getByText('选择一个身份进入', { exact: false }).waitFor()
    await signInAs(h.page, '王秀英')
    await h.page.waitForURL(/#\/pages\/lifeCircle\/index/)
    await h.page.locator('.llt-page:visible').getByText('生活圈').first().waitFor()
    await h.page.waitForLoadState('networkidle')
    return { scripts: [...loaded].filter((f) => f.endsWith('.js')), styles: [...loaded].filter((f) => f.endsWith('.css')) }
  } finally {
    await h.stop()
  }
}

export interface H5Figures {
  firstScreen: string[]
  firstScreenGzip: number
  firstScreenCssGzip: number
  total: number
  scripts: number
}

export async function measureH5(): Promise<H5Figures> {
  const all = filesOf(DIST, '.js')
  const { scripts, styles } = await firstScreenFiles()
  return {
    firstScreen: scripts,
    firstScreenGzip: sum(scripts, gzipBytes),
    firstScreenCssGzip: sum(styles, gzipBytes),
    total: sum(all, rawBytes),
    scripts: all.length
  }
}

/** The empty app shows its one page at start, so its first screen is every script and stylesheet it has. */
export function measureEmptyH5(): H5Figures {
  const scripts = filesOf(EMPTY_DIST, '.js')
  return {
    firstScreen: scripts,
    firstScreenGzip: sum(scripts, gzipBytes),
    firstScreenCssGzip: sum(filesOf(EMPTY_DIST, '.css'), gzipBytes),
    total: sum(scripts, rawBytes),
    scripts: scripts.length
  }
}

export async function runH5Bench({ build = true } = {}): Promise<Row[]> {
  if (build || !existsSync(path.join(EMPTY_DIST, 'index.html'))) buildH5(EMPTY_APP)
  if (build) buildH5(ROOT)
  const empty = measureEmptyH5()
  const app = await measureH5()
  const row = (figure: string, pick: (m: H5Figures) => number, unit: string, target?: string): Row => {
    const [value, baseline] = unit === 'KB' ? [kb(pick(app)), kb(pick(empty))] : [pick(app), pick(empty)]
    return { figure, value, unit, baseline, ratio: Math.round((value / baseline) * 100) / 100, ...(target ? { target } : {}) }
  }
  return [
    row(
      `h5 first screen (login → 生活圈), ${app.firstScreen.length} scripts, gzipped; baseline: empty Taro app`,
      (m) => m.firstScreenGzip,
      'KB',
      `≤ 150 KB (before issue 14: ${BEFORE.firstScreenGzipKB} KB)`
    ),
    row('h5 first screen stylesheets, gzipped; baseline: empty Taro app', (m) => m.firstScreenCssGzip, 'KB'),
    row(
      'h5 dist-h5 JavaScript total (raw); baseline: empty Taro app',
      (m) => m.total,
      'KB',
      `≤ 4096 KB (before issue 14: ${BEFORE.totalKB} KB)`
    ),
    row('h5 scripts in dist-h5; baseline: empty Taro app', (m) => m.scripts, 'files')
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
