// A grid worker's patrol as the phone keeps it: the active one (so the screen resumes it after a restart,
// and works without network), and the server's patrol id of each start once it was sent — the check-points,
// the end and the reports made on a patrol started offline are sent after their start, with its id.
import Taro from '@tarojs/taro'

export interface ActivePatrol {
  /** The request id of the start: the patrol's name on the phone until the server's id is known. */
  startId: string
  patrolId: string | null
  gridId: string
  gridName: string
  startedAt: string
  /** Check-points made on the phone (sent or waiting). */
  points: number
}

const ACTIVE_KEY = 'llt.patrol'
const IDS_KEY = 'llt.patrolIds'

function read<T>(key: string, fallback: T): T {
  try {
    return (Taro.getStorageSync(key) as T | '') || fallback
  } catch {
    return fallback
  }
}

export const activePatrol = (owner: string): ActivePatrol | null => read<Record<string, ActivePatrol>>(ACTIVE_KEY, {})[owner] ?? null

export function setActivePatrol(owner: string, patrol: ActivePatrol | null): void {
  const all = { ...read<Record<string, ActivePatrol>>(ACTIVE_KEY, {}) }
  if (patrol) all[owner] = patrol
  else delete all[owner]
  Taro.setStorageSync(ACTIVE_KEY, all)
}

export const patrolIdFor = (startId: string): string | null => read<Record<string, string>>(IDS_KEY, {})[startId] ?? null

/** The server answered a start: remember its id, and give it to the active patrol it belongs to. */
export function rememberPatrolId(owner: string, startId: string, patrolId: string): void {
  Taro.setStorageSync(IDS_KEY, { ...read<Record<string, string>>(IDS_KEY, {}), [startId]: patrolId })
  const active = activePatrol(owner)
  if (active?.startId === startId && !active.patrolId) setActivePatrol(owner, { ...active, patrolId })
}
