// volunteer: registration, activities, enrollment, verified check-in/out, service records and certificates.
// The route table: rules live in src/domain, handlers in src/handlers, database access in src/repo.ts.
import { contract } from '../../../types'
import { createFunction } from '../../_shared/infra/router'
import { activity, createActivity, listActivities } from './handlers/activities'
import { checkIn, checkinCode, checkOut, myCheckinCode, scanVolunteer } from './handlers/checkin'
import { cancelEnrollment, enroll } from './handlers/enrollment'
import { profile, register, updateProfile } from './handlers/profile'
import { certificate, records, verifyCertificate } from './handlers/records'
import { attendance, completeActivity, correctHours, reviewCorrection } from './handlers/staff'
import { pendingVolunteers, reviewVolunteer } from './handlers/vetting'

export const main = createFunction('volunteer', contract.volunteer, {
  register: { allow: ['resident'], handler: register },
  profile: { allow: ['resident'], handler: profile },
  updateProfile: { allow: ['volunteer'], handler: updateProfile },
  pendingVolunteers: { allow: ['staff'], handler: pendingVolunteers },
  reviewVolunteer: { allow: ['staff'], handler: reviewVolunteer },
  createActivity: { allow: ['staff'], handler: createActivity },
  listActivities: { allow: ['resident'], handler: listActivities },
  activity: { allow: ['resident'], handler: activity },
  enroll: { allow: ['volunteer'], handler: enroll },
  cancelEnrollment: { allow: ['volunteer'], handler: cancelEnrollment },
  checkinCode: { allow: ['staff'], handler: checkinCode },
  myCheckinCode: { allow: ['volunteer'], handler: myCheckinCode },
  scanVolunteer: { allow: ['staff'], handler: scanVolunteer },
  checkIn: { allow: ['volunteer'], handler: checkIn },
  checkOut: { allow: ['volunteer'], handler: checkOut },
  attendance: { allow: ['staff'], handler: attendance },
  correctHours: { allow: ['staff'], handler: correctHours },
  reviewCorrection: { allow: ['staff'], handler: reviewCorrection },
  completeActivity: { allow: ['staff'], handler: completeActivity },
  records: { allow: ['volunteer'], handler: records },
  certificate: { allow: ['volunteer'], handler: certificate },
  verifyCertificate: { allow: ['anyone'], handler: verifyCertificate }
})
