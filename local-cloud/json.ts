// JSON from clients, refused before it is parsed when nested deeper than a limit. JSON.parse copes with
// any depth, but what follows does not: the structured clone that hands an event to a worker, EJSON,
// mingo and JSON.stringify all recurse, and 10 000 levels overflow the stack.

/** The deepest nesting accepted: the gateway's `{ action, data }` bodies, and every JSON text of the admin
 *  protocol (the body, each EJSON query, document, update and stage, function request data). Real payloads
 *  stay far below: an EJSON query with nested operators and dates is about 10 levels deep. */
export const MAX_DEPTH = { gateway: 64, admin: 128 } as const

export class TooDeep extends Error {
  constructor(readonly limit: number) {
    super(`JSON nested deeper than ${limit} levels`)
  }
}

const QUOTE = 34
const BACKSLASH = 92
const OPENERS = new Set([91, 123]) // [ {
const CLOSERS = new Set([93, 125]) // ] }

/** Whether JSON text nests arrays and objects deeper than `limit`; brackets inside strings do not count. */
export function nestedDeeperThan(text: string, limit: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === BACKSLASH) i++
      else if (c === QUOTE) inString = false
    } else if (c === QUOTE) inString = true
    else if (OPENERS.has(c)) {
      if (++depth > limit) return true
    } else if (CLOSERS.has(c)) depth--
  }
  return false
}

/** JSON.parse, after refusing text nested deeper than `limit` (TooDeep). */
export function parseJsonWithin(text: string, limit: number): unknown {
  if (nestedDeeperThan(text, limit)) throw new TooDeep(limit)
  return JSON.parse(text)
}
