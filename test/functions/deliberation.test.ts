// The deliberation function through the local cloud: households verified by staff, topics and their seconds,
// comments and flags, votes (frozen electorate, hidden results, changes, one ballot per voter key under
// concurrency, per-household rule, secret ballots, paper ballots with four eyes, recount at close) and the
// outcome (公示, objections, resolution, steps, hand-off). Votes are closed by moving their end time into
// the past in the store: tests never wait for the clock.
import { ids, type HouseholdMemberDoc } from '../../cloudfunctions/deliberation/src/docs'
import { useLocalCloud } from '../support/cloud'
import { typedClient, type Input } from '../support/client'
import { fails, ok, present } from '../support/envelope'
import { communitySettings, nextRequestId, point, STREET, twoCommunities } from '../support/fixtures'

const lc = useLocalCloud()
const api = typedClient(lc)
const d = api.deliberation

const AT = new Date('2026-01-01T00:00:00Z')
function user(openid: string, name: string, communityId: string, roles: object[] = []) {
  return {
    _id: openid,
    nickName: name,
    realName: name,
    phone: null,
    communityId,
    compoundId: null,
    roles,
    elderMode: false,
    consent: null,
    createdAt: AT,
    updatedAt: AT,
    deletedAt: null
  }
}
const STAFF = 'staff1'
const STAFF_B = 'staff1b'
const GRID = 'grid1'
/** Residents r000… of building 3 of cp001, each their own household, verified (seeded). */
const VOTERS = Array.from({ length: 100 }, (_, i) => `r${String(i).padStart(3, '0')}`)

function binding(
  openid: string,
  building: string,
  room: string,
  compoundId = 'cp001',
  communityId = 'cm01'
): HouseholdMemberDoc & Record<string, unknown> {
  const doc: HouseholdMemberDoc = {
    _id: ids.binding(openid),
    openid,
    householdId: ids.household(compoundId, building, room),
    communityId,
    compoundId,
    building,
    room,
    status: 'verified',
    requestedAt: AT,
    decidedAt: AT,
    decidedBy: STAFF,
    reason: null
  }
  return { ...doc }
}

beforeAll(() => {
  const s = lc.cloud.store
  s.insert('streets', [STREET])
  s.insert('communities', twoCommunities(communitySettings()))
  s.insert('compounds', [
    { _id: 'cp001', name: '幸福小区', communityId: 'cm01', streetId: 'st01', location: point(31.336, 118.376), households: 500 },
    { _id: 'cp002', name: '柳岸花园', communityId: 'cm02', streetId: 'st01', location: point(31.341, 118.386), households: 300 }
  ])
  s.insert('users', [
    ...VOTERS.map((o, i) => user(o, `居民${i}`, 'cm01')),
    user('newbie', '林新', 'cm01'),
    user('other4', '钱四', 'cm01'),
    user('cm02res', '赵外', 'cm02'),
    user('hhA', '王甲', 'cm01'),
    user('hhB', '王乙', 'cm01'),
    user(STAFF, '孙丽', 'cm01', [{ role: 'staff', communityId: 'cm01' }]),
    user(STAFF_B, '周敏', 'cm01', [{ role: 'staff', communityId: 'cm01' }]),
    user('staff2', '吴强', 'cm02', [{ role: 'staff', communityId: 'cm02' }]),
    user(GRID, '郑网', 'cm01', [
      { role: 'gridWorker', communityId: 'cm01', gridIds: ['cm01-g1'] },
      { role: 'staff', communityId: 'cm01' }
    ])
  ])
  s.insert('householdMembers', [
    ...VOTERS.map((o, i) => binding(o, '3', `${100 + i}`)),
    binding('other4', '4', '101'),
    binding('hhA', '3', '901'),
    binding('hhB', '3', '901'),
    binding('cm02res', '1', '101', 'cp002', 'cm02')
  ])
})

const topicInput = (over: Partial<Input<'deliberation', 'raiseTopic'>> = {}): Input<'deliberation', 'raiseTopic'> => ({
  requestId: nextRequestId('tp'),
  communityId: 'cm01',
  scope: 'building',
  compoundId: 'cp001',
  building: '3',
  title: '3号楼加装电梯',
  description: '3号楼老人多，上下楼困难，建议加装电梯',
  ...over
})
const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString()

/** A topic on the agenda (raised by staff) with a vote created and opened. */
async function openVote(over: Partial<Input<'deliberation', 'createVote'>> = {}) {
  const topic = await ok(d.raiseTopic(topicInput(), STAFF))
  const vote = await ok(
    d.createVote(
      {
        requestId: nextRequestId('vt'),
        topicId: topic.topicId,
        question: '是否加装电梯',
        kind: 'approve',
        per: 'resident',
        secret: true,
        endsAt: future(7),
        ...over
      },
      STAFF
    )
  )
  await ok(d.openVote({ voteId: vote.voteId }, STAFF))
  return { topicId: topic.topicId, voteId: vote.voteId }
}
/** Ends a vote now (its end time moved into the past) and closes it through the function. */
async function closeNow(voteId: string) {
  lc.cloud.store.update('votes', { _id: voteId }, { $set: { endsAt: new Date(Date.now() - 1000) } })
  await ok(d.closeVotes({}, STAFF))
  return present((await ok(d.voteDetail({ voteId }, STAFF))).result, 'result')
}

describe('households', () => {
  test('a resident asks, staff of the compound’s community verify; others are refused', async () => {
    const asked = await ok(d.requestHousehold({ requestId: nextRequestId(), compoundId: 'cp001', building: '5', room: '302' }, 'newbie'))
    expect(asked.status).toBe('pending')
    const queue = await ok(d.householdQueue({ communityId: 'cm01' }, STAFF))
    expect(queue.items.map((b) => b.bindingId)).toContain(asked.bindingId)
    await fails(d.householdQueue({ communityId: 'cm01' }, 'staff2'), 'PERMISSION_DENIED')
    await fails(d.verifyHousehold({ bindingId: asked.bindingId, decision: 'verify' }, 'staff2'), 'PERMISSION_DENIED')
    await fails(d.verifyHousehold({ bindingId: asked.bindingId, decision: 'verify' }, 'r001'), 'PERMISSION_DENIED')
    const verified = await ok(d.verifyHousehold({ bindingId: asked.bindingId, decision: 'verify' }, STAFF))
    expect(verified.status).toBe('verified')
    await fails(d.verifyHousehold({ bindingId: asked.bindingId, decision: 'reject' }, STAFF), 'CONFLICT')
    await fails(d.requestHousehold({ requestId: nextRequestId(), compoundId: 'cp001', building: '5', room: '303' }, 'newbie'), 'CONFLICT')
    expect((await ok(d.myHousehold({}, 'newbie')))?.status).toBe('verified')
    await ok(d.unbindHousehold({ bindingId: asked.bindingId, reason: '已搬离' }, STAFF))
    expect(await ok(d.myHousehold({}, 'newbie'))).toBeNull()
  })
})

describe('topics, seconds, expiry', () => {
  test('a verified resident raises; neighbours in scope second it onto the agenda; every refusal', async () => {
    await fails(d.raiseTopic(topicInput(), 'cm02res'), 'PERMISSION_DENIED')
    await fails(d.raiseTopic(topicInput({ building: '4' }), 'r000'), 'PERMISSION_DENIED')
    await fails(d.raiseTopic(topicInput({ secondsNeeded: 1 }), 'r000'), 'INVALID_ARGUMENT')
    const topic = await ok(d.raiseTopic(topicInput(), 'r000'))
    expect(topic).toMatchObject({ status: 'seconding', seconds: 0, secondsNeeded: 5, source: { kind: 'resident', id: null } })
    await fails(d.second({ topicId: topic.topicId }, 'r000'), 'CONFLICT', /自己/)
    await fails(d.second({ topicId: topic.topicId }, 'other4'), 'PERMISSION_DENIED')
    await fails(
      d.createVote(
        {
          requestId: nextRequestId(),
          topicId: topic.topicId,
          question: '是否',
          kind: 'approve',
          per: 'resident',
          secret: false,
          endsAt: future(3)
        },
        STAFF
      ),
      'CONFLICT'
    )
    // 10 concurrent seconds from one person count once
    await Promise.all(Array.from({ length: 10 }, () => d.second({ topicId: topic.topicId }, 'r001')))
    expect((await ok(d.topicDetail({ topicId: topic.topicId }, 'r001'))).seconds).toBe(1)
    await fails(d.second({ topicId: topic.topicId }, 'r001'), 'CONFLICT', /已附议/)
    for (const who of ['r002', 'r003', 'r004']) await ok(d.second({ topicId: topic.topicId }, who))
    const last = await ok(d.second({ topicId: topic.topicId }, 'r005'))
    expect(last).toMatchObject({ status: 'agenda', seconds: 5, seconded: true })
    await fails(d.second({ topicId: topic.topicId }, 'r006'), 'CONFLICT')
  })

  test('a topic whose period ends without enough seconds expires (timer); staff can put one on the agenda', async () => {
    const a = await ok(d.raiseTopic(topicInput(), 'r010'))
    const b = await ok(d.raiseTopic(topicInput(), 'r011'))
    await fails(d.toAgenda({ topicId: b.topicId }, 'staff2'), 'PERMISSION_DENIED')
    expect((await ok(d.toAgenda({ topicId: b.topicId, reason: '涉及安全' }, STAFF))).status).toBe('agenda')
    await fails(d.toAgenda({ topicId: b.topicId }, STAFF), 'CONFLICT')
    lc.cloud.store.update('topics', { _id: a.topicId }, { $set: { secondingEndsAt: new Date(Date.now() - 1000) } })
    expect((await ok(d.expireTopics({}, 'staff2'))).expired).toBe(0)
    expect((await ok(d.expireTopics({}, STAFF))).expired).toBeGreaterThanOrEqual(1)
    expect((await ok(d.topicDetail({ topicId: a.topicId }, 'r012'))).status).toBe('expired')
    await fails(d.second({ topicId: a.topicId }, 'r012'), 'CONFLICT')
  })

  test('staff raise from a report hot spot straight onto the agenda', async () => {
    const t = await ok(
      d.raiseTopic(
        topicInput({ scope: 'community', compoundId: undefined, building: undefined, source: { kind: 'reportHotspot', id: 'hs001' } }),
        STAFF
      )
    )
    expect(t).toMatchObject({ status: 'agenda', source: { kind: 'reportHotspot', id: 'hs001' } })
  })
})

describe('comments and flags', () => {
  test('three distinct flags hide a comment until staff review; one flag per person, race-safe', async () => {
    const topic = await ok(d.raiseTopic(topicInput(), STAFF))
    const c = await ok(d.comment({ requestId: nextRequestId(), topicId: topic.topicId, stance: 'oppose', text: '一楼住户不同意' }, 'r020'))
    await fails(
      d.comment({ requestId: nextRequestId(), topicId: topic.topicId, stance: 'support', text: '同意' }, 'cm02res'),
      'PERMISSION_DENIED'
    )
    await fails(d.flagComment({ commentId: c.commentId }, 'r020'), 'CONFLICT')
    await Promise.all(Array.from({ length: 10 }, () => d.flagComment({ commentId: c.commentId }, 'r021')))
    await fails(d.flagComment({ commentId: c.commentId }, 'r021'), 'CONFLICT', /已举报/)
    expect(await ok(d.flagComment({ commentId: c.commentId }, 'r022'))).toEqual({ flags: 2, hidden: false })
    expect(await ok(d.flagComment({ commentId: c.commentId }, 'r023'))).toEqual({ flags: 3, hidden: true })
    const seen = await ok(d.comments({ topicId: topic.topicId }, 'r024'))
    expect(seen.items[0]).toMatchObject({ hidden: true, flags: null })
    expect(seen.items[0].text).not.toContain('一楼住户')
    await fails(d.reviewComment({ commentId: c.commentId, decision: 'keep' }, 'staff2'), 'PERMISSION_DENIED')
    expect(await ok(d.reviewComment({ commentId: c.commentId, decision: 'keep' }, STAFF))).toMatchObject({ hidden: false, flags: 3 })
    expect(await ok(d.flagComment({ commentId: c.commentId }, 'r024'))).toEqual({ flags: 4, hidden: false })
    const summary = await ok(d.summarize({ topicId: topic.topicId, summary: '多数支持，一楼住户担心采光' }, STAFF))
    expect(summary.summary).toContain('采光')
  })
})

describe('votes', () => {
  test('the electorate is frozen at opening: a resident verified afterwards cannot vote; results hidden until close', async () => {
    const topic = await ok(d.raiseTopic(topicInput(), STAFF))
    const vote = await ok(
      d.createVote(
        {
          requestId: nextRequestId(),
          topicId: topic.topicId,
          question: '是否加装电梯',
          kind: 'approve',
          per: 'resident',
          secret: false,
          endsAt: future(7)
        },
        STAFF
      )
    )
    await fails(d.ballot({ voteId: vote.voteId, choices: [0] }, 'r000'), 'CONFLICT', /未在进行/)
    await fails(d.openVote({ voteId: vote.voteId }, 'staff2'), 'PERMISSION_DENIED')
    const opened = await ok(d.openVote({ voteId: vote.voteId }, STAFF))
    expect(opened).toMatchObject({ status: 'open', eligible: 102 })
    await fails(d.openVote({ voteId: vote.voteId }, STAFF), 'CONFLICT')
    // verified after opening
    const late = await ok(d.requestHousehold({ requestId: nextRequestId(), compoundId: 'cp001', building: '3', room: '999' }, 'newbie'))
    await ok(d.verifyHousehold({ bindingId: late.bindingId, decision: 'verify' }, STAFF))
    await fails(d.ballot({ voteId: vote.voteId, choices: [0] }, 'newbie'), 'PERMISSION_DENIED', /名单/)
    await fails(d.ballot({ voteId: vote.voteId, choices: [0] }, 'other4'), 'PERMISSION_DENIED')
    await fails(d.ballot({ voteId: vote.voteId, choices: [0, 1] }, 'r000'), 'INVALID_ARGUMENT')
    expect(await ok(d.ballot({ voteId: vote.voteId, choices: [1] }, 'r000'))).toEqual({ voted: true, changed: false })
    expect(await ok(d.ballot({ voteId: vote.voteId, choices: [0] }, 'r000'))).toEqual({ voted: true, changed: true })
    const during = await ok(d.voteDetail({ voteId: vote.voteId }, 'r000'))
    expect(during).toMatchObject({ result: null, participants: 1, voted: true, canVote: true })
    const result = await closeNow(vote.voteId)
    expect(result).toMatchObject({ tally: [1, 0, 0], participants: 1, eligible: 102, valid: false, passed: [], mismatch: false })
    expect(result.ballots).toEqual([{ voter: expect.stringMatching(/^居/), choices: [0] }])
    await fails(d.ballot({ voteId: vote.voteId, choices: [1] }, 'r000'), 'CONFLICT')
    expect((await ok(d.topicDetail({ topicId: topic.topicId }, 'r000'))).status).toBe('decided')
    await ok(d.unbindHousehold({ bindingId: late.bindingId, reason: '测试结束' }, STAFF))
  })

  test('100 concurrent ballots from one voter → exactly one ballot; 100 voters at once → 100 ballots and the right tally', async () => {
    const { voteId } = await openVote({ kind: 'single', options: ['东侧', '西侧', '不装'] })
    const same = await Promise.all(Array.from({ length: 100 }, (_, i) => d.ballot({ voteId, choices: [i % 3] }, 'r050')))
    expect(same.every((r) => r.ok)).toBe(true)
    expect(lc.cloud.store.count('ballots', { voteId })).toBe(1)
    const answers = await Promise.all(VOTERS.map((o, i) => d.ballot({ voteId, choices: [i < 60 ? 0 : i < 90 ? 1 : 2] }, o)))
    expect(answers.filter((r) => !r.ok)).toEqual([])
    expect(lc.cloud.store.count('ballots', { voteId })).toBe(100)
    const result = await closeNow(voteId)
    // 102 eligible (100 + the household 3-901's two residents); r050 voted again with choice 0
    expect(result).toMatchObject({
      tally: [60, 30, 10],
      participants: 100,
      eligible: 102,
      valid: true,
      passed: [0],
      mismatch: false,
      ballots: null
    })
  })

  test('two staff opening one vote at once: one opening wins, its register alone counts', async () => {
    const topic = await ok(d.raiseTopic(topicInput(), STAFF))
    const vote = await ok(
      d.createVote(
        {
          requestId: nextRequestId(),
          topicId: topic.topicId,
          question: '是否',
          kind: 'approve',
          per: 'resident',
          secret: true,
          endsAt: future(3)
        },
        STAFF
      )
    )
    const answers = await Promise.all([d.openVote({ voteId: vote.voteId }, STAFF), d.openVote({ voteId: vote.voteId }, STAFF_B)])
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    expect(answers.filter((a) => !a.ok).map((a) => !a.ok && a.error.code)).toEqual(['CONFLICT'])
    const opened = present(lc.cloud.store.get('votes', vote.voteId))
    expect(lc.cloud.store.count('voteRegister', { voteId: vote.voteId, opening: opened.opening })).toBe(opened.eligible)
    await ok(d.ballot({ voteId: vote.voteId, choices: [0] }, 'r001'))
    expect((await closeNow(vote.voteId)).mismatch).toBe(false)
  })

  test('per household: two residents of one household → one ballot counted, the later replaces the earlier', async () => {
    const { voteId } = await openVote({ per: 'household' })
    expect((await ok(d.voteDetail({ voteId }, 'hhA'))).eligible).toBe(101)
    await ok(d.ballot({ voteId, choices: [0] }, 'hhA'))
    expect(await ok(d.ballot({ voteId, choices: [1] }, 'hhB'))).toEqual({ voted: true, changed: true })
    expect((await ok(d.voteDetail({ voteId }, 'hhA'))).voted).toBe(true)
    const result = await closeNow(voteId)
    expect(result).toMatchObject({ tally: [0, 1, 0], participants: 1 })
  })

  test('a recount that disagrees with the running count is recorded', async () => {
    const { voteId } = await openVote()
    await ok(d.ballot({ voteId, choices: [0] }, 'r001'))
    lc.cloud.store.update('votes', { _id: voteId }, { $set: { running: [5, 0, 0] } })
    const result = await closeNow(voteId)
    expect(result).toMatchObject({ tally: [1, 0, 0], mismatch: true })
  })

  test('secret ballots carry no voter key and no answer joins a voter to a choice', async () => {
    const { voteId } = await openVote({ secret: true })
    await ok(d.ballot({ voteId, choices: [0] }, 'r001'))
    await ok(d.ballot({ voteId, choices: [1] }, 'r002'))
    const stored = lc.cloud.store.find('ballots', { voteId })
    for (const b of stored) expect(Object.keys(b).sort()).toEqual(['_id', 'choices', 'voteId'])
    const register = lc.cloud.store.find('voteRegister', { voteId, voted: true })
    expect(register.every((e) => e.castBy === null)).toBe(true)
    const ballotIds = stored.map((b) => String(b._id))
    const answers = [
      await ok(d.voteDetail({ voteId }, 'r001')),
      await ok(d.voteDetail({ voteId }, STAFF)),
      await closeNow(voteId),
      await ok(d.voteDetail({ voteId }, 'r002'))
    ]
    const text = JSON.stringify(answers)
    for (const id of ballotIds) expect(text).not.toContain(id)
    expect(text).not.toMatch(/r001|r002|居民1|居民2/)
  })

  test('paper ballots: entered by a grid worker with a photo, pending until another staff member confirms', async () => {
    const { voteId } = await openVote({ secret: true })
    const photo = `cloud://env/users/${GRID}/ballot.jpg`
    const input = { requestId: nextRequestId(), voteId, voterId: 'r030', choices: [0], photo }
    await fails(d.enterPaperBallot(input, STAFF), 'PERMISSION_DENIED')
    await fails(d.enterPaperBallot({ ...input, photo: 'cloud://env/users/r030/x.jpg' }, GRID), 'INVALID_ARGUMENT')
    await fails(d.enterPaperBallot({ ...input, requestId: nextRequestId(), voterId: 'newbie' }, GRID), 'PERMISSION_DENIED')
    const paper = await ok(d.enterPaperBallot(input, GRID))
    expect(paper.status).toBe('pending')
    expect((await ok(d.voteDetail({ voteId }, STAFF))).participants).toBe(0)
    expect((await ok(d.paperQueue({ communityId: 'cm01' }, STAFF))).map((p) => p.paperId)).toContain(paper.paperId)
    await fails(d.confirmPaperBallot({ paperId: paper.paperId }, GRID), 'PERMISSION_DENIED', /另一位/)
    await fails(d.confirmPaperBallot({ paperId: paper.paperId }, 'staff2'), 'PERMISSION_DENIED')
    const confirmed = await ok(d.confirmPaperBallot({ paperId: paper.paperId }, STAFF_B))
    expect(confirmed).toMatchObject({ status: 'confirmed', choices: null })
    await fails(d.confirmPaperBallot({ paperId: paper.paperId }, STAFF), 'CONFLICT')
    expect((await ok(d.voteDetail({ voteId }, 'r030'))).voted).toBe(true)
    expect((await closeNow(voteId)).tally).toEqual([1, 0, 0])
  })
})

describe('outcome', () => {
  test('公示 with objections, then resolution, steps to done, and the hand-off marker', async () => {
    const { topicId, voteId } = await openVote()
    await Promise.all(VOTERS.slice(0, 60).map((o) => d.ballot({ voteId, choices: [0] }, o)))
    expect((await closeNow(voteId)).passed).toEqual([0])
    await fails(d.resolve({ topicId, resolution: '加装' }, STAFF), 'CONFLICT')
    await fails(d.publish({ topicId }, 'staff2'), 'PERMISSION_DENIED')
    const published = await ok(d.publish({ topicId }, STAFF))
    expect(published.status).toBe('publicizing')
    // at least 5 working days: at least 7 calendar days from now
    expect(new Date(present(published.publicUntil)).getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000)
    expect(await ok(d.object({ requestId: nextRequestId(), topicId, text: '施工噪音' }, 'r070'))).toEqual({ objections: 1 })
    await fails(d.object({ requestId: nextRequestId(), topicId, text: '不同意' }, 'cm02res'), 'PERMISSION_DENIED')
    expect((await ok(d.endPublicity({}, STAFF))).ended).toBe(0)
    lc.cloud.store.update('topics', { _id: topicId }, { $set: { publicUntil: new Date(Date.now() - 1000) } })
    await fails(d.object({ requestId: nextRequestId(), topicId, text: '晚了' }, 'r071'), 'CONFLICT')
    expect((await ok(d.endPublicity({}, STAFF))).ended).toBe(1)
    const resolved = await ok(d.resolve({ topicId, resolution: '加装电梯，费用按楼层分摊', steps: ['设计', '施工'] }, STAFF))
    expect(resolved.status).toBe('implementing')
    await fails(d.progress({ topicId, step: 5, progress: 50 }, STAFF), 'INVALID_ARGUMENT')
    await ok(d.progress({ topicId, step: 0, progress: 100, photos: [`cloud://env/users/${STAFF}/design.jpg`] }, STAFF))
    const handed = await ok(d.handOff({ topicId }, STAFF))
    expect(handed.projectHandoff).not.toBeNull()
    await fails(d.handOff({ topicId }, STAFF), 'CONFLICT')
    const done = await ok(d.progress({ topicId, step: 1, progress: 100, note: '已投入使用' }, STAFF))
    expect(done.status).toBe('done')
    expect(done.steps.every((s) => s.doneAt)).toBe(true)
  })
})

describe('account deletion', () => {
  test('erases the author’s name on their comments and removes their household binding', async () => {
    const topic = await ok(d.raiseTopic(topicInput(), STAFF))
    const c = await ok(d.comment({ requestId: nextRequestId(), topicId: topic.topicId, stance: 'neutral', text: '再商量' }, 'r099'))
    await ok(api.user.deleteAccount({ confirm: '注销' }, 'r099'))
    expect(lc.cloud.store.get('topicComments', c.commentId)).toMatchObject({ author: '已注销用户', text: '再商量' })
    expect(lc.cloud.store.get('householdMembers', ids.binding('r099'))).toBeNull()
  })
})

describe('meetings', () => {
  test('scheduled on an agenda topic; residents in scope register; staff scan their own code; live quorum; minutes', async () => {
    const topic = await ok(d.raiseTopic(topicInput({ building: '4', title: '4号楼外墙维修' }), STAFF))
    const base = { requestId: nextRequestId(), topicId: topic.topicId, startsAt: future(2), agenda: ['维修方案', '费用分摊'] }
    await fails(d.scheduleMeeting({ ...base, mode: 'inPerson' }, STAFF), 'INVALID_ARGUMENT')
    await fails(d.scheduleMeeting({ ...base, mode: 'inPerson', venue: '社区议事厅' }, 'staff2'), 'PERMISSION_DENIED')
    const meeting = await ok(
      d.scheduleMeeting({ ...base, mode: 'both', venue: '社区议事厅', onlineLink: 'https://meeting.example/123' }, STAFF)
    )
    expect(meeting).toMatchObject({ eligible: 1, registered: 0, attended: 0, quorum: false })
    const { meetingId } = meeting
    await fails(d.registerMeeting({ meetingId }, 'r000'), 'PERMISSION_DENIED')
    await fails(d.meetingCode({ meetingId }, 'other4'), 'FAILED_PRECONDITION')
    await ok(d.registerMeeting({ meetingId }, 'other4'))
    expect((await ok(d.registerMeeting({ meetingId }, 'other4'))).registered).toBe(1)
    const code = await ok(d.meetingCode({ meetingId }, 'other4'))
    expect(code.qr).toMatch(/^LLT-MTG:/)
    expect(code.qr).not.toContain('other4')
    await fails(d.signInMeeting({ meetingId, code: code.qr.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) }, STAFF), 'FAILED_PRECONDITION')
    await fails(d.signInMeeting({ meetingId, code: code.qr }, 'other4'), 'PERMISSION_DENIED')
    const signed = await ok(d.signInMeeting({ meetingId, code: code.short }, STAFF))
    expect(signed).toMatchObject({ attended: 1, quorum: true })
    expect((await ok(d.signInMeeting({ meetingId, code: code.qr }, STAFF))).attended).toBe(1)
    expect(await ok(d.meetingDetail({ meetingId }, 'other4'))).toMatchObject({ registeredByMe: true, attendedByMe: true })
    expect((await ok(d.recordMinutes({ meetingId, minutes: '同意维修，费用按户分摊' }, STAFF))).minutes).toContain('分摊')
    await fails(d.registerMeeting({ meetingId }, 'other4'), 'CONFLICT')
  })
})

describe('figures', () => {
  test('topics raised, decided and implemented, participation, time to decision: staff and their street admin', async () => {
    const figures = await ok(d.stats({ communityId: 'cm01' }, STAFF))
    expect(figures.raised).toBeGreaterThan(figures.decided)
    expect(figures.decided).toBeGreaterThanOrEqual(figures.implemented)
    expect(figures.implemented).toBeGreaterThanOrEqual(1)
    expect(figures.participation).toBeGreaterThan(0)
    expect(figures.medianDaysToDecision).toBe(0)
    await fails(d.stats({ communityId: 'cm01' }, 'staff2'), 'PERMISSION_DENIED')
    await fails(d.stats({ communityId: 'cm01' }, 'r001'), 'PERMISSION_DENIED')
  })
})
