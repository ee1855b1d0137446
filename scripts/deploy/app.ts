// The mini-program upload through WeChat's official miniprogram-ci, run with npx at a pinned version
// rather than installed: it brings ~1 100 packages (275 MB, a compiler toolchain of its own) and one of
// them (less 4.5.1) tries to download browsers in its install script, which `npm ci` in CI must not do.
// A developer's machine fetches it from the npm registry on the first upload.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import type { AppUpload } from './plan'

export const MINIPROGRAM_CI = 'miniprogram-ci@2.1.42'

/** The command line of an upload (project.config.json's settings apply: es6 off, miniprogramRoot dist/). */
export function uploadCommand(app: AppUpload): string[] {
  return [
    'npx',
    '--yes',
    MINIPROGRAM_CI,
    'upload',
    '--appid',
    app.appid,
    '--project-path',
    app.projectPath,
    '--private-key-path',
    app.privateKeyPath,
    '--upload-version',
    app.version,
    '--upload-description',
    app.desc,
    '--robot',
    String(app.robot),
    '--use-project-config',
    '--verbose',
    'false'
  ]
}

/** Why an upload cannot run on this machine, or null. */
export function appProblem(app: AppUpload): string | null {
  if (!app.appid || app.appid === 'touristappid') return 'no AppID: set MP_APPID or the appid of project.config.json'
  if (!existsSync(app.privateKeyPath))
    return `no upload key at ${app.privateKeyPath}: download it (mp.weixin.qq.com → 开发管理 → 小程序代码上传) and put it there or set MP_PRIVATE_KEY_PATH`
  return null
}

export function uploadApp(app: AppUpload): void {
  const [cmd, ...args] = uploadCommand(app)
  const res = spawnSync(cmd, args, { stdio: 'inherit' })
  if (res.status !== 0) throw new Error(`miniprogram-ci upload failed (exit ${res.status ?? res.signal})`)
}
