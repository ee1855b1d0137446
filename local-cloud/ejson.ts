// EJSON in and out. The SDK sends canonical EJSON; documents in memory hold plain JS values (Date,
// RegExp, numbers), because mingo only understands those (it silently matches nothing on a BSONRegExp).
import { EJSON } from 'bson'
import { errors } from './errors'
import { isDate, isRegExp } from './store/values'

const SERVER_DATE = '$tcb_server_date'
const JS_REGEX_FLAGS = new Set(['i', 'm', 's', 'u'])

interface BsonValue {
  _bsontype: string
  [key: string]: unknown
}

const isBson = (v: object): v is BsonValue => typeof (v as { _bsontype?: unknown })._bsontype === 'string'

/**
 * A database regex as a JS RegExp. The cloud database compiles patterns with PCRE, which refuses what a
 * JS RegExp refuses too (`C++`: nothing to repeat); it answers a database error naming the pattern.
 */
export function toRegExp(pattern: string, options: string): RegExp {
  try {
    return new RegExp(pattern, [...options].filter((f) => JS_REGEX_FLAGS.has(f)).join(''))
  } catch (e) {
    const reason = e instanceof Error ? e.message.replace(/^.*: /, '').toLowerCase() : String(e)
    throw errors.invalidRegex(pattern, reason)
  }
}

function fromBson(v: BsonValue): unknown {
  switch (v._bsontype) {
    case 'BSONRegExp':
      return toRegExp(String(v.pattern), String(v.options))
    case 'ObjectId':
    case 'ObjectID':
      return (v as unknown as { toHexString(): string }).toHexString()
    case 'Int32':
    case 'Double':
    case 'Long':
    case 'Decimal128':
      return Number(String(v))
    default:
      return v
  }
}

/**
 * Turns what EJSON.parse gives into plain JS values: BSON regexes into RegExp, BSON numbers into numbers,
 * ObjectIds into their hex string, and `{ $tcb_server_date: { offset } }` into the server's now + offset.
 */
export function fromWireValue(value: unknown, now: number): unknown {
  if (value === null || typeof value !== 'object') return value
  if (isDate(value) || isRegExp(value) || Buffer.isBuffer(value)) return value
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = fromWireValue(value[i], now)
    return value
  }
  if (isBson(value)) return fromBson(value)
  const record = value as Record<string, unknown>
  const serverDate = record[SERVER_DATE]
  if (serverDate !== undefined && Object.keys(record).length === 1) {
    const offset = Number((serverDate as { offset?: unknown } | null)?.offset ?? 0)
    return new Date(now + (Number.isFinite(offset) ? offset : 0))
  }
  for (const key of Object.keys(record)) record[key] = fromWireValue(record[key], now)
  return record
}

/** Parses EJSON text (canonical or relaxed) into plain JS values; throws on malformed text. */
export function decodeEJSON(text: string, now = Date.now()): unknown {
  return fromWireValue(EJSON.parse(text, { relaxed: true }), now)
}

/** Relaxed EJSON text: numbers stay JSON numbers, dates become { $date }, regexes { $regularExpression }. */
export function encodeEJSON(value: unknown): string {
  return EJSON.stringify(value as never, { relaxed: true })
}
