// Makes sure Debian's Chromium (and a Chinese font, so screenshots are readable) is installed for the
// e2e tests; quiet and idempotent when both already are. CI machines are fresh Debian with root, so
// apt-get is the installer (never `playwright install`).
import { execSync } from 'node:child_process'
import { existsSync } from 'node:fs'

export const CHROMIUM_PATH = '/usr/bin/chromium'
const CJK_FONT = '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc'

export function ensureChromium(): string {
  const missing = [!existsSync(CHROMIUM_PATH) && 'chromium', !existsSync(CJK_FONT) && 'fonts-wqy-zenhei'].filter((p): p is string =>
    Boolean(p)
  )
  if (missing.length === 0) return CHROMIUM_PATH
  console.log(`[ensure-chromium] installing ${missing.join(' ')} with apt-get …`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  execSync(`apt-get update -qq && apt-get install -y -qq ${missing.join(' ')}`, { stdio: 'inherit', env })
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`chromium still missing at ${CHROMIUM_PATH} after apt-get install`)
  return CHROMIUM_PATH
}

if (require.main === module) ensureChromium()
