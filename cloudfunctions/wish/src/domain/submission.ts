// The rules a new wish must pass beyond its schema: the community's value cap, whose photos these
// are, who may post for a child, and that nothing personal slips into the public title or story.
import type { z } from 'zod'
import type { SubmitInput } from '../../../../types/schemas/wish'
import type { CommunitySettings, GeoPoint } from '../../../_shared/docs'
import { denied, invalid } from '../../../_shared/infra/errors'
import { requireOwnFiles } from '../../../_shared/infra/files'
import { containsPhone } from '../../../_shared/domain/masking'
import { foldForCheck } from '../../../../types/text'
import { submittedEntry } from './stateMachine'
import { publicDisplayName } from '../views'
import type { WishDoc } from '../docs'

export type SubmitData = z.output<typeof SubmitInput>

const refuse = (path: string, message: string) => invalid(message, { fields: [{ path, message }] })

/** The pieces of personal data that must never appear in public text. */
export interface Secrets {
  name: string
  phone?: string | null
  address?: string | null
  isChild: boolean
}

/** The first personal detail found in `text`, as the sentence to show, or null when the text is clean. */
export function leakIn(publicText: string, s: Secrets): string | null {
  if (containsPhone(publicText)) return '请不要填写电话号码，联系方式只对认领人可见'
  // Both sides folded, so an invisible character, a full-width letter or a space inside a name hides nothing.
  const text = foldForCheck(publicText)
  const name = foldForCheck(s.name)
  const given = [...name].slice(1).join('')
  if (name.length >= 2 && text.includes(name)) return '请不要写出受助人的姓名，公开时会显示为称呼'
  if (s.isChild && [...given].length >= 2 && text.includes(given)) return '请不要写出儿童的名字'
  const address = foldForCheck(s.address ?? '')
  if ([...address].length >= 4 && text.includes(address)) return '请不要填写详细地址，地址只对认领人可见'
  return null
}

export function requireNoLeak(fields: Record<string, string>, s: Secrets): void {
  for (const [path, text] of Object.entries(fields)) {
    const leak = leakIn(text, s)
    if (leak) throw refuse(path, leak)
  }
}

/** Today in China Standard Time as YYYY-MM-DD. */
export const cstDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10)

export interface SubmitFacts {
  openid: string
  /** The caller is staff of the target community. */
  staff: boolean
  /** The caller's own profile (a resident's wish). */
  profile: { realName: string | null; phone: string | null }
  settings: CommunitySettings
  now: Date
}

/** Checks a submission against the community's rules; throws a readable refusal. */
export function checkSubmission(input: SubmitData, f: SubmitFacts): void {
  const b = input.beneficiary
  if (input.proxy && !f.staff) throw denied('只有本社区工作人员可以代录心愿')
  if (b.isChild && !input.proxy) throw denied('为14岁以下儿童发布心愿须由社区工作人员代录，并取得监护人同意')
  if (input.value > f.settings.wishValueCap) throw refuse('value', `预估价值不能超过${f.settings.wishValueCap}元`)
  if (input.desiredDate && input.desiredDate < cstDay(f.now)) throw refuse('desiredDate', '期望日期不能早于今天')
  requireOwnFiles(input.photos, f.openid)
  requireNoLeak({ title: input.title, story: input.story }, { ...b, phone: contactPhone(input, f) })
  if (input.delivery === 'handover' && !f.settings.handoverPoint) throw refuse('delivery', '本社区暂未设置转交点，请选择联系受助人')
  if (input.delivery === 'contact' && !contactPhone(input, f)) throw refuse('beneficiary.phone', '请填写联系电话，或选择经社区转交')
}

/** The phone a claimer would call: a child's guardian, the beneficiary, or the poster's own. */
function contactPhone(input: SubmitData, f: SubmitFacts): string | null {
  if (input.beneficiary.isChild) return input.guardian?.phone ?? null
  return input.beneficiary.phone ?? (input.proxy ? null : f.profile.phone)
}

export interface Placement {
  id: string
  communityId: string
  streetId: string
  compoundId: string | null
  location: GeoPoint
}

/** The fields a wish fills in as it moves on: empty while it is only submitted. */
export const notYetHandled = () =>
  ({
    publishedAt: null,
    rejectReason: null,
    claimerId: null,
    claimer: null,
    claimedAt: null,
    claimDeadline: null,
    fulfilledAt: null,
    fulfilment: null,
    confirmedAt: null,
    confirmation: null,
    withdrawnAt: null,
    metrics: { claimMs: null, fulfilMs: null }
  }) satisfies Partial<WishDoc>

/** The new wish document; the caller has already passed checkSubmission. */
export function newWish(input: SubmitData, f: SubmitFacts, where: Placement): WishDoc {
  const b = input.beneficiary
  const child = b.isChild
  return {
    _id: where.id,
    communityId: where.communityId,
    streetId: where.streetId,
    compoundId: where.compoundId,
    location: where.location,
    category: input.category,
    title: input.title,
    story: input.story,
    value: input.value,
    desiredDate: input.desiredDate ?? null,
    photos: child ? [] : [...input.photos],
    privatePhotos: child ? [...input.photos] : [],
    status: 'submitted',
    submitterId: f.openid,
    proxy: input.proxy,
    beneficiary: {
      ownerId: input.proxy ? null : f.openid,
      name: b.name,
      display: publicDisplayName(b.name, b.appellation, child),
      phone: contactPhone(input, f) && !child ? contactPhone(input, f) : null,
      address: b.address || null,
      isChild: child,
      vulnerable: b.vulnerable
    },
    guardian:
      child && input.guardian
        ? {
            name: input.guardian.name,
            relation: input.guardian.relation,
            phone: input.guardian.phone,
            consentAt: f.now,
            recordedBy: f.openid
          }
        : null,
    delivery: input.delivery,
    createdAt: f.now,
    updatedAt: f.now,
    ...notYetHandled(),
    history: [submittedEntry({ who: f.openid, role: input.proxy ? 'staff' : 'resident' }, f.now, input.proxy)]
  }
}
