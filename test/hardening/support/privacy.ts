// The privacy audit's tools: every private value in the database with the people allowed to read it, and a
// scanner that walks every string of an answer for values its reader may not see, for unmasked mobile
// numbers other than the reader's own, and for anything shaped like an ID-card number.
//
// Who may read what (docs/privacy.md): a person their own phone, name and pickup codes; a resident the
// beneficiary details of their own wishes; the active claimer of a wish delivered by contact the contact
// (name, phone, address) only as an approved member where the community allows direct contact, never on a
// child's or a vulnerable resident's wish (then nobody but staff reads the guardian's); a shop or unit admin their own contact; a
// unit admin the names of its registered members. Nobody in these roles a child's name, an ID-card number
// or hash, or a server secret. The same string held in several places is one fact (a member's phone in
// their profile and on their wishes), readable by whoever may read any of its places. Names shown publicly
// on purpose (volunteers on the points board by choice) are not treated as secrets, nor is any name that is
// part of one (a 2-character name inside a 3-character one).
import { ID_CARD_PATTERN, PHONE_PATTERN } from '../../../cloudfunctions/_shared/domain/masking'
import type { Doc } from './invariants'

export type SecretKind = 'phone' | 'name' | 'childName' | 'address' | 'pickupCode' | 'secret'

export interface Secret {
  value: string
  kind: SecretKind
  /** Who may read it (openids). */
  readers: ReadonlySet<string>
  /** Where it comes from, for the failure message. */
  source: string
  /** Matched only as a whole string (short codes), not inside other text. */
  whole?: boolean
}

export interface Finder {
  find(collection: string, filter?: Doc): Doc[]
}

const isChildWish = (w: Doc) => Boolean(w.beneficiary?.isChild)
/**
 * The active claimer who may read the beneficiary's contact: an approved member, where the community allows
 * direct contact, on a wish delivered by contact that is neither a child's nor a vulnerable resident's.
 * Everyone else delivers through the community and reads none of it.
 */
const contactClaimer =
  (directContact: ReadonlySet<string>) =>
  (w: Doc): string[] =>
    w.claimerId &&
    (w.status === 'claimed' || w.status === 'fulfilled') &&
    w.delivery === 'contact' &&
    w.claimer?.kind === 'member' &&
    !isChildWish(w) &&
    !w.beneficiary?.vulnerable &&
    directContact.has(w.communityId)
      ? [w.claimerId]
      : []

/** Every private value in the database, with who may read it. */
export function collectSecrets(db: Finder): Secret[] {
  const out: Secret[] = []
  const add = (value: unknown, kind: SecretKind, readers: Array<string | null | undefined>, source: string, whole = false) => {
    if (typeof value !== 'string' || !value.trim()) return
    out.push({ value: value.trim(), kind, readers: new Set(readers.filter((r): r is string => Boolean(r))), source, whole })
  }
  for (const u of db.find('users')) add(u.phone, 'phone', [u._id], `users/${u._id}.phone`)
  for (const v of db.find('volunteers')) {
    add(v.phone, 'phone', [v._id], `volunteers/${v._id}.phone`)
    if (!v.boardOptIn) add(v.realName, 'name', [v._id], `volunteers/${v._id}.realName`)
    add(v.idCardHash, 'secret', [], `volunteers/${v._id}.idCardHash`)
  }
  const direct = db.find('communities').filter((c) => c.settings?.directContact)
  const liveContactClaimer = contactClaimer(new Set(direct.map((c) => c._id as string)))
  const unitAdmins = new Map(db.find('partyUnits').map((u) => [u._id as string, u.adminId as string]))
  for (const m of db.find('partyMembers')) {
    add(m.phone, 'phone', [m.openid], `partyMembers/${m._id}.phone`)
    add(m.name, 'name', [m.openid, unitAdmins.get(m.unitId)], `partyMembers/${m._id}.name`)
  }
  for (const m of db.find('merchants')) {
    add(m.contactPhone, 'phone', [m.ownerId], `merchants/${m._id}.contactPhone`)
    add(m.contactName, 'name', [m.ownerId], `merchants/${m._id}.contactName`)
  }
  for (const u of db.find('partyUnits')) {
    add(u.contactPhone, 'phone', [u.adminId], `partyUnits/${u._id}.contactPhone`)
    add(u.contactName, 'name', [u.adminId], `partyUnits/${u._id}.contactName`)
  }
  for (const w of db.find('wishes')) {
    const b = w.beneficiary ?? {}
    const owners = [w.submitterId, b.ownerId]
    const child = isChildWish(w)
    add(b.name, child ? 'childName' : 'name', child ? [] : [...owners, ...liveContactClaimer(w)], `wishes/${w._id}.beneficiary.name`)
    add(b.phone, 'phone', [...owners, ...liveContactClaimer(w)], `wishes/${w._id}.beneficiary.phone`)
    add(b.address, 'address', [...owners, ...liveContactClaimer(w)], `wishes/${w._id}.beneficiary.address`)
    add(w.guardian?.name, 'name', [w.submitterId, ...liveContactClaimer(w)], `wishes/${w._id}.guardian.name`)
    add(w.guardian?.phone, 'phone', [w.submitterId, ...liveContactClaimer(w)], `wishes/${w._id}.guardian.phone`)
    for (const photo of w.privatePhotos ?? []) add(photo, 'secret', owners, `wishes/${w._id}.privatePhotos`)
  }
  // A report's reporter: their name is for the people who handle it (the community side, the whistled
  // department); the public sees the masked name at most (showName), never the name itself.
  const users = db.find('users')
  const handlers = (r: Doc) =>
    users
      .filter((u) =>
        (u.roles ?? []).some(
          (g: Doc) =>
            (g.role === 'staff' && g.communityId === r.communityId) ||
            (g.role === 'gridWorker' && (g.gridIds ?? []).includes(r.gridId)) ||
            (g.role === 'deptHandler' && g.departmentId && g.departmentId === r.departmentId)
        )
      )
      .map((u) => u._id as string)
  for (const r of db.find('reports')) add(r.reporter?.name, 'name', [r.reporterId, ...handlers(r)], `reports/${r._id}.reporter.name`)
  for (const c of db.find('certificates')) add(c.realName, 'name', [c.openid], `certificates/${c._id}.realName`)
  for (const o of db.find('redemptions')) add(o.pickupCode, 'pickupCode', [o.openid], `redemptions/${o._id}.pickupCode`, true)
  for (const s of db.find('appSecrets'))
    for (const [k, v] of Object.entries(s))
      if (k !== '_id' && typeof v === 'string' && v.length >= 16) add(v, 'secret', [], `appSecrets/${s._id}.${k}`)
  return withoutPublicNames(mergedByValue(out), publicNames(db))
}

const SEVERITY: SecretKind[] = ['secret', 'childName', 'address', 'phone', 'pickupCode', 'name']

/**
 * One secret per value: the same string held in several places (a person's phone in their profile, their
 * registration and the wishes they posted) is the same fact, readable by whoever may read any of them.
 */
function mergedByValue(secrets: Secret[]): Secret[] {
  const byValue = new Map<string, Secret>()
  for (const s of secrets) {
    const seen = byValue.get(s.value)
    if (!seen) byValue.set(s.value, s)
    else
      byValue.set(s.value, {
        ...seen,
        kind: SEVERITY.indexOf(s.kind) < SEVERITY.indexOf(seen.kind) ? s.kind : seen.kind,
        readers: new Set([...seen.readers, ...s.readers]),
        source: seen.source.includes(s.source) ? seen.source : `${seen.source}, ${s.source}`,
        whole: seen.whole && s.whole
      })
  }
  return [...byValue.values()]
}

/** Names shown to everyone on purpose: volunteers who opted in to the points board. */
function publicNames(db: Finder): string[] {
  return db.find('volunteers', { boardOptIn: true }).map((v) => v.realName as string)
}

/** A name that is also a public name (or part of one) cannot be told apart in an answer: leave it out. */
function withoutPublicNames(secrets: Secret[], open: string[]): Secret[] {
  return secrets.filter((s) => (s.kind !== 'name' && s.kind !== 'childName') || !open.some((p) => p.includes(s.value)))
}

export interface Violation {
  reader: string
  where: string
  kind: SecretKind | 'phonePattern' | 'idCardPattern'
  found: string
  source?: string
}

/** Every string in a JSON-like value, with its path. */
export function* stringsOf(value: unknown, path = ''): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value]
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* stringsOf(value[i], `${path}[${i}]`)
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* stringsOf(v, path ? `${path}.${k}` : k)
}

/**
 * Matches of `pattern` not run into letters: an opaque id is hex (`w_3f09…`), and its digits can, by chance,
 * form a phone- or ID-card-shaped run between two letters.
 */
function standalone(text: string, pattern: RegExp): string[] {
  const found: string[] = []
  for (const m of text.matchAll(new RegExp(pattern.source, 'g'))) {
    const before = text[m.index - 1] ?? ''
    const after = text[m.index + m[0].length] ?? ''
    if (!/[A-Za-z]/.test(before) && !/[A-Za-z]/.test(after)) found.push(m[0])
  }
  return found
}

/**
 * Scans one answer read by `reader`: private values they may not read, mobile numbers that are not theirs
 * to read (masked ones do not match the pattern), and ID-card shaped numbers.
 */
export function scan(answer: unknown, reader: string, where: string, secrets: readonly Secret[]): Violation[] {
  const out: Violation[] = []
  const hidden = secrets.filter((s) => !s.readers.has(reader))
  const readable = secrets.filter((s) => s.readers.has(reader))
  const phonesAllowed = new Set(readable.filter((s) => s.kind === 'phone').map((s) => s.value))
  // A hidden value inside a readable one that the text holds (a compound and building inside the full
  // address the claimer may read) is explained by the readable one.
  const explained = (text: string, s: Secret) => readable.some((r) => r.value.includes(s.value) && text.includes(r.value))
  for (const [path, text] of stringsOf(answer)) {
    const at = `${where} ${path}`
    for (const s of hidden) {
      if ((s.whole ? text === s.value : text.includes(s.value)) && !explained(text, s))
        out.push({ reader, where: at, kind: s.kind, found: s.value, source: s.source })
    }
    for (const m of standalone(text, PHONE_PATTERN)) {
      if (!phonesAllowed.has(m) && !hidden.some((s) => s.value === m)) out.push({ reader, where: at, kind: 'phonePattern', found: m })
    }
    const [id] = standalone(text, ID_CARD_PATTERN)
    if (id) out.push({ reader, where: at, kind: 'idCardPattern', found: id })
  }
  return out
}

export const describeViolation = (v: Violation) =>
  `${v.reader} read ${v.kind} "${v.found}"${v.source ? ` (${v.source})` : ''} in ${v.where}`
