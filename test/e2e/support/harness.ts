// The e2e harness: the local cloud (seeded demo district) serving the h5 build, and Debian's Chromium
// driven by playwright-core with a fresh profile. Build first: `npm run build:functions` and
// `npm run build:h5` (`npm test` does both).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { productCloud } from '../../../demo/cloud'
import { seedDemo } from '../../../demo'
import { startLocalCloud, type LocalCloud } from '../../../local-cloud'
import { ensureChromium } from '../../../scripts/ensure-chromium'
import { writeBlankCamera } from './y4m'

export const ROOT = path.resolve(__dirname, '../../..')
export const RESULTS_DIR = path.join(ROOT, 'test-results')

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

/** A phone-sized window near the demo district (Wuhu), with location allowed, as after a "允许" tap. */
const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
  geolocation: { latitude: 31.3526, longitude: 118.4331 },
  permissions: ['geolocation', 'camera']
}

export interface Harness {
  cloud: LocalCloud
  context: BrowserContext
  page: Page
  /** The video file Chromium's fake camera plays: write a code's video into it before a page opens the camera (y4m.ts). */
  cameraFile: string
  /** Console errors and uncaught page errors seen so far. */
  consoleErrors: string[]
  /** Opens a route of the h5 app, e.g. open('pages/mine/index'). */
  open: (route?: string) => Promise<void>
  screenshot: (name: string) => Promise<string>
  stop: () => Promise<void>
}

export async function startHarness(): Promise<Harness> {
  const staticDir = path.join(ROOT, 'dist-h5')
  if (!existsSync(path.join(staticDir, 'index.html'))) throw new Error('dist-h5/ is missing: run `npm run build:h5` first')
  const executablePath = ensureChromium()

  const tmp = mkdtempSync(path.join(tmpdir(), 'llt-e2e-'))
  const cameraFile = path.join(tmp, 'camera.y4m')
  writeBlankCamera(cameraFile)
  const cloud = await startLocalCloud({
    ...productCloud,
    port: 0,
    dataDir: path.join(tmp, 'data'),
    staticDir,
    seed: async (store, files) => void (await seedDemo(store, undefined, files)),
    quiet: true
  })
  let context: BrowserContext
  try {
    context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
      executablePath,
      args: [
        ...CHROMIUM_FLAGS,
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-video-capture=${cameraFile}`
      ],
      headless: true,
      ...PHONE
    })
  } catch (error) {
    await cloud.stop()
    throw error
  }
  const page = context.pages()[0] ?? (await context.newPage())
  const consoleErrors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${m.text()} (${m.location().url})`)
  })
  page.on('pageerror', (e) => consoleErrors.push(e.message))

  return {
    cloud,
    context,
    page,
    cameraFile,
    consoleErrors,
    async open(route = '') {
      // Always a full load: a bare hash change that lands while the app's router is still finishing the
      // sign-in relaunch can be dropped (seen under load as a workbench that never opened).
      await page.goto('about:blank')
      await page.goto(`${cloud.url}/${route ? `#/${route}` : ''}`)
    },
    async screenshot(name) {
      mkdirSync(RESULTS_DIR, { recursive: true })
      const file = path.join(RESULTS_DIR, `${name}.png`)
      await page.screenshot({ path: file, fullPage: false })
      return file
    },
    async stop() {
      await context.close().catch(() => undefined)
      await cloud.stop()
      rmSync(tmp, { recursive: true, force: true })
    }
  }
}

/**
 * Starts the harness before a test file's tests (handing it to `started`, which may also set it up) and
 * stops it after them, keeping a screenshot of the last screen as `<lastScreen>.png` in test-results/.
 */
export function useHarness(lastScreen: string, started: (h: Harness) => void | Promise<void>): void {
  let harness: Harness | undefined
  beforeAll(async () => {
    harness = await startHarness()
    await started(harness)
  })
  afterAll(async () => {
    if (!harness) return
    await harness.screenshot(lastScreen).catch(() => undefined)
    await harness.stop()
  })
}
