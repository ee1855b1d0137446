// The one normal form of text people type, applied by the contract's text schemas (schemas/common.ts)
// before any check, and the folded form the public-text guards compare. Pure; no zod, so the app and the
// functions share it.

/**
 * Characters that change nothing a reader sees but split what a check looks for: zero-width spaces and
 * joiners, bidi marks, embeddings, overrides and isolates, the word joiner and invisible operators, the
 * byte-order mark, the soft hyphen and the Mongolian vowel separator.
 */
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g

/** A UTF-16 surrogate without its pair (with the u flag a well-formed pair is one code point, never matched). */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u

/**
 * Full-width punctuation and currency signs of Chinese writing (，！？：；（）～￥…), kept as typed: NFKC would
 * turn them into their ASCII look-alikes, which no check needs. Full-width letters and digits are not here:
 * they become ASCII, so "１３８…" is a phone number to every check.
 */
const CJK_PUNCTUATION = /([\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF60\uFFE0-\uFFE6]+)/

export const hasLoneSurrogate = (s: string) => LONE_SURROGATE.test(s)

/**
 * What is stored and checked of any text a person typed: NFKC (but Chinese full-width punctuation), the
 * invisible characters removed. Call only on text without lone surrogates (the schemas refuse those).
 */
export function normalizeText(s: string): string {
  return s
    .replace(INVISIBLE, '')
    .split(CJK_PUNCTUATION)
    .map((part, i) => (i % 2 ? part : part.normalize('NFKC')))
    .join('')
}

/**
 * The form a guard compares (a phone number, a name, an address in public text): fully NFKC, invisible
 * characters and the separators people put inside numbers (spaces, dashes, dots, brackets) removed.
 */
export const foldForCheck = (s: string) =>
  s
    .replace(INVISIBLE, '')
    .normalize('NFKC')
    .replace(/[\s\-‐‑‒–—―.·・()]/g, '')
