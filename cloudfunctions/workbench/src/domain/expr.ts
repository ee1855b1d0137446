// Aggregation-expression building blocks for the figure pipelines ($group accumulators with conditions).
// Plain objects, the same for WeChat's cloud database and the local cloud. Pure.
import type { Range } from './periods'

type Expr = unknown

/** Dates before this never occur; comparing against it keeps null and missing dates out ($gte puts null below every date). */
const EPOCH = new Date(0)

export const and = (...conditions: Expr[]): Expr => ({ $and: conditions })
export const eq = (field: string, value: unknown): Expr => ({ $eq: [`$${field}`, value] })
export const oneOf = (field: string, values: readonly unknown[]): Expr => ({ $in: [`$${field}`, [...values]] })

/** The date at `field` falls in [start, end); false for null or missing. */
export const within = (field: string, r: Range): Expr => and({ $gte: [`$${field}`, r.start] }, { $lt: [`$${field}`, r.end] })

/** The date at `field` is set and before `end`. */
export const before = (field: string, end: Date): Expr => within(field, { start: EPOCH, end })

/** The array at `field` (missing: empty) contains `value`. */
export const contains = (field: string, value: unknown): Expr => ({ $in: [value, { $ifNull: [`$${field}`, []] }] })

export const countIf = (condition: Expr) => ({ $sum: { $cond: [condition, 1, 0] } })
export const sumIf = (condition: Expr, value: Expr) => ({ $sum: { $cond: [condition, value, 0] } })
