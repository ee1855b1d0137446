// Text helpers shared by the party forms. Pure.

/** Characters as the server counts them (code points). */
export const charCount = (s: string) => [...s].length

/** "法律 咨询，书法" → ['法律', '咨询', '书法'] */
export const splitTags = (s: string) =>
  s
    .split(/[\s,，、;；]+/)
    .map((t) => t.trim())
    .filter(Boolean)
