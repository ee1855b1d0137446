// The 发布活动 form as text, its defaults, and the createActivity input it stands for.
import type { CheckinMode } from '@contract/schemas/volunteer.labels'
import type { LatLng } from '@/services/device'
import { dayjs } from '@/utils/date'

export const RADII = ['100', '200', '300', '500', '1000'] as const

export interface ActivityDraft {
  title: string
  content: string
  venue: string
  location: LatLng | null
  date: string
  startTime: string
  endTime: string
  deadlineDate: string
  deadlineTime: string
  capacity: string
  pointsPerHour: string
  pointsCap: string
  radius: (typeof RADII)[number]
  checkinMode: CheckinMode
}

/** Tomorrow 09:00–11:00, sign-up closing an hour before the start: never already past, whenever staff open the form. */
export function defaultDraft(now = dayjs()): ActivityDraft {
  const day = now.add(1, 'day')
  const deadline = dayjs(`${day.format('YYYY-MM-DD')} 09:00`).subtract(1, 'hour')
  return {
    title: '',
    content: '',
    venue: '',
    location: null,
    date: day.format('YYYY-MM-DD'),
    startTime: '09:00',
    endTime: '11:00',
    deadlineDate: deadline.format('YYYY-MM-DD'),
    deadlineTime: deadline.format('HH:mm'),
    capacity: '10',
    pointsPerHour: '10',
    pointsCap: '50',
    radius: '300',
    checkinMode: 'staffScan'
  }
}

const at = (date: string, time: string) => dayjs(`${date} ${time}`).toISOString()
const whole = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : Number.NaN)

/** The createActivity input a draft stands for (the server checks everything again). */
export function toActivityInput(d: ActivityDraft, communityId: string | undefined, requestId: string) {
  return {
    requestId,
    communityId,
    title: d.title,
    content: d.content,
    venue: d.venue,
    location: d.location as LatLng,
    start: at(d.date, d.startTime),
    end: at(d.date, d.endTime),
    enrollDeadline: at(d.deadlineDate, d.deadlineTime),
    capacity: whole(d.capacity),
    pointsPerHour: whole(d.pointsPerHour),
    pointsCap: whole(d.pointsCap),
    radius: Number(d.radius),
    checkinMode: d.checkinMode
  }
}
