// The real wx-server-sdk in the test process, pointed at a local cloud started for the test file with the
// environment variables a function instance gets.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { useLocalCloud, type UseLocalCloudOptions } from '../support/cloud'
import type { LocalCloud } from '../../local-cloud'

export interface Sdk {
  cloud: LocalCloud
  sdk: any
  db: any
  _: any
  $: any
}

export function pointSdkAt(url: string, envId = 'local-dev'): void {
  Object.assign(process.env, {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${url}/admin` }),
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
    pointSdkAt(handle.cloud.url)
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

/** A raw POST to the admin endpoint, as the SDK makes it. */
export async function admin(url: string, body: unknown): Promise<any> {
  const res = await fetch(`${url}/admin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) })
  return { status: res.status, body: await res.json() }
}
