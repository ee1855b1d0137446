// Demo micro-wishes: every status in every community, built through the wish function's own domain
// (newWish + applyEvent), so each history is one the state machine allows. Some are children's wishes
// posted by staff (代录) with the guardian's consent and no public photo. Claim counters and the
// members' assessment entries match the claims and confirmations.
import { SubmitInput, type Appellation } from '../types/schemas/wish'
import type { WishCategory } from '../types'
import { assessmentEntry, assessmentRules } from '../cloudfunctions/_shared/domain/assessment'
import { DEFAULT_COMMUNITY_SETTINGS, type CommunityDoc, type NoticeDoc } from '../cloudfunctions/_shared/docs'
import { claimerSnapshot } from '../cloudfunctions/wish/src/domain/claims'
import { applyEvent, type Actor, type EventInput } from '../cloudfunctions/wish/src/domain/stateMachine'
import { checkSubmission, newWish } from '../cloudfunctions/wish/src/domain/submission'
import { noticesFor } from '../cloudfunctions/wish/src/domain/notices'
import { noticeDoc } from '../cloudfunctions/_shared/domain/notices'
import type { WishClaimerDoc, WishDoc } from '../cloudfunctions/_shared/docs/wish'
import type { PillarSeeder, SeedContext } from './index'
import { personName } from './names'
import { selfOf, type SeedPerson } from './people'
import type { SeedStore } from './store'

interface Template {
  category: WishCategory
  title: string
  story: string
  value: number
  appellations: Appellation[]
}

const ELDER: Template[] = [
  {
    category: 'goods',
    title: '想要一台能听戏的收音机',
    story: '老伴走后一个人在家，以前的收音机坏了，想听听黄梅戏解闷。',
    value: 80,
    appellations: ['奶奶', '爷爷']
  },
  {
    category: 'goods',
    title: '冬天需要一床厚棉被',
    story: '家里的被子用了十几年，已经不暖和了，天冷了晚上睡不好。',
    value: 150,
    appellations: ['奶奶', '爷爷', '大妈']
  },
  {
    category: 'goods',
    title: '想要一副合适的老花镜',
    story: '眼睛越来越花，看药盒上的字很吃力，想配一副老花镜。',
    value: 60,
    appellations: ['爷爷', '大爷']
  },
  {
    category: 'goods',
    title: '需要一个助行器',
    story: '腿脚不太灵便，下楼买菜时想有个助行器扶着，走得稳当些。',
    value: 180,
    appellations: ['奶奶', '爷爷']
  },
  {
    category: 'service',
    title: '帮忙修一下漏水的水龙头',
    story: '厨房水龙头一直滴水，自己拧不紧，想请懂行的人帮忙看看。',
    value: 30,
    appellations: ['奶奶', '大爷', '阿姨']
  },
  {
    category: 'service',
    title: '教我用手机挂号和视频',
    story: '孩子在外地工作，想学会用手机和他们视频，还想自己在网上挂号。',
    value: 0,
    appellations: ['奶奶', '爷爷']
  },
  {
    category: 'service',
    title: '帮忙办理医保报销手续',
    story: '住院的单据一大摞，不知道该去哪里报销，想请人帮忙理一理。',
    value: 0,
    appellations: ['大爷', '大妈']
  },
  {
    category: 'service',
    title: '想请人上门理个发',
    story: '行动不便很久没出门理发了，想请会理发的志愿者上门帮忙。',
    value: 20,
    appellations: ['爷爷', '奶奶']
  },
  {
    category: 'company',
    title: '陪我去医院复查',
    story: '下个月要去医院复查，子女不在身边，想有人陪着排队取药。',
    value: 0,
    appellations: ['奶奶', '爷爷', '阿姨']
  },
  {
    category: 'company',
    title: '周末有人陪我下下象棋',
    story: '退休后最爱下象棋，老棋友搬走了，想找人周末陪我杀两盘。',
    value: 0,
    appellations: ['大爷', '爷爷']
  },
  {
    category: 'study',
    title: '想学写毛笔字',
    story: '年轻时就想练字，现在有空了，想请老师教教基本笔画。',
    value: 50,
    appellations: ['阿姨', '叔叔', '奶奶']
  }
]

const CHILD: Template[] = [
  {
    category: 'goods',
    title: '想要一个新书包',
    story: '书包背带断了好几次，缝了又断，开学想背个结实的新书包。',
    value: 120,
    appellations: ['同学', '小朋友']
  },
  {
    category: 'goods',
    title: '想要几本课外书',
    story: '喜欢看科普故事书，家里的书都翻旧了，想要几本新的。',
    value: 100,
    appellations: ['同学']
  },
  {
    category: 'goods',
    title: '想要一盏护眼台灯',
    story: '晚上写作业的灯光太暗，想要一盏护眼台灯。',
    value: 90,
    appellations: ['同学', '小朋友']
  },
  {
    category: 'study',
    title: '想有人辅导数学作业',
    story: '父母都在外地务工，数学应用题经常不会做，想有人每周辅导一次。',
    value: 0,
    appellations: ['同学']
  },
  {
    category: 'company',
    title: '想有人陪我踢一次足球',
    story: '很喜欢踢足球，但是平时没有人陪着一起玩。',
    value: 0,
    appellations: ['小朋友']
  }
]

const CHILD_NAMES = ['子涵', '浩然', '雨欣', '一诺', '思远', '欣怡', '宇航', '嘉豪']

type Status = WishDoc['status']
interface Spec {
  status: Status
  child?: boolean
  /** A fixed claimer (openid) for the demo screens. */
  claimer?: string
}

/** What each community shows; cm01 (home of the demo users) gets more so every screen has something. */
const MIX: Spec[] = [
  { status: 'submitted' },
  { status: 'published' },
  { status: 'published' },
  { status: 'published', child: true },
  { status: 'claimed' },
  { status: 'fulfilled' },
  { status: 'confirmed' },
  { status: 'confirmed', child: true },
  { status: 'rejected' },
  { status: 'withdrawn' }
]
/** The demo resident (王秀英) owns one wish in each of these statuses, so her screens have work to show. */
const HOME_STATUSES: Status[] = ['submitted', 'published', 'fulfilled', 'confirmed']
const HOME_EXTRA: Spec[] = [
  { status: 'submitted', child: true },
  { status: 'published' },
  { status: 'confirmed', claimer: 'demo-member' },
  { status: 'claimed', child: true }
]

/** The events that lead from submission to each status. */
const PATH: Record<Status, EventInput['event'][]> = {
  submitted: [],
  published: ['publish'],
  rejected: ['reject'],
  withdrawn: ['publish', 'withdraw'],
  claimed: ['publish', 'claim'],
  fulfilled: ['publish', 'claim', 'fulfil'],
  confirmed: ['publish', 'claim', 'fulfil', 'confirm']
}

const HOUR = 3_600_000

interface Cast {
  community: CommunityDoc
  staff: SeedPerson
  residents: SeedPerson[]
  claimers: { person: SeedPerson; kind: 'member' | 'volunteer' }[]
}

function castOf(ctx: SeedContext, community: CommunityDoc): Cast {
  const here = ctx.people.filter((p) => p.user.communityId === community._id)
  const staff = here.find((p) => p.is.staff === community._id) as SeedPerson
  const residents = here.filter((p) => p.user.roles.length === 0 && !p.demo)
  const members = here.filter((p) => p.user.roles.some((g) => g.role === 'member' && g.communityId === community._id))
  const volunteers = community.settings.openWishesToVolunteers
    ? here.filter((p) => p.user.roles.length > 0 && p.user.roles.every((g) => g.role === 'volunteer') && !p.demo).slice(0, 1)
    : []
  return {
    community,
    staff,
    residents,
    claimers: [
      ...members.map((person) => ({ person, kind: 'member' as const })),
      ...volunteers.map((person) => ({ person, kind: 'volunteer' as const }))
    ]
  }
}

class WishSeeder {
  private readonly counters = new Map<string, WishClaimerDoc>()
  private readonly wishes: WishDoc[] = []
  private readonly entries: object[] = []
  /** The notices (消息) each step sent, as the wish function writes them; those older than two days are read. */
  private readonly notices: NoticeDoc[] = []
  private readonly homeTaken = new Set<Status>()
  private claimTurn = 0
  private serial = 0

  constructor(
    private readonly store: SeedStore,
    private readonly ctx: SeedContext
  ) {}

  run(): void {
    for (const community of this.ctx.district.communities) {
      const cast = castOf(this.ctx, community)
      const specs = community._id === 'cm01' ? [...MIX, ...HOME_EXTRA] : MIX
      specs.forEach((spec) => this.wishes.push(this.build(cast, spec)))
    }
    this.store.insert('wishes', this.wishes)
    this.store.insert('wishClaimers', [...this.counters.values()])
    if (this.entries.length) this.store.insert('assessmentEntries', this.entries)
    if (this.notices.length) this.store.insert('notices', this.notices)
  }

  private build(cast: Cast, spec: Spec): WishDoc {
    const { r, now } = this.ctx
    const settings = { ...DEFAULT_COMMUNITY_SETTINGS, ...cast.community.settings }
    const child = Boolean(spec.child)
    const template = r.pick(child ? CHILD : ELDER)
    const home = cast.community._id === 'cm01' && !child && HOME_STATUSES.includes(spec.status) && !this.homeTaken.has(spec.status)
    if (home) this.homeTaken.add(spec.status)
    const submitter = child ? cast.staff : home ? this.demoResident() : r.pick(cast.residents)
    const steps = PATH[spec.status]
    const ages = [r.int(4, 40) * 24 + r.int(0, 12), ...steps.map(() => r.int(3, 40))]
    // Live claims are recent, so the demo does not start by expiring them.
    if (spec.status === 'claimed') ages[0] = ages[1] + ages[2] + r.int(2, 30)
    let at = new Date(now.getTime() - ages[0] * HOUR)

    const beneficiaryName = child ? personName(r).slice(0, 1) + r.pick(CHILD_NAMES) : (submitter.user.realName ?? personName(r))
    const input = SubmitInput.parse({
      requestId: `seed-wish-${++this.serial}`,
      proxy: child,
      communityId: cast.community._id,
      category: template.category,
      title: template.title,
      story: template.story,
      value: Math.min(template.value, settings.wishValueCap),
      beneficiary: child
        ? {
            name: beneficiaryName,
            appellation: r.pick(template.appellations),
            isChild: true,
            address: `${this.compoundName(cast)}${r.int(1, 20)}栋`
          }
        : { name: beneficiaryName, ...this.adultSelf(cast, submitter, template) },
      guardian: child
        ? {
            name: personName(r),
            relation: r.pick(['母亲', '父亲', '奶奶', '外婆']),
            phone: submitter.user.phone ?? '13800000000',
            consent: true
          }
        : undefined,
      delivery: child || r.chance(0.4) ? 'handover' : 'contact',
      consent: true
    })
    if (child && input.guardian) input.guardian.phone = `137${String(r.int(0, 99_999_999)).padStart(8, '0')}`
    const compound =
      this.ctx.district.compounds.find((c) => c._id === (child ? undefined : submitter.user.compoundId)) ??
      r.pick(this.ctx.district.compounds.filter((c) => c.communityId === cast.community._id))
    const facts = {
      openid: submitter.user._id,
      staff: child,
      profile: { realName: submitter.user.realName ?? null, phone: submitter.user.phone ?? null },
      settings,
      now: at
    }
    checkSubmission(input, facts)
    let wish = newWish(input, facts, {
      id: `seedw${String(this.wishes.length + 1).padStart(3, '0')}`,
      communityId: cast.community._id,
      streetId: cast.community.streetId,
      compoundId: compound._id,
      location: compound.location
    })

    const fixed = cast.claimers.find((c) => c.person.user._id === spec.claimer)
    const claimer = steps.includes('claim') ? (fixed ?? this.nextClaimer(cast, spec.status === 'claimed')) : null
    steps.forEach((event, i) => {
      at = new Date(at.getTime() + ages[i + 1] * HOUR)
      const { input: step, actor } = this.step(event, cast, wish, claimer, settings.claimDays)
      const t = applyEvent(wish, step, actor, at)
      this.keepNotices(noticesFor(event, wish, t.entry).map((n) => noticeDoc(n, t.entry.at)))
      wish = { ...wish, ...t.patch } as WishDoc
    })
    if (claimer) this.count(claimer.person.user._id, spec.status === 'claimed', at)
    if (spec.status === 'confirmed' && claimer?.kind === 'member') this.credit(wish, claimer.person, settings)
    return wish
  }

  private keepNotices(notices: NoticeDoc[]): void {
    const readBefore = this.ctx.now.getTime() - 2 * 24 * HOUR
    for (const n of notices) this.notices.push(n.createdAt.getTime() < readBefore ? { ...n, readAt: n.createdAt } : n)
  }

  private step(
    event: EventInput['event'],
    cast: Cast,
    wish: WishDoc,
    claimer: Cast['claimers'][number] | null,
    claimDays: number
  ): { input: EventInput; actor: Actor } {
    const { r } = this.ctx
    const staff: Actor = { who: cast.staff.user._id, role: 'staff' }
    const claimerActor: Actor = { who: claimer?.person.user._id ?? '', role: claimer?.kind ?? 'member' }
    switch (event) {
      case 'publish':
        return { input: { event }, actor: staff }
      case 'reject':
        return { input: { event, reason: '心愿超出微心愿范围，建议联系社区申请临时救助' }, actor: staff }
      case 'withdraw':
        return { input: { event, reason: '家人已经帮忙解决了' }, actor: { who: wish.submitterId, role: wish.proxy ? 'staff' : 'resident' } }
      case 'claim': {
        const p = (claimer as Cast['claimers'][number]).person
        const membership = this.store.get('partyMemberships', p.user._id) as { status?: string; branch?: string; pledge?: string } | null
        return {
          input: { event, claimer: claimerSnapshot(claimer?.kind ?? 'member', p.user.realName, p.user.nickName, membership), claimDays },
          actor: claimerActor
        }
      }
      case 'fulfil':
        return {
          input: {
            event,
            note: r.pick(['已经送到，老人家很高兴', '已按约定完成，经社区转交', '已上门完成，约好下次再来看看']),
            photos: []
          },
          actor: claimerActor
        }
      case 'confirm':
        return {
          input: {
            event,
            rating: r.pick([5, 5, 5, 4, 4, 3]),
            thanks: r.pick(['谢谢党员同志，太贴心了！', '非常感谢，帮了大忙', '感谢社区和志愿者的关心'])
          },
          actor: wish.proxy ? staff : { who: wish.submitterId, role: 'resident' }
        }
      default:
        throw new Error(`no seed step for ${event}`)
    }
  }

  /** Members take turns; a live claim goes only to someone below the limit (demo-member first in cm01). */
  private nextClaimer(cast: Cast, live: boolean): Cast['claimers'][number] {
    const demo = cast.claimers.filter((c) => c.person.user._id === 'demo-member')
    const pool = [...demo, ...cast.claimers.filter((c) => !demo.includes(c))]
    for (let k = 0; k < pool.length; k++) {
      const candidate = pool[(this.claimTurn + k) % pool.length]
      if (!live || (this.counters.get(candidate.person.user._id)?.open ?? 0) < DEFAULT_COMMUNITY_SETTINGS.claimLimit - 1) {
        this.claimTurn++
        return candidate
      }
    }
    return pool[0]
  }

  /** Every claim counts in `total`; only live ones (still claimed) in `open`. */
  private count(openid: string, live: boolean, at: Date) {
    const current = this.counters.get(openid)
    this.counters.set(openid, { _id: openid, open: (current?.open ?? 0) + (live ? 1 : 0), total: (current?.total ?? 0) + 1, updatedAt: at })
  }

  private credit(wish: WishDoc, member: SeedPerson, settings: typeof DEFAULT_COMMUNITY_SETTINGS) {
    const entry = assessmentEntry({
      openid: member.user._id,
      communityId: wish.communityId,
      source: 'wish',
      sourceId: wish._id,
      points: assessmentRules(settings).wishPoints,
      reason: `完成微心愿：${wish.title}`,
      at: wish.confirmedAt as Date
    })
    this.entries.push(entry)
  }

  private demoResident(): SeedPerson {
    return this.ctx.people.find((p) => p.user._id === 'demo-resident') as SeedPerson
  }

  /**
   * One person, one form of address, one home (selfOf). The draws that used to pick them per wish are still
   * made, so everything seeded after them stays as it was.
   */
  private adultSelf(cast: Cast, submitter: SeedPerson, template: { appellations: Appellation[] }) {
    const { r } = this.ctx
    r.pick(template.appellations)
    r.int(1, 20)
    r.int(1, 6)
    r.int(1, 4)
    return selfOf(submitter, this.compoundName(cast, submitter))
  }

  private compoundName(cast: Cast, person?: SeedPerson): string {
    const id = person?.user.compoundId
    const compound =
      this.ctx.district.compounds.find((c) => c._id === id) ?? this.ctx.district.compounds.find((c) => c.communityId === cast.community._id)
    return compound?.name ?? ''
  }
}

export const seedWishes: PillarSeeder = (store, ctx) => new WishSeeder(store, ctx).run()
