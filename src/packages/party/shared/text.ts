// Text helpers of the party forms. Pure.

/** "法律 咨询，书法" → ['法律', '咨询', '书法'] */
export const splitTags = (s: string) =>
  s
    .split(/[\s,，、;；]+/)
    .map((t) => t.trim())
    .filter(Boolean)
