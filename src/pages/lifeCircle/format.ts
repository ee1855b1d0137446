// How distances and walking times read on the life-circle screens.
import { formatDistance as formatMeters } from '@/utils/distance'

export const formatDistance = (meters: number): string => (meters < 10 ? '10米内' : formatMeters(meters))

export const formatWalk = (distance: number, walkMinutes: number): string => `${formatDistance(distance)} · 步行约${walkMinutes}分钟`

export const formatShare = (share: number): string => `${(Math.round(share * 1000) / 10).toFixed(1)}%`
