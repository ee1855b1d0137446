// The database declaration: collections, their indexes and security rules. Read by the local cloud
// (to create collections and honour indexes) and by scripts/provision.ts for production.
//
// Every collection is ADMINONLY for clients: the app never touches the database directly, all access
// goes through the cloud functions, which check identity and scope.

export type IndexKey = 1 | -1 | '2dsphere'
export interface IndexDecl {
  keys: Record<string, IndexKey>
  unique?: boolean
}
export interface CollectionDecl {
  /** One line on what a document is and how its _id is chosen. */
  doc: string
  indexes: IndexDecl[]
  /** WeChat cloud database security rule; functions bypass it. */
  rule: 'ADMINONLY'
}

const c = (doc: string, indexes: IndexDecl[] = []): CollectionDecl => ({ doc, indexes, rule: 'ADMINONLY' })

export const database = {
  collections: {
    // --- people and places -------------------------------------------------------------------------
    users: c('a person; _id = openid; roles: RoleGrant[]', [{ keys: { communityId: 1 } }, { keys: { 'roles.role': 1 } }]),
    streets: c('a street office (街道); _id = street id'),
    communities: c('a community (社区) with center, settings (wish cap, claim limit, assessment rules); _id = community id', [
      { keys: { streetId: 1 } }
    ]),
    grids: c('a grid (网格) inside a community: polygon ([lng, lat] ring) and/or compoundIds; _id = community id + "-g" + n', [
      { keys: { communityId: 1 } },
      { keys: { compoundIds: 1 } }
    ]),
    compounds: c('a residential compound (小区) with location and households', [
      { keys: { communityId: 1 } },
      { keys: { streetId: 1 } },
      { keys: { location: '2dsphere' } }
    ]),

    // --- pillar 1: life circle ---------------------------------------------------------------------
    facilities: c('a service facility with location, category, weekly hours; status open|closed', [
      { keys: { location: '2dsphere' } },
      { keys: { communityId: 1, status: 1 } },
      { keys: { streetId: 1, status: 1 } },
      { keys: { category: 1 } },
      { keys: { dedupeKey: 1 } }
    ]),

    // --- pillar 5: grid reports and whistles (docs/pillars/grid-reports.md) ---------------------------
    reportCategories: c(
      'a category of the configurable report tree (deadlines, duplicate and evidence radius, usual department); _id = slug',
      [{ keys: { parentId: 1, order: 1 } }]
    ),
    departments: c('a street department or service company (城管, 住建, 供水 …) whistles go to; _id = street id + "-" + kind', [
      { keys: { streetId: 1 } }
    ]),
    reports: c('a grid report (随手拍) with history[] of transitions; _id = opaqueId("rp", openid, requestId)', [
      { keys: { location: '2dsphere' } },
      { keys: { categoryId: 1, status: 1 } },
      { keys: { reporterId: 1, submittedAt: -1 } },
      { keys: { gridId: 1, status: 1, submittedAt: -1 } },
      { keys: { communityId: 1, status: 1, submittedAt: -1 } },
      { keys: { communityId: 1, submittedAt: -1 } },
      { keys: { streetId: 1, submittedAt: -1 } },
      { keys: { departmentId: 1, status: 1 } },
      { keys: { status: 1, acceptDeadline: 1 } },
      { keys: { status: 1, resolveDeadline: 1 } },
      { keys: { status: 1, resolvedAt: 1 } },
      { keys: { visibility: 1, status: 1 } },
      { keys: { patrolId: 1 } },
      // the open set of the figures (open and overdue at a period's end), the timers' flags
      { keys: { communityId: 1, status: 1, overdueAt: 1 } },
      { keys: { status: 1, acceptedOnTime: 1, acceptDeadline: 1 } },
      { keys: { status: 1, overdueAt: 1, resolveDeadline: 1 } }
    ]),
    reportFollows: c('我也遇到 (+1) and following, one per person per report; _id = opaqueId("rf", reportId, openid)', [
      { keys: { reportId: 1 } },
      { keys: { openid: 1, at: -1 } }
    ]),
    whistles: c('a whistle (吹哨) from a community to the street or a department; _id = opaqueId("wh", openid, requestId)', [
      { keys: { reportId: 1 } },
      { keys: { 'target.departmentId': 1, status: 1, whistledAt: -1 } },
      { keys: { streetId: 1, status: 1, whistledAt: -1 } },
      { keys: { communityId: 1, status: 1, whistledAt: -1 } },
      { keys: { status: 1, reportInDeadline: 1 } }
    ]),

    // grid reports, operations side (report function's OPS handlers; docs/pillars/grid-reports.md)
    patrols: c("a grid worker's patrol (巡查) with its check-points inside; _id = opaqueId('pt', openid, requestId of the start)", [
      { keys: { openid: 1, status: 1, startedAt: -1 } },
      { keys: { communityId: 1, startedAt: -1 } },
      { keys: { gridId: 1, startedAt: -1 } }
    ]),
    riders: c("a part-time grid worker's (rider's) registration with a street; _id = opaqueId('rd', openid, streetId)", [
      { keys: { streetId: 1, status: 1, appliedAt: -1 } },
      { keys: { openid: 1, appliedAt: -1 } }
    ]),
    reportReminders: c('a one-time reminder already sent (回访 per resolution); _id = "review_" + report id + "_" + resolvedAt ms', []),

    // --- pillar 2: micro-wishes --------------------------------------------------------------------
    wishes: c('a micro-wish with its public part, private beneficiary, history[] of transitions', [
      { keys: { communityId: 1, status: 1, publishedAt: -1 } },
      { keys: { submitterId: 1 } },
      { keys: { 'beneficiary.ownerId': 1 } },
      { keys: { status: 1, publishedAt: -1 } },
      { keys: { communityId: 1, status: 1, createdAt: -1 } },
      { keys: { streetId: 1, createdAt: -1 } },
      { keys: { claimerId: 1, status: 1 } },
      { keys: { status: 1, claimDeadline: 1 } },
      { keys: { location: '2dsphere' } },
      { keys: { communityId: 1, createdAt: -1 } },
      { keys: { communityId: 1, publishedAt: -1 } },
      { keys: { communityId: 1, claimedAt: -1 } },
      { keys: { communityId: 1, fulfilledAt: -1 } },
      { keys: { communityId: 1, confirmedAt: -1 } }
    ]),
    wishClaimers: c('per-person open-claim counter; _id = openid', []),

    // --- pillar 3: volunteers and points ------------------------------------------------------------
    volunteers: c('a registered volunteer; _id = openid; volunteer number; ID card only masked + keyed hash', [
      { keys: { communityId: 1 } },
      { keys: { volunteerNo: 1 }, unique: true }
    ]),
    idCardClaims: c('one per ID number registered as a volunteer; _id = the keyed hash; openid of its holder (null once erased)'),
    activities: c('a volunteer activity with capacity and enrolled counter', [
      { keys: { communityId: 1, start: -1 } },
      { keys: { location: '2dsphere' } }
    ]),
    enrollments: c('one per person per activity; _id = activityId + "_" + openid', [
      { keys: { activityId: 1, status: 1 } },
      { keys: { openid: 1, status: 1 } },
      { keys: { communityId: 1, status: 1 } },
      { keys: { communityId: 1, correctionPending: 1 } }
    ]),
    certificates: c('a service-record certificate; _id = certificate number', [{ keys: { openid: 1 } }]),
    pointsAccounts: c('a points balance; _id = openid; balance equals the sum of the ledger', [
      { keys: { communityId: 1, balance: -1 } },
      { keys: { communityId: 1, earned: -1 } }
    ]),
    pointsLedger: c('append-only ledger entry; _id derived from its source so it is written once', [
      { keys: { openid: 1, at: -1 } },
      { keys: { communityId: 1, at: -1 } },
      { keys: { kind: 1, at: -1 } }
    ]),
    pointsAdjustments: c('a staff points adjustment, applied or pending a second staff member; _id = requestDocId(staff, requestId)', [
      { keys: { communityId: 1, status: 1, requestedAt: -1 } },
      { keys: { communityId: 1, requestedAt: -1 } }
    ]),
    pointsAdjustTotals: c(
      'points adjusted (applied and pending, either way) per community and month; _id = communityId + "_" + YYYY-MM',
      []
    ),
    merchants: c('a shop or a skilled individual (达人) offering goods or services', [
      { keys: { communityId: 1, status: 1 } },
      { keys: { ownerId: 1 } }
    ]),
    goods: c('an item or service in the points supermarket with stock', [
      { keys: { communityId: 1, status: 1 } },
      { keys: { merchantId: 1 } }
    ]),
    redemptions: c('an order; _id = openid + "_" + requestId so a retry finds the same order', [
      { keys: { openid: 1, createdAt: -1 } },
      { keys: { merchantId: 1, status: 1 } },
      { keys: { pickupCode: 1 } },
      { keys: { status: 1, expiresAt: 1 } },
      { keys: { communityId: 1, createdAt: -1 } }
    ]),
    rollups: c('per community, month and key, one shard of a dashboard counter; _shared/domain/rollups.ts lists the events', [
      { keys: { figure: 1, communityId: 1, month: 1 } }
    ]),
    stockHolds: c('a redemption in progress (stock taken before the order is written); _id = the order id', [
      { keys: { state: 1, createdAt: 1 } }
    ]),
    redemptionQuotas: c('per person, goods and period counter; _id = goodsId + "_" + openid + "_" + period', []),

    // --- pillar 4: dual registration and assessment ---------------------------------------------------
    partyUnits: c('a unit party organisation registered with a community; resources[]; history[]', [
      { keys: { communityId: 1, status: 1 } },
      { keys: { adminId: 1 } }
    ]),
    partyMembers: c('a member registration; history[]; one active (pending|approved) per person', [
      { keys: { communityId: 1, status: 1 } },
      { keys: { openid: 1, status: 1 } },
      { keys: { unitId: 1, status: 1 } }
    ]),
    partyMemberships: c('the one active registration of a person; _id = openid', []),
    partyProjects: c('a co-building project (项目清单) between a unit and a community', [
      { keys: { communityId: 1 } },
      { keys: { unitId: 1 } }
    ]),
    partyNeeds: c('a community need (需求清单) claimed by a member or a unit', [
      { keys: { communityId: 1, status: 1 } },
      { keys: { claimerId: 1, status: 1 } },
      { keys: { claimerUnitId: 1, status: 1 } }
    ]),
    assessmentEntries: c('one assessment point entry; _id derived from its source so it is written once', [
      { keys: { openid: 1, period: 1 } },
      { keys: { communityId: 1, period: 1 } }
    ]),
    assessmentRatings: c('a rating of a member for a period; _id = openid + "_" + period', [{ keys: { communityId: 1, period: 1 } }]),

    // --- platform ----------------------------------------------------------------------------------------
    notices: c("a notice in a person's message centre, the in-app twin of a subscription message; _id = hash of (event, recipient)", [
      { keys: { recipient: 1, createdAt: -1 } },
      { keys: { recipient: 1, readAt: 1 } }
    ]),
    outbox: c('a subscription message as sent (locally: kept here for tests to read)', [{ keys: { touser: 1 } }]),
    appSecrets: c('a server secret generated once (check-in token key, ID-card hash key, id key); _id = its name'),
    sequences: c('a named counter (volunteer numbers); _id = the counter name'),
    auditLog: c('who did what to whom: staff actions on personal data, each view of a beneficiary’s contact details', [
      { keys: { at: -1 } },
      { keys: { kind: 1, communityId: 1, at: -1 } }
    ])
  }
} as const

export type CollectionName = keyof typeof database.collections
export const COLLECTIONS = Object.keys(database.collections) as CollectionName[]
