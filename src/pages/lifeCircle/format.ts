// How distances and walking times read on the life-circle screens.
import { formatDistance as formatMetres } from '@/utils/distance'

export const formatDistance = (metres: number): string => (metres < 10 ? '10米内' : formatMetres(metres))

export const formatWalk = (distance: number, walkMinutes: number): string => `${formatDistance(distance)} · 步行约${walkMinutes}分钟`

export const formatShare = (share: number): string => `${(Math.round(share * 1000) / 10).toFixed(1)}%`
