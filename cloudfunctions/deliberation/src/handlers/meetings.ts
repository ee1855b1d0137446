// Meetings (议事会): scheduled by staff on a topic, in person, online or both; residents in scope register; at
// the venue staff scan the attendee's own rotating code (the volunteer check-in mechanism,
// _shared/domain/checkinToken.ts, kind 'attendee'); the live quorum is attendance over the eligible count
// frozen at scheduling; staff record the minutes (docs/pillars/deliberation.md, "Meetings").
import { codePayload, shortCode, validUntil, verifyCode, windowOf } from '../../../_shared/domain/checkinToken'
import { personOf, requireStaffOf, type Caller } from '../../../_shared/infra/auth'
import { conflict, invalid, precondition } from '../../../_shared/infra/errors'
import type { Handler } from '../../../_shared/infra/router'
import type { MeetingView } from '../../../../types/schemas/deliberation'
import type { MeetingDoc } from '../docs'
import { meets, MORE_THAN_HALF } from '../domain/rules'
import { electorate } from '../domain/scope'
import {
  attendanceIds,
  checkinSecret,
  createOnce,
  findAttendance,
  findAttendanceById,
  ids,
  inTransaction,
  loadMeeting,
  loadTopic,
  putAttendance,
  updateAttendance,
  updateMeeting,
  verifiedBindings
} from '../repo'
import { requireResidentIn } from './access'
import { iso } from '../../../_shared/domain/dates'

const CODE_REFUSALS = {
  malformed: '这不是参会签到码，请让居民打开“我的参会码”',
  forged: '签到码无效，请让居民刷新“我的参会码”后重试',
  otherActivity: '该签到码不属于本次会议',
  expired: '签到码已过期，请让居民刷新“我的参会码”后重试',
  wrongShort: '签到码不正确或已过期，请核对居民手机上的最新参会码'
} as const

async function view(m: MeetingDoc, caller: Caller): Promise<MeetingView> {
  const mine = caller.openid ? await findAttendance(m._id, caller.openid) : null
  return {
    meetingId: m._id,
    topicId: m.topicId,
    mode: m.mode,
    startsAt: iso(m.startsAt),
    venue: m.venue,
    onlineLink: m.onlineLink,
    agenda: m.agenda,
    eligible: m.eligible,
    registered: m.registered,
    attended: m.attended,
    quorum: meets(m.attended, m.eligible, MORE_THAN_HALF),
    minutes: m.minutes,
    registeredByMe: Boolean(mine),
    attendedByMe: Boolean(mine?.signedInAt)
  }
}

export const scheduleMeeting: Handler<'deliberation', 'scheduleMeeting'> = async (input, { caller, now, fingerprint }) => {
  const topic = await loadTopic(input.topicId)
  requireStaffOf(caller, topic.communityId)
  if (!['agenda', 'voting'].includes(topic.status)) throw conflict('只有已列入议程的议题可以召开议事会')
  if (input.mode !== 'online' && !input.venue) throw invalid('请填写会议地点', { fields: [{ path: 'venue', message: '请填写会议地点' }] })
  if (input.mode !== 'inPerson' && !input.onlineLink)
    throw invalid('请填写线上会议链接', { fields: [{ path: 'onlineLink', message: '请填写线上会议链接' }] })
  const eligible = electorate(await verifiedBindings(topic.communityId), topic, 'resident').length
  const meeting: MeetingDoc = {
    _id: ids.meeting(caller.openid, input.requestId),
    topicId: topic._id,
    communityId: topic.communityId,
    mode: input.mode,
    startsAt: new Date(input.startsAt),
    venue: input.venue || null,
    onlineLink: input.onlineLink || null,
    agenda: input.agenda,
    eligible,
    registered: 0,
    attended: 0,
    minutes: null,
    createdBy: caller.openid,
    createdAt: now
  }
  return view(await inTransaction((tx) => createOnce('meetings', meeting, tx, fingerprint)), caller)
}

export const meetingDetail: Handler<'deliberation', 'meetingDetail'> = async (input, { caller }) =>
  view(await loadMeeting(input.meetingId), caller)

export const registerMeeting: Handler<'deliberation', 'registerMeeting'> = async (input, { caller, now }) => {
  const openid = personOf(caller)
  const meeting = await loadMeeting(input.meetingId)
  await requireResidentIn(caller, await loadTopic(meeting.topicId))
  const updated = await inTransaction(async (tx) => {
    const m = await loadMeeting(input.meetingId, tx)
    if (m.minutes) throw conflict('会议已结束')
    if (await findAttendance(m._id, openid, tx)) return m
    await putAttendance(tx, {
      _id: ids.attendance(m._id, openid),
      meetingId: m._id,
      openid,
      registeredAt: now,
      signedInAt: null,
      signedInBy: null,
      codeSignature: null
    })
    await updateMeeting(tx, m._id, { registered: m.registered + 1 })
    return { ...m, registered: m.registered + 1 }
  })
  return view(updated, caller)
}

/** The registered attendee's own rotating code (its subject is the opaque attendance id: no openid in it). */
export const meetingCode: Handler<'deliberation', 'meetingCode'> = async (input, { caller, now }) => {
  const attendance = await findAttendance(input.meetingId, personOf(caller))
  if (!attendance) throw precondition('请先报名参加会议')
  const secret = await checkinSecret()
  const window = windowOf(now.getTime())
  return {
    qr: codePayload(secret, 'attendee', attendance._id, window),
    short: shortCode(secret, 'attendee', attendance._id, window),
    validUntil: validUntil(window).toISOString()
  }
}

/** Staff scan (or type) a registered attendee's code at the venue; one code signs in once. */
export const signInMeeting: Handler<'deliberation', 'signInMeeting'> = async (input, { caller, now }) => {
  const meeting = await loadMeeting(input.meetingId)
  requireStaffOf(caller, meeting.communityId)
  if (meeting.mode === 'online') throw conflict('线上会议无需现场签到')
  const check = verifyCode(await checkinSecret(), 'attendee', input.code, await attendanceIds(meeting._id), now.getTime())
  if (!check.ok) throw precondition(CODE_REFUSALS[check.reason])
  const updated = await inTransaction(async (tx) => {
    const m = await loadMeeting(input.meetingId, tx)
    const a = await findAttendanceById(check.subject, tx)
    if (!a || a.meetingId !== m._id) throw precondition(CODE_REFUSALS.otherActivity)
    if (a.signedInAt) return m
    await updateAttendance(tx, a._id, { signedInAt: now, signedInBy: caller.openid, codeSignature: check.signature })
    await updateMeeting(tx, m._id, { attended: m.attended + 1 })
    return { ...m, attended: m.attended + 1 }
  })
  return view(updated, caller)
}

export const recordMinutes: Handler<'deliberation', 'recordMinutes'> = async (input, { caller }) => {
  const found = await loadMeeting(input.meetingId)
  requireStaffOf(caller, found.communityId)
  const updated = await inTransaction(async (tx) => {
    const m = await loadMeeting(input.meetingId, tx)
    await updateMeeting(tx, m._id, { minutes: input.minutes })
    return { ...m, minutes: input.minutes }
  })
  return view(updated, caller)
}
