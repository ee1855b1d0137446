// How distances and walking times read on the life-circle screens.
export const formatDistance = (metres: number): string => {
  if (metres < 10) return '10米内'
  return metres < 1000 ? `${Math.round(metres)}米` : `${(Math.round(metres / 100) / 10).toFixed(1)}公里`
}

export const formatWalk = (distance: number, walkMinutes: number): string => `${formatDistance(distance)} · 步行约${walkMinutes}分钟`

export const formatShare = (share: number): string => `${(Math.round(share * 1000) / 10).toFixed(1)}%`
