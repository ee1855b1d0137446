// Assessment years offered in the pickers: this year and the two before it (China Standard Time).
const CST_OFFSET_MS = 8 * 3600_000

export const currentYear = (now = new Date()) => String(new Date(now.getTime() + CST_OFFSET_MS).getUTCFullYear())

export const recentYears = (count = 3, now = new Date()) => Array.from({ length: count }, (_, i) => String(Number(currentYear(now)) - i))

/** "2026H2" → "2026年下半年" */
export { periodLabel as halfLabel } from '@contract/periods'
