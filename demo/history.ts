// Demo history for the dashboards: the six months before the other seeds' recent activity hold a few
// micro-wishes in every community, published and mostly confirmed (some withdrawn), built through the wish
// function's own domain like the recent ones, with the claiming members' assessment entries. So the
// trend line of a new demo has months to draw. Runs last; it only inserts (never changes what the other
// seeders wrote), and no demo user takes part, so their screens stay as the pillar seeds made them.
import { SubmitInput } from '../types/schemas/wish'
import type { WishCategory } from '../types'
import { assessmentEntry, assessmentRules, type AssessmentEntryDoc } from '../cloudfunctions/_shared/domain/assessment'
import { DEFAULT_COMMUNITY_SETTINGS, type CommunityDoc } from '../cloudfunctions/_shared/docs'
import { claimerSnapshot } from '../cloudfunctions/wish/src/domain/claims'
import { applyEvent, type Actor, type EventInput } from '../cloudfunctions/wish/src/domain/stateMachine'
import { checkSubmission, newWish } from '../cloudfunctions/wish/src/domain/submission'
import type { WishDoc } from '../cloudfunctions/_shared/docs/wish'
import type { PillarSeeder, SeedContext } from './index'
import { selfOf, type SeedPerson } from './people'
import type { SeedStore } from './store'

const DAY = 86_400_000
const HOUR = 3_600_000
/** The history ends where the pillar seeds' recent wishes begin (they reach back about 40 days). */
const FIRST_DAY_BACK = 45
const MONTHS = 6

const PAST: Array<{ category: WishCategory; title: string; story: string; value: number; appellation: '奶奶' | '爷爷' | '阿姨' | '大爷' }> =
  [
    { category: 'goods', title: '想要一个暖手宝', story: '冬天手脚冰凉，晚上看电视的时候想捂着暖和一点。', value: 40, appellation: '奶奶' },
    { category: 'service', title: '帮忙换一下卫生间灯泡', story: '灯泡坏了好几天，梯子太高自己爬不上去。', value: 20, appellation: '爷爷' },
    {
      category: 'company',
      title: '陪我去公园晒晒太阳',
      story: '腿脚不便很少出门，想有人推着轮椅去公园走走。',
      value: 0,
      appellation: '奶奶'
    },
    { category: 'study', title: '教我用手机付款', story: '去菜市场买菜都要扫码，想学会自己付钱。', value: 0, appellation: '阿姨' },
    { category: 'goods', title: '需要一副防滑拐杖', story: '下雨天路滑，旧拐杖底下的胶垫已经磨平了。', value: 80, appellation: '大爷' },
    { category: 'service', title: '帮忙疏通厨房下水道', story: '洗碗池的水下得很慢，试了几次都没弄好。', value: 30, appellation: '大爷' }
  ]

type Path = Array<EventInput['event']>
const CONFIRMED: Path = ['publish', 'claim', 'fulfil', 'confirm']
const WITHDRAWN: Path = ['publish', 'withdraw']

interface Cast {
  community: CommunityDoc
  staff: SeedPerson
  residents: SeedPerson[]
  members: SeedPerson[]
}

function castOf(ctx: SeedContext, community: CommunityDoc): Cast | null {
  const here = ctx.people.filter((p) => p.user.communityId === community._id && !p.demo)
  const staff = ctx.people.find((p) => p.is.staff === community._id)
  const residents = here.filter((p) => p.user.roles.length === 0)
  const members = here.filter((p) => p.user.roles.some((g) => g.role === 'member' && g.communityId === community._id))
  return staff && residents.length && members.length ? { community, staff, residents, members } : null
}

type Membership = { status?: string; branch?: string; pledge?: string } | null

function step(
  event: EventInput['event'],
  ctx: SeedContext,
  cast: Cast,
  wish: WishDoc,
  claimer: SeedPerson,
  membership: Membership,
  claimDays: number
): { input: EventInput; actor: Actor } {
  const staff: Actor = { who: cast.staff.user._id, role: 'staff' }
  const member: Actor = { who: claimer.user._id, role: 'member' }
  switch (event) {
    case 'publish':
      return { input: { event }, actor: staff }
    case 'claim':
      return {
        input: { event, claimer: claimerSnapshot('member', claimer.user.realName, claimer.user.nickName, membership), claimDays },
        actor: member
      }
    case 'fulfil':
      return { input: { event, note: '已经送到，老人家很满意', photos: [] }, actor: member }
    case 'confirm':
      return {
        input: { event, rating: ctx.r.pick([5, 5, 4, 4, 3]), thanks: '谢谢党员同志的帮助' },
        actor: { who: wish.submitterId, role: 'resident' }
      }
    case 'withdraw':
      return { input: { event, reason: '家里人已经帮忙解决了' }, actor: { who: wish.submitterId, role: 'resident' } }
    default:
      throw new Error(`no history step for ${event}`)
  }
}

function build(
  store: SeedStore,
  ctx: SeedContext,
  cast: Cast,
  serial: number,
  daysBack: number,
  path: Path
): { wish: WishDoc; entry: AssessmentEntryDoc | null } {
  const { r } = ctx
  const settings = { ...DEFAULT_COMMUNITY_SETTINGS, ...cast.community.settings }
  const template = PAST[serial % PAST.length]
  const submitter = r.pick(cast.residents)
  const claimer = r.pick(cast.members)
  let at = new Date(ctx.now.getTime() - daysBack * DAY - r.int(0, 12) * HOUR)
  const compound =
    ctx.district.compounds.find((c) => c._id === submitter.user.compoundId) ??
    ctx.district.compounds.find((c) => c.communityId === cast.community._id)!
  const input = SubmitInput.parse({
    requestId: `seed-history-${serial}`,
    category: template.category,
    title: template.title,
    story: template.story,
    value: Math.min(template.value, settings.wishValueCap),
    beneficiary: { name: submitter.user.realName ?? '王秀兰', ...selfOf(submitter, compound.name) },
    delivery: 'handover',
    consent: true
  })
  const facts = {
    openid: submitter.user._id,
    staff: false,
    profile: { realName: submitter.user.realName ?? null, phone: submitter.user.phone ?? null },
    settings,
    now: at
  }
  checkSubmission(input, facts)
  let wish = newWish(input, facts, {
    id: `seedh${String(serial).padStart(4, '0')}`,
    communityId: cast.community._id,
    streetId: cast.community.streetId,
    compoundId: compound._id,
    location: compound.location
  })
  for (const event of path) {
    at = new Date(at.getTime() + r.int(4, 60) * HOUR)
    const membership = store.get('partyMemberships', claimer.user._id) as Membership
    const { input: e, actor } = step(event, ctx, cast, wish, claimer, membership, settings.claimDays)
    wish = { ...wish, ...applyEvent(wish, e, actor, at).patch } as WishDoc
  }
  const entry =
    wish.status === 'confirmed'
      ? assessmentEntry({
          openid: claimer.user._id,
          communityId: wish.communityId,
          source: 'wish',
          sourceId: wish._id,
          points: assessmentRules(settings).wishPoints,
          reason: `完成微心愿：${wish.title}`,
          at: wish.confirmedAt as Date
        })
      : null
  return { wish, entry }
}

export const seedHistory: PillarSeeder = (store, ctx) => {
  const wishes: WishDoc[] = []
  const entries: AssessmentEntryDoc[] = []
  let serial = 0
  for (const community of ctx.district.communities) {
    const cast = castOf(ctx, community)
    if (!cast) continue
    for (let month = 0; month < MONTHS; month++) {
      const count = ctx.r.int(2, 4)
      for (let k = 0; k < count; k++) {
        const daysBack = FIRST_DAY_BACK + month * 30 + ctx.r.int(0, 25)
        const { wish, entry } = build(store, ctx, cast, ++serial, daysBack, ctx.r.chance(0.15) ? WITHDRAWN : CONFIRMED)
        wishes.push(wish)
        if (entry) entries.push(entry)
      }
    }
  }
  store.insert('wishes', wishes)
  if (entries.length) store.insert('assessmentEntries', entries)
}
