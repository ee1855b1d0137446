// Stock holds: how a redemption takes stock from a popular item without a transaction on the goods
// document (see docs/points.md, "Hot-item redemption"). A hold `stockHolds/<orderId>` is written first;
// each attempt at it takes the stock with one conditional update of the goods that also pushes the
// attempt's token onto `goods.holds`, so "was the stock taken?" is answered by the goods document itself.
// These rules decide what becomes of a token; the handlers and the recovery timer apply them.

export type HoldState = 'open' | 'done' | 'released'

export interface HoldRef {
  _id: string
  attempt: number
  state: HoldState
  createdAt: Date
}

/** How long a hold may stay open before the recovery pass settles it: twice the function timeout. */
export const HOLD_GRACE_MS = 120_000

/** The token an attempt pushes onto `goods.holds`: the hold's id and the attempt number. */
export const holdToken = (holdId: string, attempt: number) => `${holdId}#${attempt}`

export function parseHoldToken(token: string): { holdId: string; attempt: number } | null {
  const at = token.lastIndexOf('#')
  const attempt = Number(token.slice(at + 1))
  if (at <= 0 || !Number.isInteger(attempt) || attempt < 1) return null
  return { holdId: token.slice(0, at), attempt }
}

export const isStale = (hold: Pick<HoldRef, 'createdAt'>, now: Date) => now.getTime() - hold.createdAt.getTime() > HOLD_GRACE_MS

/**
 * What to do with a token found on the goods: `keep` while its attempt may still be running, `drop` it
 * (the stock went into the order) once the attempt's order is written, `giveBack` the stock when the
 * attempt was released or superseded (attempts only advance after a release) or the hold is gone.
 */
export function settleToken(hold: HoldRef | null, attempt: number): 'keep' | 'drop' | 'giveBack' {
  if (!hold || hold.attempt !== attempt) return 'giveBack'
  if (hold.state === 'done') return 'drop'
  if (hold.state === 'released') return 'giveBack'
  return 'keep'
}
