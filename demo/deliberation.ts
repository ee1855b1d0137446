// Demo deliberation (docs/pillars/deliberation.md): every resident with a compound is bound to a verified
// household (about one in four shares a household with the person before), and each community has a
// resident's topic gathering seconds, and a topic decided by a closed secret vote whose ballots, register and
// result are what the function would have written (the result through its own domain rules). 青枫社区 also
// has an open secret vote on 3号楼加装电梯 in the demo resident's building.
import { ids, type HouseholdMemberDoc, type TopicDoc, type VoteDoc, type VoteRegisterDoc } from '../cloudfunctions/deliberation/src/docs'
import { MORE_THAN_HALF, outcome } from '../cloudfunctions/deliberation/src/domain/rules'
import { electorate } from '../cloudfunctions/deliberation/src/domain/scope'
import type { PillarSeeder } from './index'

const DAY = 86_400_000
const OPENING = 'demo-opening'

export const seedDeliberation: PillarSeeder = (store, { r, now, people, district }) => {
  const ago = (days: number) => new Date(now.getTime() - days * DAY)
  const bindings: HouseholdMemberDoc[] = []
  let previous: HouseholdMemberDoc | null = null
  for (const { user } of people) {
    if (!user.compoundId || !user.communityId || user.roles.some((g) => g.role === 'staff' || g.role === 'streetAdmin')) continue
    const sameAsBefore = previous && previous.compoundId === user.compoundId && r.chance(0.25)
    const building = user._id === 'demo-resident' ? '3' : sameAsBefore && previous ? previous.building : String(r.int(1, 12))
    const room = sameAsBefore && previous ? previous.room : `${r.int(1, 18)}0${r.int(1, 4)}`
    const binding: HouseholdMemberDoc = {
      _id: ids.binding(user._id),
      openid: user._id,
      householdId: ids.household(user.compoundId, building, room),
      communityId: user.communityId,
      compoundId: user.compoundId,
      building,
      room,
      status: 'verified',
      requestedAt: ago(60),
      decidedAt: ago(59),
      decidedBy: null,
      reason: null
    }
    bindings.push(binding)
    previous = binding
  }
  store.insert('householdMembers', bindings)
  const households = new Map(bindings.map((b) => [b.householdId, b]))
  store.insert(
    'households',
    [...households.values()].map((b) => ({
      _id: b.householdId,
      communityId: b.communityId,
      compoundId: b.compoundId,
      building: b.building,
      room: b.room,
      createdAt: b.decidedAt
    }))
  )

  const topics: TopicDoc[] = []
  const votes: VoteDoc[] = []
  const register: VoteRegisterDoc[] = []
  const ballots: Array<{ _id: string; voteId: string; choices: number[] }> = []
  const topic = (id: string, communityId: string, over: Partial<TopicDoc>): TopicDoc => ({
    _id: id,
    communityId,
    scope: 'community',
    compoundId: null,
    building: null,
    title: '',
    description: '',
    photos: [],
    affected: null,
    source: { kind: 'resident', id: null },
    raisedBy: bindings.find((b) => b.communityId === communityId)?.openid ?? '',
    status: 'seconding',
    seconds: 0,
    secondsNeeded: 5,
    secondingEndsAt: null,
    summary: null,
    voteId: null,
    publicUntil: null,
    objections: 0,
    resolution: null,
    steps: [],
    projectHandoff: null,
    raisedAt: ago(20),
    decidedAt: null,
    history: [],
    ...over
  })
  /** A secret approve vote on `t` with the electorate of its scope, `share` of whom voted, mostly 同意. */
  const secretVote = (t: TopicDoc, status: 'open' | 'closed', share: number) => {
    const id = `vt-${t._id}`
    const entries = electorate(bindings, t, 'household')
    const voted = entries.filter(() => r.chance(share))
    const cast = voted.map((e) => ({ _id: ids.ballot(id, e.key), voteId: id, choices: [r.chance(0.7) ? 0 : r.pick([1, 2])] }))
    const running = [0, 1, 2].map((i) => cast.filter((b) => b.choices[0] === i).length)
    const vote: VoteDoc = {
      _id: id,
      topicId: t._id,
      communityId: t.communityId,
      question: `是否同意${t.title}`,
      kind: 'approve',
      options: [],
      maxChoices: 1,
      per: 'household',
      secret: true,
      status,
      endsAt: status === 'open' ? new Date(now.getTime() + 5 * DAY) : ago(3),
      validity: MORE_THAN_HALF,
      passing: MORE_THAN_HALF,
      createdBy: '',
      createdAt: ago(12),
      openedAt: ago(10),
      opening: OPENING,
      closedAt: status === 'closed' ? ago(3) : null,
      eligible: entries.length,
      participants: cast.length,
      running,
      result: null
    }
    if (status === 'closed') vote.result = outcome(vote, cast)
    votes.push(vote)
    const votedKeys = new Set(voted.map((e) => e.key))
    register.push(
      ...entries.map((e) => ({
        _id: ids.register(id, OPENING, e.key),
        voteId: id,
        opening: OPENING,
        key: e.key,
        members: e.members,
        voted: votedKeys.has(e.key),
        castBy: null
      }))
    )
    ballots.push(...cast)
    return id
  }

  for (const community of district.communities) {
    const cm = community._id
    topics.push(
      topic(`tp-${cm}-parking`, cm, {
        title: '规范小区停车秩序',
        description: '晚上车辆乱停占用消防通道，建议划定停车位并实行登记。',
        seconds: 2,
        secondingEndsAt: new Date(now.getTime() + 10 * DAY),
        history: [{ at: ago(4), who: '', from: null, to: 'seconding', why: null }],
        raisedAt: ago(4)
      })
    )
    const fund = topic(`tp-${cm}-fund`, cm, {
      title: '社区自治金用于更换楼道灯',
      description: '部分楼道灯损坏，建议使用今年自治金统一更换为声控灯。',
      status: 'decided',
      decidedAt: ago(3),
      source: { kind: 'staff', id: null },
      history: [
        { at: ago(20), who: '', from: null, to: 'agenda', why: null },
        { at: ago(10), who: '', from: 'agenda', to: 'voting', why: null },
        { at: ago(3), who: 'system', from: 'voting', to: 'decided', why: null }
      ]
    })
    fund.voteId = secretVote(fund, 'closed', 0.6)
    topics.push(fund)
  }
  const home = bindings.find((b) => b.openid === 'demo-resident')
  if (home) {
    const lift = topic('tp-lift-3', home.communityId, {
      scope: 'building',
      compoundId: home.compoundId,
      building: '3',
      title: '3号楼加装电梯',
      description: '3号楼老人多，上下楼困难，建议申请加装电梯，费用按楼层分摊。',
      affected: '3号楼全体住户',
      status: 'voting',
      history: [
        { at: ago(20), who: '', from: null, to: 'seconding', why: null },
        { at: ago(15), who: 'system', from: 'seconding', to: 'agenda', why: '附议达到5人' },
        { at: ago(10), who: '', from: 'agenda', to: 'voting', why: null }
      ]
    })
    lift.voteId = secretVote(lift, 'open', 0.4)
    topics.push(lift)
  }
  store.insert('topics', topics)
  store.insert('votes', votes)
  if (register.length) store.insert('voteRegister', register)
  if (ballots.length) store.insert('ballots', ballots)
}
