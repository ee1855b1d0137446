import { attendanceFlags, sharedDeviceIds, type Evidence } from './evidence'

const VENUE = { lat: 31.335, lng: 118.375 }
const AT = new Date('2026-05-01T09:00:00Z')
const later = (minutes: number) => new Date(AT.getTime() + minutes * 60_000)

const reading = (over: Partial<Evidence> = {}): Evidence => ({
  lat: 31.3352,
  lng: 118.3751,
  accuracy: 15,
  distance: 25,
  deviceId: null,
  at: AT,
  ...over
})
const honest = { checkInEvidence: reading(), checkOutEvidence: reading({ lat: 31.3351, at: later(120) }) }
const ctx = (sharedDevices: string[] = []) => ({ venue: VENUE, radius: 200, sharedDevices: new Set(sharedDevices) })

describe('attendance flags', () => {
  it('flags nothing for a measured reading near the venue and a stay of hours', () => {
    expect(attendanceFlags(honest, ctx())).toEqual([])
    expect(attendanceFlags({}, ctx())).toEqual([])
  })

  it('flags the venue’s own coordinates (to 6 decimals) or a distance of 0, at check-in or check-out', () => {
    expect(attendanceFlags({ checkInEvidence: reading({ ...VENUE, distance: 0 }) }, ctx())).toEqual(['exactVenue'])
    const copied = reading({ lat: 31.3350004, lng: 118.3749996, distance: 0 })
    expect(attendanceFlags({ ...honest, checkOutEvidence: { ...copied, at: later(120) } }, ctx())).toEqual(['exactVenue'])
    expect(attendanceFlags({ checkInEvidence: reading({ lat: 31.335001, lng: 118.375, distance: 1 }) }, ctx())).toEqual([])
  })

  it('flags a device that several enrollments used', () => {
    const a = { checkInEvidence: reading({ deviceId: 'dev-a' }) }
    const b = { checkInEvidence: reading({ deviceId: 'dev-b' }), checkOutEvidence: reading({ deviceId: 'dev-a', at: later(90) }) }
    const c = { checkInEvidence: reading({ deviceId: 'dev-c' }), checkOutEvidence: reading({ deviceId: 'dev-c', at: later(90) }) }
    const shared = sharedDeviceIds([a, b, c, {}])
    expect([...shared]).toEqual(['dev-a'])
    expect(attendanceFlags(a, { ...ctx(), sharedDevices: shared })).toEqual(['sharedDevice'])
    expect(attendanceFlags(b, { ...ctx(), sharedDevices: shared })).toEqual(['sharedDevice'])
    expect(attendanceFlags(c, { ...ctx(), sharedDevices: shared })).toEqual([])
  })

  it('flags a check-out far from the check-in (beyond 100 m or half the radius) and one too soon after it', () => {
    const far = { ...honest, checkOutEvidence: reading({ lat: 31.3382, at: later(120) }) } // about 330 m north
    expect(attendanceFlags(far, ctx())).toEqual(['farApart'])
    expect(attendanceFlags(far, { ...ctx(), radius: 800 })).toEqual([])
    const stroll = { ...honest, checkOutEvidence: reading({ lat: 31.3359, at: later(120) }) } // about 80 m north
    expect(attendanceFlags(stroll, ctx())).toEqual([])
    const quick = { ...honest, checkOutEvidence: reading({ at: later(29) }) }
    expect(attendanceFlags(quick, ctx())).toEqual(['tooShort'])
    expect(attendanceFlags({ ...honest, checkOutEvidence: reading({ at: later(30) }) }, ctx())).toEqual([])
  })
})
