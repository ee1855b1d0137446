// Stored shapes this function reads and writes. `users` is read by every function (the router resolves the
// caller from it), so its shape lives in _shared/docs; the party membership is the party pillar's.
export type { CommunityDoc, CompoundDoc, StreetDoc, UserDoc } from '../../_shared/docs'
export type { MembershipDoc } from '../../_shared/docs/party'
