// Stored shapes this function reads. The workbench owns no collection: it reads the pillars' documents,
// whose shapes live in _shared/docs/ because their own functions use them too.
export type { CommunityDoc, StreetDoc } from '../../_shared/docs'
export type { MemberRegistrationDoc, RatingDoc, UnitDoc } from '../../_shared/docs/party'
export type { OrderDoc } from '../../_shared/docs/points'
export type { EnrollmentDoc, VolunteerDoc } from '../../_shared/docs/volunteer'
export type { WishDoc } from '../../_shared/docs/wish'
