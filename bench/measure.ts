// Timing helpers the gateway benchmarks share: one call through the local gateway, timed, and a nearest-rank
// percentile.
import { performance } from 'node:perf_hooks'
import type { LocalCloud } from '../local-cloud'

/** Milliseconds for one call of `fn.action` through the gateway, as the h5 app makes it; throws on a refusal. */
export async function timedCall(cloud: LocalCloud, fn: string, action: string, data: unknown, openid: string): Promise<number> {
  const t0 = performance.now()
  const res = await fetch(`${cloud.url}/api/functions/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
    body: JSON.stringify({ action, data })
  })
  const answer = (await res.json()) as { ok: boolean; error?: { message: string } }
  const ms = performance.now() - t0
  if (!answer.ok) throw new Error(`${fn}.${action} failed: ${answer.error?.message}`)
  return ms
}

/** The nearest-rank percentile `p` (0–100) of `xs`. */
export const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}
