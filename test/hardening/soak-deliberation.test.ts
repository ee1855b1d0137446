// Deliberation soak: 40 verified residents of one building (20 households of two) act at once, 24 calls at a
// time in a seeded random order: seconds until the threshold and after it, double flags on comments, three
// ballots each on a secret per-household vote and an open per-resident vote (changes, and two residents of a
// household replacing each other), paper ballots confirmed by a second staff member, repeated timer runs.
// Afterwards: every counter equals its documents, each voter key has at most one ballot, the running count
// equals the recount, the register's voted entries equal the ballots, and closing records no mismatch.
//
// SOAK_SEED=<n> replays a seed (the same calls are chosen; their interleaving is the machine's).
import { ids, type HouseholdMemberDoc } from '../../cloudfunctions/deliberation/src/docs'
import { tally } from '../../cloudfunctions/deliberation/src/domain/rules'
import type { Envelope } from '../../types'
import { useLocalCloud } from '../support/cloud'
import { typedClient } from '../support/client'
import { ok } from '../support/envelope'
import { communitySettings, nextRequestId, point, STREET, twoCommunities } from '../support/fixtures'

const SEED = Number(process.env.SOAK_SEED) || Math.floor(Math.random() * 1_000_000)
const CONCURRENCY = 24
const RESIDENTS = Array.from({ length: 40 }, (_, i) => `sk${String(i).padStart(2, '0')}`)
const AT = new Date('2026-01-01T00:00:00Z')
const user = (openid: string, roles: object[] = []) => ({
  _id: openid,
  nickName: openid,
  realName: `居民${openid.slice(2)}`,
  phone: null,
  communityId: 'cm01',
  compoundId: 'cp001',
  roles,
  elderMode: false,
  consent: null,
  createdAt: AT,
  updatedAt: AT,
  deletedAt: null
})

const lc = useLocalCloud({
  seed: (s) => {
    s.insert('streets', [STREET])
    s.insert('communities', twoCommunities(communitySettings()))
    s.insert('compounds', [
      { _id: 'cp001', name: '幸福小区', communityId: 'cm01', streetId: 'st01', location: point(31.336, 118.376), households: 500 }
    ])
    s.insert('users', [
      ...RESIDENTS.map((o) => user(o)),
      user('sk-staff', [{ role: 'staff', communityId: 'cm01' }]),
      user('sk-staff2', [{ role: 'staff', communityId: 'cm01' }]),
      user('sk-grid', [{ role: 'gridWorker', communityId: 'cm01', gridIds: [] }])
    ])
    s.insert(
      'householdMembers',
      RESIDENTS.map((openid, i) => {
        const room = `${100 + Math.floor(i / 2)}`
        const doc: HouseholdMemberDoc = {
          _id: ids.binding(openid),
          openid,
          householdId: ids.household('cp001', '1', room),
          communityId: 'cm01',
          compoundId: 'cp001',
          building: '1',
          room,
          status: 'verified',
          requestedAt: AT,
          decidedAt: AT,
          decidedBy: 'sk-staff',
          reason: null
        }
        return { ...doc }
      })
    )
  }
})
const d = typedClient(lc).deliberation

/** A small seeded generator (mulberry32), so a seed replays the same calls. */
function random(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    int: (n: number) => Math.floor(next() * n),
    shuffle: <T>(xs: T[]) =>
      xs
        .map((x) => [next(), x] as const)
        .sort((p, q) => p[0] - q[0])
        .map(([, x]) => x)
  }
}

async function runAll(calls: Array<() => Promise<Envelope<unknown>>>): Promise<Envelope<unknown>[]> {
  const out: Envelope<unknown>[] = []
  for (let i = 0; i < calls.length; i += CONCURRENCY) out.push(...(await Promise.all(calls.slice(i, i + CONCURRENCY).map((c) => c()))))
  return out
}

const ALLOWED_REFUSALS = new Set(['CONFLICT', 'PERMISSION_DENIED'])

jest.setTimeout(180_000)

test(`deliberation under concurrency keeps its counters, one ballot per key and the recount (seed ${SEED})`, async () => {
  const r = random(SEED)
  const store = lc.cloud.store
  const future = new Date(Date.now() + 3 * 86_400_000).toISOString()
  const topicInput = {
    communityId: 'cm01',
    scope: 'building' as const,
    compoundId: 'cp001',
    building: '1',
    title: '1号楼加装电梯',
    description: '老人上下楼困难'
  }
  const seconded = await ok(d.raiseTopic({ requestId: nextRequestId(), ...topicInput }, RESIDENTS[0]))
  const agenda = await ok(d.raiseTopic({ requestId: nextRequestId(), ...topicInput }, 'sk-staff'))
  const comments = await Promise.all(
    RESIDENTS.slice(0, 3).map((o) =>
      ok(d.comment({ requestId: nextRequestId(), topicId: agenda.topicId, stance: 'neutral', text: '再议' }, o))
    )
  )
  const votes: string[] = []
  for (const [per, secret] of [
    ['household', true],
    ['resident', false]
  ] as const) {
    const topic = await ok(d.raiseTopic({ requestId: nextRequestId(), ...topicInput }, 'sk-staff'))
    const vote = await ok(
      d.createVote(
        {
          requestId: nextRequestId(),
          topicId: topic.topicId,
          question: '选方案',
          kind: 'single',
          options: ['甲', '乙', '丙'],
          per,
          secret,
          endsAt: future
        },
        'sk-staff'
      )
    )
    await ok(d.openVote({ voteId: vote.voteId }, 'sk-staff'))
    votes.push(vote.voteId)
  }
  const papers = await Promise.all(
    RESIDENTS.slice(30, 35).map((o) =>
      ok(
        d.enterPaperBallot(
          { requestId: nextRequestId(), voteId: votes[0], voterId: o, choices: [2], photo: 'cloud://env/users/sk-grid/p.jpg' },
          'sk-grid'
        )
      )
    )
  )

  const calls: Array<() => Promise<Envelope<unknown>>> = []
  for (const o of RESIDENTS) {
    calls.push(
      () => d.second({ topicId: seconded.topicId }, o),
      () => d.second({ topicId: seconded.topicId }, o)
    )
    for (const c of comments)
      calls.push(
        () => d.flagComment({ commentId: c.commentId }, o),
        () => d.flagComment({ commentId: c.commentId }, o)
      )
    for (const voteId of votes)
      for (let k = 0; k < 3; k++)
        calls.push(
          (
            (choice) => () =>
              d.ballot({ voteId, choices: [choice] }, o)
          )(r.int(3))
        )
  }
  for (const p of papers)
    calls.push(
      () => d.confirmPaperBallot({ paperId: p.paperId }, 'sk-staff2'),
      () => d.confirmPaperBallot({ paperId: p.paperId }, 'sk-staff')
    )
  for (let k = 0; k < 6; k++)
    calls.push(
      () => d.expireTopics({}, 'sk-staff'),
      () => d.voteDetail({ voteId: votes[k % 2] }, RESIDENTS[k])
    )
  const answers = await runAll(r.shuffle(calls))
  const unexpected = answers
    .filter((a) => !a.ok && !ALLOWED_REFUSALS.has(a.error.code))
    .map((a) => !a.ok && `${a.error.code} ${a.error.message}`)
  expect(unexpected).toEqual([])

  const problems: string[] = []
  for (const t of store.find('topics')) {
    const n = store.count('topicSeconds', { topicId: t._id })
    if (t.seconds !== n) problems.push(`topic ${t._id}: seconds ${t.seconds} ≠ ${n} documents`)
    if (t.status === 'agenda' && t.secondsNeeded && t.seconds !== t.secondsNeeded)
      problems.push(`topic ${t._id}: seconds past the threshold`)
  }
  for (const c of store.find('topicComments')) {
    const n = store.count('commentFlags', { commentId: c._id })
    if (c.flags !== n || n !== RESIDENTS.length - 1) problems.push(`comment ${c._id}: flags ${c.flags}, documents ${n}`)
    if (!c.hidden) problems.push(`comment ${c._id}: not hidden after ${n} flags`)
  }
  for (const voteId of votes) {
    const vote = store.get('votes', voteId) as Record<string, any>
    const ballots = store.find('ballots', { voteId })
    const voted = store.count('voteRegister', { voteId, opening: vote.opening, voted: true })
    if (new Set(ballots.map((b) => b._id)).size !== ballots.length) problems.push(`vote ${voteId}: repeated ballot ids`)
    if (ballots.length !== voted || ballots.length !== vote.participants)
      problems.push(`vote ${voteId}: ${ballots.length} ballots, ${voted} voted, ${vote.participants} participants`)
    if (JSON.stringify(tally(ballots as unknown as Array<{ choices: number[] }>, 3)) !== JSON.stringify(vote.running))
      problems.push(`vote ${voteId}: running ${vote.running} ≠ recount`)
    if (ballots.length > vote.eligible) problems.push(`vote ${voteId}: more ballots than eligible`)
  }
  expect(problems).toEqual([])
  expect(store.find('votes', { _id: votes[0] })[0].eligible).toBe(20)
  expect(store.count('ballots', { voteId: votes[0] })).toBe(20)
  expect(store.count('ballots', { voteId: votes[1] })).toBe(40)
  for (const voteId of votes) store.update('votes', { _id: voteId }, { $set: { endsAt: new Date(Date.now() - 1000) } })
  await Promise.all([d.closeVotes({}, 'sk-staff'), d.closeVotes({}, 'sk-staff2')])
  for (const voteId of votes) expect((await ok(d.voteDetail({ voteId }, 'sk-staff'))).result).toMatchObject({ mismatch: false })
})
