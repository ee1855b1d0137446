// Finding 2 of issue 13: check-in was not bound to a person and location was whatever the client sent.
// The binding: under an activity's default check-in mode, staffScan, the volunteer shows their own
// rotating code (bound to their enrollment) and staff of the activity's community scan it, witnessing who
// is there; a forwarded venue code checks in no one, a personal code is used once and lives 30–60 s, and
// staff of another community cannot scan. Under venueCode (self check-in, kept for crowds) the attack,
// replayed through the local cloud: a volunteer at the venue forwards the code they scanned;
// another account, at home, sends it with the venue's public coordinates. Each check lands on the
// caller's own enrollment only (the id comes from the caller's OPENID), so the forwarded code cannot
// check in or out the person who forwarded it nor anyone not enrolled; for an enrolled accomplice it is
// accepted (a venue code cannot prove who scanned it, docs/pillars/volunteer-points.md) but the evidence
// is stored and staff see it flagged: the venue's exact coordinates, one phone for several people, a
// check-out far from the check-in or too soon. And no one holds overlapping enrollments, even when
// enrolling in two overlapping activities at once.
import { enrollmentIdFor } from '../../cloudfunctions/volunteer/src/docs'
import { checkinPayload, codePayload, windowOf } from '../../cloudfunctions/volunteer/src/domain/token'
import { useLocalCloud } from '../support/cloud'
import { typedClient } from '../support/client'
import { fails, ok } from '../support/envelope'
import { nextRequestId } from '../support/fixtures'
import { castWorld, grants, userDoc, type Cast } from './support/world'

const lc = useLocalCloud()
const api = typedClient(lc)
const store = () => lc.cloud.store

jest.setTimeout(120_000)

const HOUR = 3_600_000
const VENUE = { lat: 31.335, lng: 118.375 } // public: every activity answer carries it
const NEAR = { lat: 31.3352, lng: 118.3751 } // about 25 m away, as a phone on site reports

let cast: Cast
beforeEach(() => {
  store().clear()
  cast = castWorld(store(), { members: 0, volunteers: 6, residents: 0 })
})

async function activity(startInMs: number, hours = 3, title = '敬老院陪伴读报', checkinMode: 'staffScan' | 'venueCode' = 'venueCode') {
  const start = Date.now() + startInMs
  const at = (ms: number) => new Date(ms).toISOString()
  const created = await ok(
    api.volunteer.createActivity(
      {
        requestId: nextRequestId('trust'),
        title,
        content: '为老人读报、聊天、陪伴散步。',
        venue: '青枫社区日间照料中心',
        location: VENUE,
        start: at(start),
        end: at(start + hours * HOUR),
        enrollDeadline: at(start - HOUR),
        capacity: 20,
        pointsPerHour: 10,
        pointsCap: 30,
        radius: 200,
        checkinMode
      },
      cast.staff[0]
    )
  )
  return created.id
}

/** An activity that started 10 minutes ago with `who` enrolled. */
async function running(who: string[], checkinMode: 'staffScan' | 'venueCode' = 'venueCode') {
  const id = await activity(2 * 24 * HOUR, 3, '敬老院陪伴读报', checkinMode)
  for (const v of who) await ok(api.volunteer.enroll({ activityId: id }, v))
  const start = new Date(Date.now() - 10 * 60_000)
  store().update('activities', { _id: id }, { $set: { start, end: new Date(start.getTime() + 3 * HOUR) } })
  return id
}

const code = async (activityId: string) => (await ok(api.volunteer.checkinCode({ activityId }, cast.staff[0]))).payload

const secret = () => store().get('appSecrets', 'checkin')!.value as string
const myCode = async (activityId: string, volunteer: string) => ok(api.volunteer.myCheckinCode({ activityId }, volunteer))

describe('finding 2: under staffScan, staff scan each volunteer’s own code', () => {
  it('is the default for a new activity', async () => {
    const id = await ok(
      api.volunteer.createActivity(
        {
          requestId: nextRequestId('trust'),
          title: '楼道清扫',
          content: '清理楼道杂物。',
          venue: '青枫社区3栋',
          location: VENUE,
          start: new Date(Date.now() + 2 * 24 * HOUR).toISOString(),
          end: new Date(Date.now() + 2 * 24 * HOUR + HOUR).toISOString(),
          enrollDeadline: new Date(Date.now() + 24 * HOUR).toISOString(),
          capacity: 5,
          pointsPerHour: 10,
          pointsCap: 30,
          radius: 200
        },
        cast.staff[0]
      )
    )
    expect(id.checkinMode).toBe('staffScan')
  })

  it('refuses a forwarded code to an absent enrolled volunteer: no venue code exists and a valid one is refused', async () => {
    const [onSite, absent] = cast.volunteers
    const id = await running([onSite, absent], 'staffScan')
    await fails(api.volunteer.checkinCode({ activityId: id }, cast.staff[0]), 'FAILED_PRECONDITION', /无需出示现场签到码/)
    // The on-site volunteer is scanned by staff; the absent one tries what a forwarded code could be.
    const shown = await myCode(id, onSite)
    await ok(api.volunteer.scanVolunteer({ activityId: id, code: shown.payload, kind: 'in', location: NEAR }, cast.staff[0]))
    const venue = checkinPayload(secret(), id, windowOf(Date.now())) // even a genuinely signed venue code
    for (const token of [venue, shown.payload, shown.shortCode]) {
      await fails(api.volunteer.checkIn({ activityId: id, token, location: NEAR }, absent), 'FAILED_PRECONDITION', /工作人员扫描/)
    }
    expect(store().get('enrollments', enrollmentIdFor(id, absent))).toMatchObject({ status: 'enrolled', checkInAt: null })
    expect(store().get('enrollments', enrollmentIdFor(id, onSite))).toMatchObject({ status: 'checkedIn', checkInBy: cast.staff[0] })
  })

  it('checks in and out by the QR or the typed code, once per code, with the person named to staff', async () => {
    const [v] = cast.volunteers
    const id = await running([v], 'staffScan')
    const first = await myCode(id, v)
    expect(first.payload).not.toContain(v) // no openid in the code
    expect(first.shortCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/)
    const typed = `${first.shortCode.slice(0, 3).toLowerCase()} ${first.shortCode.slice(3)}`
    const inn = await ok(api.volunteer.scanVolunteer({ activityId: id, code: typed, kind: 'in' }, cast.staff[0]))
    expect(inn).toMatchObject({ kind: 'in', realName: expect.any(String), volunteerNo: expect.stringMatching(/^ZY/), distance: null })
    expect(inn.enrollment.status).toBe('checkedIn')
    // Replayed: the same code again, for the check-in or the check-out, typed or scanned.
    await fails(api.volunteer.scanVolunteer({ activityId: id, code: first.payload, kind: 'in' }, cast.staff[1]), 'CONFLICT', /已使用/)
    await fails(api.volunteer.scanVolunteer({ activityId: id, code: first.shortCode, kind: 'out' }, cast.staff[1]), 'CONFLICT', /已使用/)
    // Expired: a correctly signed code two windows old.
    const old = codePayload(secret(), 'person', enrollmentIdFor(id, v), windowOf(Date.now()) - 2)
    await fails(api.volunteer.scanVolunteer({ activityId: id, code: old, kind: 'out' }, cast.staff[0]), 'FAILED_PRECONDITION', /已过期/)
    await fails(
      api.volunteer.scanVolunteer({ activityId: id, code: 'ABCDEF', kind: 'out' }, cast.staff[0]),
      'FAILED_PRECONDITION',
      /不正确或已过期/
    )
    // The code of the other accepted window (what the volunteer's screen shows next) checks out.
    const now = windowOf(Date.now())
    const fresh = codePayload(secret(), 'person', enrollmentIdFor(id, v), now !== first.window ? now : now - 1)
    const out = await ok(api.volunteer.scanVolunteer({ activityId: id, code: fresh, kind: 'out', location: NEAR }, cast.staff[1]))
    expect(out.enrollment.status).toBe('completed')
    expect(out.distance).toEqual(expect.any(Number))
    expect(store().get('enrollments', enrollmentIdFor(id, v))).toMatchObject({ checkInBy: cast.staff[0], checkOutBy: cast.staff[1] })
    const row = (await ok(api.volunteer.attendance({ activityId: id }, cast.staff[0]))).items[0]
    expect(row.witnessed).toEqual({ checkIn: true, checkOut: true })
  })

  it('refuses staff of another community, a volunteer scanning, staff scanning themselves and a code of another activity', async () => {
    const [v, w] = cast.volunteers
    store().insert('users', [userDoc('staffcm02', '柳岸社工', [grants.staff('cm02')], { phone: '13500009999' })])
    const id = await running([v], 'staffScan')
    const other = await running([w], 'staffScan')
    const shown = await myCode(id, v)
    await fails(api.volunteer.scanVolunteer({ activityId: id, code: shown.payload, kind: 'in' }, 'staffcm02'), 'PERMISSION_DENIED')
    await fails(api.volunteer.scanVolunteer({ activityId: id, code: shown.payload, kind: 'in' }, w), 'PERMISSION_DENIED')
    await fails(
      api.volunteer.scanVolunteer({ activityId: other, code: shown.payload, kind: 'in' }, cast.staff[0]),
      'FAILED_PRECONDITION',
      /不属于本活动/
    )
    await fails(api.volunteer.scanVolunteer({ activityId: other, code: shown.shortCode, kind: 'in' }, cast.staff[0]), 'FAILED_PRECONDITION')
    await fails(api.volunteer.myCheckinCode({ activityId: other }, v), 'FAILED_PRECONDITION', /没有报名/)
    expect(store().get('enrollments', enrollmentIdFor(id, v))).toMatchObject({ status: 'enrolled' })

    // A staff member enrolled as a volunteer cannot witness their own check-in.
    store().update('users', { _id: cast.staff[1] }, { $set: { roles: [grants.staff(), grants.volunteer()] } })
    store().insert('volunteers', [{ ...store().get('volunteers', v)!, _id: cast.staff[1], volunteerNo: 'ZY00009999', busy: [] }])
    store().update(
      'activities',
      { _id: id },
      { $set: { start: new Date(Date.now() + 2 * 24 * HOUR), end: new Date(Date.now() + 2 * 24 * HOUR + HOUR) } }
    )
    await ok(api.volunteer.enroll({ activityId: id }, cast.staff[1]))
    store().update('activities', { _id: id }, { $set: { start: new Date(Date.now() - 10 * 60_000), end: new Date(Date.now() + HOUR) } })
    const own = await myCode(id, cast.staff[1])
    await fails(
      api.volunteer.scanVolunteer({ activityId: id, code: own.payload, kind: 'in' }, cast.staff[1]),
      'PERMISSION_DENIED',
      /不能为自己/
    )
    await ok(api.volunteer.scanVolunteer({ activityId: id, code: own.payload, kind: 'in' }, cast.staff[0]))
  })
})

describe('finding 2 under venueCode: a forwarded check-in code and the venue coordinates', () => {
  it('check the caller’s own enrollment only: never the forwarder’s, never someone not enrolled', async () => {
    const [onSite, forwardedTo, outsider] = cast.volunteers
    const id = await running([onSite, forwardedTo])
    const forwarded = await code(id)
    await ok(api.volunteer.checkIn({ activityId: id, token: forwarded, location: NEAR }, onSite))
    const before = store().get('enrollments', enrollmentIdFor(id, onSite))

    // The outsider is refused and nothing changes; the forwarder's enrollment is out of everyone else's reach.
    await fails(api.volunteer.checkIn({ activityId: id, token: forwarded, location: VENUE }, outsider), 'FAILED_PRECONDITION', /没有报名/)
    await fails(api.volunteer.checkOut({ activityId: id, token: forwarded, location: VENUE }, outsider), 'FAILED_PRECONDITION', /没有报名/)
    await ok(api.volunteer.checkIn({ activityId: id, token: forwarded, location: VENUE }, forwardedTo))
    expect(store().get('enrollments', enrollmentIdFor(id, onSite))).toEqual(before)
    expect(store().get('enrollments', enrollmentIdFor(id, forwardedTo))).toMatchObject({
      status: 'checkedIn',
      checkInEvidence: { ...VENUE, distance: 0 }
    })
  })

  it('the copied venue coordinates, the shared phone, and the quick far-away check-out are flagged to staff', async () => {
    const [honest, forwarder, accomplice] = cast.volunteers
    const id = await running([honest, forwarder, accomplice])
    const shown = await code(id)
    await ok(api.volunteer.checkIn({ activityId: id, token: shown, location: NEAR, accuracy: 12, deviceId: 'honest-phone-01' }, honest))
    await ok(api.volunteer.checkIn({ activityId: id, token: shown, location: NEAR, accuracy: 20, deviceId: 'forwarder-phone' }, forwarder))
    // The accomplice checks in with the forwarded code and the public venue coordinates, then checks out
    // on the forwarder's phone a few minutes later from elsewhere within the radius.
    await ok(api.volunteer.checkIn({ activityId: id, token: shown, location: VENUE, deviceId: 'accomplice-01' }, accomplice))
    const south = { lat: VENUE.lat - 0.0017, lng: VENUE.lng } // about 190 m south
    await ok(api.volunteer.checkOut({ activityId: id, token: await code(id), location: south, deviceId: 'forwarder-phone' }, accomplice))

    const rows = (await ok(api.volunteer.attendance({ activityId: id }, cast.staff[0]))).items
    const flagsOf = (openid: string) => rows.find((r) => r.openid === openid)!.flags
    expect(flagsOf(honest)).toEqual([])
    expect(flagsOf(forwarder)).toEqual(['sharedDevice'])
    expect(flagsOf(accomplice)).toEqual(['exactVenue', 'sharedDevice', 'farApart', 'tooShort'])
    const accompliceRow = rows.find((r) => r.openid === accomplice)!
    expect(accompliceRow.checkInEvidence).toMatchObject({ ...VENUE, distance: 0, accuracy: null })
    expect(accompliceRow.checkOutEvidence).toMatchObject({ ...south, distance: expect.any(Number) })
  })
})

describe('finding 2: no overlapping enrollments', () => {
  it('refuses an activity overlapping one the person is enrolled in, with a clear message', async () => {
    const [v] = cast.volunteers
    const first = await activity(2 * 24 * HOUR, 3, '上午读报')
    const second = await activity(2 * 24 * HOUR + HOUR, 3, '下午义诊')
    await ok(api.volunteer.enroll({ activityId: first }, v))
    await fails(
      api.volunteer.enroll({ activityId: second }, v),
      'FAILED_PRECONDITION',
      '与您已报名的活动「上午读报」时间重叠，不能同时报名'
    )
    expect(store().count('enrollments', { openid: v })).toBe(1)
  })

  it('two enrollments into overlapping activities at once: at most one, for every person', async () => {
    const pairs = await Promise.all(
      [0, 1, 2].map((k) => Promise.all([activity((2 + k) * 24 * HOUR), activity((2 + k) * 24 * HOUR + HOUR)]))
    )
    const tries = cast.volunteers.flatMap((v) =>
      pairs.flatMap(([a, b]) => [
        { v, a },
        { v, a: b }
      ])
    )
    const answers = await Promise.all(tries.map(({ v, a }) => api.volunteer.enroll({ activityId: a }, v)))
    for (const a of answers) if (!a.ok) expect(a.error.message).toMatch(/时间重叠|人太多/)
    for (const v of cast.volunteers) {
      for (const [a, b] of pairs) {
        const held = store().find('enrollments', { openid: v, activityId: { $in: [a, b] }, status: 'enrolled' })
        expect(held.length).toBeLessThanOrEqual(1)
      }
    }
    expect(answers.filter((a) => a.ok).length).toBeGreaterThanOrEqual(cast.volunteers.length)
  })
})
