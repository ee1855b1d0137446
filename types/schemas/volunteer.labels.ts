// Constants of volunteer service that the app shows. No zod here, so pages import them without bringing
// the schemas into their bundle; volunteer.ts re-exports them.

export type ActivityPhase = 'upcoming' | 'ongoing' | 'ended' | 'finished'
export const ACTIVITY_PHASE_LABELS: Record<ActivityPhase, string> = {
  upcoming: '未开始',
  ongoing: '进行中',
  ended: '已结束',
  finished: '已结项'
}
