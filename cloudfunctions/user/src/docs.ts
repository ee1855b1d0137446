// Stored shapes this function reads and writes. `users` is read by every function (the router resolves the
// caller from it), so its shape lives in _shared/docs; the party membership is the party pillar's.
// Notices are written by every function with the event they tell of (_shared/infra/notify.ts); this one reads and marks them.
export type { CommunityDoc, CompoundDoc, NoticeDoc, StreetDoc, UserDoc } from '../../_shared/docs'
export type { MembershipDoc } from '../../_shared/docs/party'
