// Applying an update to a document: MongoDB update operators via mingo, with $rename and $currentDate
// done here ($rename is broken in mingo 7.0.2; its $currentDate writes a number, not a Date).
import { update as mingoUpdate } from 'mingo'
import { errors } from '../errors'
import { mingoOptions } from './mingo'
import { clone, isPlainObject, type Doc } from './values'

const OPERATORS = new Set([
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$rename',
  '$push',
  '$pop',
  '$pull',
  '$pullAll',
  '$addToSet',
  '$currentDate',
  '$setOnInsert',
  '$bit'
])

export type Modifier = Record<string, Record<string, unknown>>

/** True when the update is written with operators; a plain object is a replacement (or merged as $set). */
export function isOperatorUpdate(data: Record<string, unknown>): boolean {
  return Object.keys(data).some((k) => k.startsWith('$'))
}

export function validateModifier(modifier: Record<string, unknown>): Modifier {
  for (const [op, fields] of Object.entries(modifier)) {
    if (!OPERATORS.has(op)) throw errors.invalidParam(`unknown update operator: ${op}`)
    if (!isPlainObject(fields)) throw errors.invalidParam(`${op} needs an object`)
    for (const path of Object.keys(fields)) {
      if (path === '_id' || path.startsWith('_id.')) throw errors.invalidParam('不能更新_id的值 (the _id field cannot be changed)')
      if (path === '' || path.split('.').some((p) => p === '')) throw errors.invalidParam(`invalid field path: '${path}'`)
    }
  }
  return modifier as Modifier
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.')
  let cur = obj
  for (const part of parts.slice(0, -1)) {
    if (!isPlainObject(cur[part])) cur[part] = {}
    cur = cur[part] as Record<string, unknown>
  }
  cur[parts[parts.length - 1]] = value
}

/** Removes the value at a path of plain objects; returns [found, value]. */
function takePath(obj: Record<string, unknown>, path: string): [boolean, unknown] {
  const parts = path.split('.')
  let cur: unknown = obj
  for (const part of parts.slice(0, -1)) {
    if (!isPlainObject(cur)) return [false, undefined]
    cur = cur[part]
  }
  const last = parts[parts.length - 1]
  if (!isPlainObject(cur) || !Object.prototype.hasOwnProperty.call(cur, last)) return [false, undefined]
  const value = cur[last]
  delete cur[last]
  return [true, value]
}

/**
 * The document after the update (a new object; `doc` is left untouched). `inserting` applies
 * $setOnInsert, as an upsert does when it creates the document.
 */
export function applyModifier(doc: Doc, modifier: Modifier, inserting = false): Doc {
  const next = clone(doc)
  const { $rename, $currentDate, $setOnInsert, ...rest } = modifier
  for (const [from, to] of Object.entries($rename ?? {})) {
    if (typeof to !== 'string' || !to || to === from) throw errors.invalidParam(`$rename of '${from}' needs a different field name`)
    const [found, value] = takePath(next, from)
    if (found) setPath(next, to, value)
  }
  const now = new Date()
  for (const path of Object.keys($currentDate ?? {})) setPath(next, path, new Date(now))
  if (inserting && $setOnInsert) rest.$set = { ...$setOnInsert, ...rest.$set }
  if (Object.keys(rest).length > 0) {
    try {
      mingoUpdate(next, rest, [], undefined, { cloneMode: 'copy', queryOptions: mingoOptions() })
    } catch (e) {
      throw errors.requestFailed(`update failed: ${e instanceof Error ? e.message : String(e)}`)
    }
  }
  next._id = doc._id
  return next
}

/** A replacement keeps only the _id of the document it replaces. */
export function replacement(id: string, data: Record<string, unknown>): Doc {
  if (isOperatorUpdate(data)) throw errors.invalidParam('a replacement document cannot contain update operators')
  const { _id: _ignored, ...fields } = data
  return { _id: id, ...clone(fields) }
}
