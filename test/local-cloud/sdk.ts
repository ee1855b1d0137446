// The real wx-server-sdk in the test process, pointed at a local cloud started for the test file with the
// environment variables a function instance gets.

import { spawn, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import { useLocalCloud, type UseLocalCloudOptions } from '../support/cloud'
import type { LocalCloud } from '../../local-cloud'

export interface Sdk {
  cloud: LocalCloud
  sdk: any
  db: any
  _: any
  $: any
}

/** Points the SDK at a local cloud's admin endpoint (`cloud.adminUrl`, which carries the process's secret). */
export function pointSdkAt(adminUrl: string, envId = 'local-dev'): void {
  Object.assign(process.env, {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: adminUrl }),
    TENCENTCLOUD_SECRETID: 'test-id',
    TENCENTCLOUD_SECRETKEY: 'test-key',
    TENCENTCLOUD: 'true',
    SCF_NAMESPACE: envId,
    SILENCE: 'true'
  })
}

export function useSdk(opts: UseLocalCloudOptions = {}): { readonly current: Sdk } {
  const handle = useLocalCloud(opts)
  let current: Sdk | undefined
  beforeAll(() => {
    pointSdkAt(handle.cloud.adminUrl)
    const sdk = require('wx-server-sdk')
    sdk.init({ env: 'local-dev' })
    const db = sdk.database()
    current = { cloud: handle.cloud, sdk, db, _: db.command, $: db.command.aggregate }
  })
  return {
    get current() {
      if (!current) throw new Error('not started')
      return current
    }
  }
}

/** What a promise rejected with (fails the test if it resolved). */
export async function rejection(p: Promise<unknown>): Promise<any> {
  try {
    await p
  } catch (e) {
    return e
  }
  throw new Error('expected a rejection')
}

const REPO = resolve(__dirname, '..', '..')

/**
 * The local cloud's CLI as a child process, `node --import tsx local-cloud/cli.ts <args>` (not the tsx CLI,
 * which would run the server in a grandchild); resolves once it prints its address.
 */
export function startCli(
  args: string[],
  env: NodeJS.ProcessEnv = process.env
): Promise<{ child: ChildProcess; url: string; adminUrl: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'local-cloud/cli.ts', ...args], {
    cwd: REPO,
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  return new Promise((ok, fail) => {
    let out = ''
    const timer = setTimeout(() => fail(new Error(`the local cloud did not start: ${out}`)), 30_000)
    child.stdout!.on('data', (chunk) => {
      out += chunk
      const match = /open (http:\/\/127\.0\.0\.1:\d+)\/\n.*admin \(TCB protocol\): (\S+)\n/.exec(out)
      if (match) {
        clearTimeout(timer)
        ok({ child, url: match[1], adminUrl: match[2] })
      }
    })
    child.stderr!.on('data', (chunk) => (out += chunk))
    child.on('exit', (code) => fail(new Error(`the local cloud exited (${code}): ${out}`)))
  })
}

/** Stops a CLI child with SIGTERM and waits for it to exit. */
export async function stopCli(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r))
  child.kill('SIGTERM')
  await exited
}

/** A raw POST to the admin endpoint (`cloud.adminUrl`), as the SDK makes it. */
export async function admin(adminUrl: string, body: unknown): Promise<any> {
  const res = await fetch(adminUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body)
  })
  return { status: res.status, body: await res.json() }
}
