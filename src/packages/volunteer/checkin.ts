// Reading a scanned check-in code on the client: which activity it belongs to (the server verifies it);
// and which check-in tools staff have for an activity.
import type { ActivityPhase, CheckinMode } from '@contract/schemas/volunteer.labels'
import { pageUrl } from '@/routes'
const CHECKIN_CODE = /^LLT-CHECKIN:([A-Za-z0-9_-]{1,64})\.\d{1,12}\.[A-Za-z0-9_-]+$/

/** The activity a scanned check-in code names, or null when it is not a check-in code. */
export function activityIdOf(scanned: string): string | null {
  return CHECKIN_CODE.exec(scanned.trim())?.[1] ?? null
}

export interface CheckinTool {
  title: string
  description: string
  url: string
}

/** The live check-in tools staff have for an activity by its mode; none once it is closed (结项). */
export function staffCheckinTools(a: { id: string; phase: ActivityPhase; checkinMode: CheckinMode }): CheckinTool[] {
  if (a.phase === 'finished') return []
  const scan = {
    title: '扫志愿者签到码',
    description: '志愿者出示“我的签到码”，扫码签到、签退',
    url: pageUrl('workbench', 'activityScan', { id: a.id })
  }
  if (a.checkinMode === 'staffScan') return [scan]
  return [
    { title: '出示签到码', description: '每30秒自动更新，志愿者自己扫码', url: pageUrl('workbench', 'activityCode', { id: a.id }) },
    scan
  ]
}
