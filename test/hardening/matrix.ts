// The authorization matrix: for every action of every function, who may call it and in which scope.
// Read it row by row: `fn.action: [case…]`, each case naming its target (all targets live in cm01, see
// support/matrixWorld.ts for who is who), the caller kinds that are ALLOWED, and a payload builder.
// Every caller kind not listed is REFUSED: PERMISSION_DENIED (UNAUTHENTICATED for anonymous), or
// NOT_FOUND where the case is `hidden` (see the policy below), and a refused call writes nothing. A deleted
// account is refused like anonymous, whatever grants its document still lists.
// authz.test.ts runs every case as every caller kind; an action of the contract without a row fails it.
//
// Policy on NOT_FOUND versus PERMISSION_DENIED (consistent across pillars):
// - A WRITE on a record outside the caller's scope is PERMISSION_DENIED (release someone else's claim,
//   cancel someone else's order, verify another shop's pickup, edit another community's facility).
// - A READ of the private part of something public (a unit's members, an activity's attendance, a
//   community's queue or report, a member's assessment) is PERMISSION_DENIED.
// - A READ of a record whose very existence is private answers NOT_FOUND to everyone outside its audience,
//   exactly as for a record that does not exist, so ids cannot be probed (an unpublished wish, a closed
//   facility, goods taken off the shelf). Those cases say `hidden: 'NOT_FOUND'`.
// - A question about oneself that has no answer is a domain answer, not a refusal: the member card or the
//   assessment of someone who never registered (NOT_FOUND), leaving a registration one does not hold
//   (FAILED_PRECONDITION), registering twice (CONFLICT). Those are listed under `answers`.
// - The system caller exists only for timer triggers (`timer`): a call without an openid is refused by the
//   gateway, and by every function unless the platform fired one of its timers (UNAUTHENTICATED, trust-caller.test.ts).
import { enrollmentIdFor } from '../../cloudfunctions/volunteer/src/docs'
import type { ErrorCode } from '../../types/envelope'
import { REPORT_OPS_ROWS } from './matrix.reportOps'
import type { ActionOf, FnName } from '../../types'
import type { Input } from '../support/client'
import { PRIVACY_VERSION } from '../../types/enums'
import { EXPORT_KINDS } from '../../types/workbench'
import { FACILITY_CSV_TEMPLATE } from '../../types/lifeCircleCsv'
import {
  CALLER_KINDS,
  IDS,
  OTHERS,
  VENUE,
  WHO,
  checkinToken,
  personalToken,
  ownPhoto,
  pickupText,
  type CallerKind,
  type MatrixWorld
} from './support/matrixWorld'
import { REPORT_IDS as RP } from './support/reportMatrixWorld'

/** One case of an action's row; `P` is the action's input type (the matrix sends only valid payloads). */
export interface Case<P = unknown> {
  /** The target and the scope rule this case shows. */
  scope: string
  /** Caller kinds that pass authorization (role AND scope). */
  allow: readonly CallerKind[]
  /** A valid payload for the caller (most cases ignore `as`). */
  payload: (w: MatrixWorld, as: CallerKind) => P
  /** Allowed callers whose answer is a domain answer rather than ok, with its code. */
  answers?: Partial<Record<CallerKind, ErrorCode>>
  /** Out-of-scope callers get this instead of PERMISSION_DENIED (a hidden record: see the policy). */
  hidden?: 'NOT_FOUND'
  /** What anonymous (and a deleted account) gets when refused, where it differs (an action open to anyone that hides the record). */
  anonymous?: ErrorCode
  /** Allowed callers whose scope holds nothing to change here: their call must write nothing. */
  noWrites?: readonly CallerKind[]
  /** The timer trigger (config.json) that runs the action as the system caller; it must succeed. */
  timer?: string
}

export type Row<P = unknown> = readonly Case<P>[]
export type Matrix = { [F in FnName]?: { [A in ActionOf<F>]?: Row<Input<F, A>> } }

// --- who ---------------------------------------------------------------------------------------------

const EVERYONE = CALLER_KINDS
/** Kinds without a live user document: the router sees no roles. */
const NO_USER: readonly CallerKind[] = ['anonymous', 'deleted']
const SIGNED_IN = CALLER_KINDS.filter((k) => !NO_USER.includes(k))
/** The same domain answer for every allowed caller except those listed. */
const allBut = (code: ErrorCode, ...except: CallerKind[]) =>
  Object.fromEntries(SIGNED_IN.filter((k) => !except.includes(k)).map((k) => [k, code])) as Partial<Record<CallerKind, ErrorCode>>

// --- payload pieces ------------------------------------------------------------------------------------

let serial = 0
/** A fresh request id per call, so no call is mistaken for a retry of another. */
const req = () => `hz-req-${Date.now().toString(36)}-${(++serial).toString(36).padStart(4, '0')}`
const at = (w: MatrixWorld, ms: number) => new Date(w.now.getTime() + ms).toISOString()
const DAY = 86_400_000
const cm = IDS.community

const facilityFields = (): Input<'lifeCircle', 'upsertFacility'> => ({
  communityId: cm,
  name: '青枫便民药店',
  category: 'pharmacy',
  location: { lat: 31.3362, lng: 118.3771 },
  hoursText: '每天 08:00-20:00'
})
const wishFields = (): Input<'wish', 'submit'> => ({
  requestId: req(),
  category: 'goods',
  title: '想要一盏护眼台灯',
  story: '家里的台灯坏了，晚上看书不方便。',
  value: 80,
  beneficiary: { name: '王秀兰', appellation: '奶奶', phone: '13912340000' },
  consent: true
})
const goodsFields = (merchantId: string = IDS.merchant): Input<'points', 'upsertGoods'> => ({
  requestId: req(),
  merchantId,
  name: '洗衣液2升',
  kind: 'item',
  price: 30,
  stock: 5,
  limitCount: 2,
  limitPeriod: 'month',
  pickupPlace: '惠民便利店收银台',
  pickupDays: 7
})
const activityFields = (w: MatrixWorld) => ({
  requestId: req(),
  communityId: cm,
  title: '敬老院陪伴',
  content: '陪伴老人聊天、读报',
  venue: '青枫敬老院',
  location: VENUE,
  start: at(w, 4 * DAY),
  end: at(w, 4 * DAY + 2 * 3_600_000),
  enrollDeadline: at(w, 3 * DAY),
  capacity: 10,
  pointsPerHour: 2,
  pointsCap: 10,
  radius: 300
})
const memberFields = () => ({
  requestId: req(),
  communityId: cm,
  name: '林晓东',
  phone: '13912345678',
  workUnit: '江城市第一中学',
  branch: '江城一中党支部',
  pledge: '每月为社区服务一次'
})
const unitFields = () => ({
  requestId: req(),
  communityId: cm,
  name: '江城市图书馆',
  org: '江城市图书馆党支部',
  contactName: '黄蓉',
  contactPhone: '13612345678'
})
const merchantFields = (): Input<'points', 'applyMerchant'> => ({
  name: '街角修鞋铺',
  kind: 'talent',
  communityId: cm,
  contactName: '谢师傅',
  contactPhone: '13512345678',
  address: '青枫路20号',
  description: '修鞋配钥匙'
})

// --- the table -------------------------------------------------------------------------------------------

export const MATRIX: Matrix = {
  user: {
    login: [{ scope: 'anyone signs in; a first sign-in creates the user', allow: EVERYONE, payload: () => ({}) }],
    me: [{ scope: 'own profile', allow: SIGNED_IN, payload: () => ({}) }],
    updateProfile: [{ scope: 'own profile', allow: SIGNED_IN, payload: () => ({ nickName: '新昵称' }) }],
    setElderMode: [{ scope: 'own profile', allow: SIGNED_IN, payload: () => ({ on: true }) }],
    consent: [{ scope: 'own profile', allow: SIGNED_IN, payload: () => ({ version: PRIVACY_VERSION, agreed: true }) }],
    deleteAccount: [
      {
        scope: 'own account; refused while others wait on the person (own open wishes, claims, a pickup, enrollments)',
        allow: SIGNED_IN,
        answers: {
          resident: 'FAILED_PRECONDITION',
          volunteer: 'FAILED_PRECONDITION',
          member: 'FAILED_PRECONDITION',
          unitAdmin: 'FAILED_PRECONDITION'
        },
        payload: () => ({ confirm: '注销' })
      }
    ],
    communities: [{ scope: 'public list', allow: EVERYONE, payload: () => ({}) }],
    notices: [{ scope: 'own notices only (selected by the caller, no id to aim at another)', allow: SIGNED_IN, payload: () => ({}) }],
    unreadCount: [{ scope: 'own notices only', allow: SIGNED_IN, payload: () => ({}) }],
    markRead: [
      { scope: 'own notices: all of them', allow: SIGNED_IN, payload: () => ({ all: true }) },
      {
        scope: "the resident's notice by id: anyone else marks nothing (selected by recipient)",
        allow: SIGNED_IN,
        noWrites: SIGNED_IN.filter((k) => k !== 'resident'),
        payload: () => ({ ids: [IDS.notice] })
      }
    ]
  },

  lifeCircle: {
    categories: [{ scope: 'public', allow: EVERYONE, payload: () => ({}) }],
    nearby: [{ scope: 'public', allow: EVERYONE, payload: () => ({ location: VENUE, minutes: 15 }) }],
    search: [{ scope: 'public', allow: EVERYONE, payload: () => ({ location: VENUE, keyword: '食堂' }) }],
    facility: [
      { scope: 'an open facility is public', allow: EVERYONE, payload: () => ({ id: IDS.facility }) },
      {
        scope: 'a closed facility: only staff of its community',
        allow: ['staff'],
        hidden: 'NOT_FOUND',
        anonymous: 'NOT_FOUND',
        payload: () => ({ id: IDS.closedFacility })
      }
    ],
    places: [{ scope: 'public', allow: EVERYONE, payload: () => ({ communityId: cm }) }],
    listFacilities: [
      { scope: 'staff of cm01 or the admin of its street', allow: ['staff', 'streetAdmin'], payload: () => ({ communityId: cm }) }
    ],
    upsertFacility: [
      { scope: 'create in cm01: its staff', allow: ['staff'], payload: () => ({ ...facilityFields(), requestId: req() }) },
      { scope: 'edit fOpen of cm01: its staff', allow: ['staff'], payload: () => ({ ...facilityFields(), id: IDS.facility }) },
      {
        scope: 'edit fOpen naming the caller’s own community: still only cm01’s staff',
        allow: ['staff'],
        payload: (_w, as) => ({ ...facilityFields(), id: IDS.facility, communityId: as === 'staffOther' ? IDS.sameStreetCommunity : cm })
      }
    ],
    closeFacility: [{ scope: 'fOpen of cm01: its staff', allow: ['staff'], payload: () => ({ id: IDS.facility, reason: '装修' }) }],
    importFacilities: [
      {
        scope: 'import into cm01: its staff',
        allow: ['staff'],
        payload: () => ({ communityId: cm, requestId: req(), csv: FACILITY_CSV_TEMPLATE, mode: 'partial' })
      }
    ],
    coverage: [
      { scope: 'community cm01: its staff or its street admin', allow: ['staff', 'streetAdmin'], payload: () => ({ communityId: cm }) },
      { scope: 'street st01: its street admin', allow: ['streetAdmin'], payload: () => ({ streetId: IDS.street }) }
    ]
  },

  wish: {
    submit: [
      { scope: 'own wish, in the caller’s community', allow: SIGNED_IN, payload: () => wishFields() },
      { scope: '代录 for cm01: its staff', allow: ['staff'], payload: () => ({ ...wishFields(), proxy: true, communityId: cm }) }
    ],
    review: [
      {
        scope: 'a submitted wish of cm01: its staff',
        allow: ['staff'],
        payload: () => ({ wishId: IDS.wish.submitted, decision: 'publish' })
      }
    ],
    wall: [{ scope: 'public', allow: EVERYONE, payload: () => ({ communityId: cm }) }],
    detail: [
      { scope: 'a published wish is public', allow: EVERYONE, payload: () => ({ wishId: IDS.wish.published }) },
      {
        scope: 'an unpublished wish: its owner and cm01 staff',
        allow: ['resident', 'staff'],
        hidden: 'NOT_FOUND',
        anonymous: 'NOT_FOUND',
        payload: () => ({ wishId: IDS.wish.submitted })
      }
    ],
    mine: [{ scope: 'own wishes', allow: SIGNED_IN, payload: () => ({}) }],
    claim: [
      {
        scope: 'a published wish of cm01: approved members of cm01 (volunteers only where cm01 opens wishes to them; it does not)',
        allow: ['member'],
        payload: () => ({ wishId: IDS.wish.published })
      }
    ],
    release: [
      { scope: 'a claimed wish: its claimer only', allow: ['member'], payload: () => ({ wishId: IDS.wish.claimed, reason: '临时出差' }) }
    ],
    fulfil: [
      {
        scope: 'a claimed wish: its claimer only, with their own photos',
        allow: ['member'],
        payload: (_w, as) => ({ wishId: IDS.wish.claimed, note: '台灯已送到', photos: [ownPhoto(WHO[as], 'done.jpg')] })
      }
    ],
    confirm: [
      {
        scope: 'a fulfilled wish: its owner',
        allow: ['resident'],
        payload: () => ({ wishId: IDS.wish.fulfilled, rating: 5, thanks: '谢谢你' })
      },
      {
        scope: 'a fulfilled 代录 wish: staff of its community',
        allow: ['staff'],
        payload: () => ({ wishId: IDS.wish.proxyFulfilled, rating: 5, thanks: '谢谢' })
      }
    ],
    withdraw: [
      { scope: 'a published wish: its submitter', allow: ['resident'], payload: () => ({ wishId: IDS.wish.published, reason: '已解决' }) }
    ],
    expireClaims: [
      {
        scope: 'staff release overdue claims of their own communities only; the timer of all',
        allow: ['staff', 'staffOther'],
        noWrites: ['staffOther'],
        timer: 'expireClaims',
        payload: () => ({})
      }
    ],
    forceRelease: [
      {
        scope: 'a claimed wish of cm01: its staff',
        allow: ['staff'],
        payload: () => ({ wishId: IDS.wish.claimed, reason: '认领人长期未联系', suspend: true })
      }
    ],
    setClaimerSuspension: [
      {
        scope: 'the claimer of a wish of cm01: its staff',
        allow: ['staff'],
        payload: () => ({ wishId: IDS.wish.claimed, suspended: true, reason: '多次放弃认领' })
      }
    ],
    contactViews: [{ scope: 'cm01’s contact-view log: its staff', allow: ['staff'], payload: () => ({ communityId: cm }) }],
    reviewQueue: [{ scope: 'cm01’s queue: its staff', allow: ['staff'], payload: () => ({ communityId: cm }) }],
    stats: [
      { scope: 'cm01: its staff or its street admin', allow: ['staff', 'streetAdmin'], payload: () => ({ communityId: cm }) },
      { scope: 'street st01: its street admin', allow: ['streetAdmin'], payload: () => ({ streetId: IDS.street }) }
    ]
  },

  volunteer: {
    register: [
      {
        scope: 'oneself, once',
        allow: SIGNED_IN,
        answers: { volunteer: 'CONFLICT' },
        payload: () => ({ realName: '林晓东', phone: '13912345678', communityId: cm, consent: true })
      }
    ],
    profile: [{ scope: 'own profile (null when not a volunteer)', allow: SIGNED_IN, payload: () => ({}) }],
    updateProfile: [{ scope: 'own volunteer profile', allow: ['volunteer'], payload: () => ({ boardOptIn: true }) }],
    pendingVolunteers: [{ scope: 'cm01’s pending registrations: its staff', allow: ['staff'], payload: () => ({ communityId: cm }) }],
    reviewVolunteer: [
      {
        scope: 'a pending registration of cm01: its staff',
        allow: ['staff'],
        payload: () => ({ volunteerNo: IDS.pendingVolunteerNo, decision: 'approve' })
      }
    ],
    createActivity: [{ scope: 'in cm01: its staff', allow: ['staff'], payload: (w) => activityFields(w) }],
    listActivities: [
      { scope: 'upcoming activities: any signed-in person', allow: SIGNED_IN, payload: () => ({}) },
      { scope: 'activities managed in cm01: its staff', allow: ['staff'], payload: () => ({ scope: 'managed', communityId: cm }) }
    ],
    activity: [{ scope: 'any signed-in person', allow: SIGNED_IN, payload: () => ({ activityId: IDS.activity.upcoming }) }],
    enroll: [{ scope: 'oneself as a volunteer', allow: ['volunteer'], payload: () => ({ activityId: IDS.activity.upcoming }) }],
    cancelEnrollment: [{ scope: 'own enrollment', allow: ['volunteer'], payload: () => ({ activityId: IDS.activity.enrolled }) }],
    checkinCode: [
      { scope: 'an ongoing activity of cm01: its staff', allow: ['staff'], payload: () => ({ activityId: IDS.activity.ongoing }) }
    ],
    myCheckinCode: [
      { scope: 'own enrollment in an ongoing activity', allow: ['volunteer'], payload: () => ({ activityId: IDS.activity.ongoing }) }
    ],
    scanVolunteer: [
      {
        scope: "a volunteer's own code in an ongoing activity of cm01: its staff",
        allow: ['staff'],
        payload: () => ({
          activityId: IDS.activity.ongoing,
          code: personalToken(enrollmentIdFor(IDS.activity.ongoing, WHO.volunteer)),
          kind: 'in',
          location: VENUE
        })
      }
    ],
    checkIn: [
      {
        scope: 'own enrollment, valid code, on site',
        allow: ['volunteer'],
        payload: () => ({ activityId: IDS.activity.ongoing, token: checkinToken(IDS.activity.ongoing), location: VENUE })
      }
    ],
    checkOut: [
      {
        scope: 'own enrollment, valid code, on site',
        allow: ['volunteer'],
        payload: () => ({ activityId: IDS.activity.checkedIn, token: checkinToken(IDS.activity.checkedIn), location: VENUE })
      }
    ],
    attendance: [{ scope: 'an activity of cm01: its staff', allow: ['staff'], payload: () => ({ activityId: IDS.activity.enrolled }) }],
    correctHours: [
      {
        scope: 'an enrollment in an activity of cm01: its staff',
        allow: ['staff'],
        payload: () => ({ enrollmentId: enrollmentIdFor(IDS.activity.past, WHO.volunteer), hours: 1.5, reason: '补录时长' })
      }
    ],
    reviewCorrection: [
      {
        scope: 'a correction pending in an activity of cm01, asked by another staff member: cm01 staff',
        allow: ['staff'],
        payload: () => ({ enrollmentId: enrollmentIdFor(IDS.activity.pastOpen, OTHERS.volunteer2), approve: true, reason: '核实无误' })
      }
    ],
    completeActivity: [
      { scope: 'an ended activity of cm01: its staff', allow: ['staff'], payload: () => ({ activityId: IDS.activity.pastOpen }) }
    ],
    records: [{ scope: 'own records', allow: ['volunteer'], payload: () => ({}) }],
    certificate: [{ scope: 'own certificate', allow: ['volunteer'], payload: () => ({}) }],
    verifyCertificate: [{ scope: 'public, by number (name masked)', allow: EVERYONE, payload: () => ({ number: IDS.certificate }) }]
  },

  points: {
    balance: [{ scope: 'own balance', allow: SIGNED_IN, payload: () => ({}) }],
    ledger: [{ scope: 'own ledger', allow: SIGNED_IN, payload: () => ({}) }],
    applyMerchant: [{ scope: 'oneself', allow: SIGNED_IN, payload: () => merchantFields() }],
    reviewMerchant: [
      { scope: 'a pending shop of cm01: its staff', allow: ['staff'], payload: () => ({ merchantId: IDS.pendingMerchant, approve: true }) }
    ],
    myMerchant: [{ scope: 'own shop', allow: SIGNED_IN, payload: () => ({}) }],
    listMerchants: [{ scope: 'cm01’s shops: its staff', allow: ['staff'], payload: () => ({ communityId: cm }) }],
    upsertGoods: [
      { scope: 'new goods of shop mA: mA or cm01 staff', allow: ['merchant', 'staff'], payload: () => goodsFields() },
      {
        scope: 'edit gA of shop mA: mA or cm01 staff',
        allow: ['merchant', 'staff'],
        payload: () => ({ ...goodsFields(), goodsId: IDS.goods })
      },
      {
        scope: 'edit gA naming the caller’s own shop: still only mA or cm01 staff',
        allow: ['merchant', 'staff'],
        payload: (_w, as) => ({ ...goodsFields(as === 'merchantOther' ? IDS.otherMerchant : IDS.merchant), goodsId: IDS.goods })
      }
    ],
    listGoods: [{ scope: 'any signed-in person', allow: SIGNED_IN, payload: () => ({}) }],
    goods: [
      { scope: 'goods on sale', allow: SIGNED_IN, payload: () => ({ goodsId: IDS.goods }) },
      {
        scope: 'goods off the shelf: shop mA and cm01 staff',
        allow: ['merchant', 'staff'],
        hidden: 'NOT_FOUND',
        payload: () => ({ goodsId: IDS.offShelfGoods })
      }
    ],
    redeem: [
      { scope: 'oneself as a volunteer', allow: ['volunteer'], payload: () => ({ goodsId: IDS.goods, quantity: 1, requestId: req() }) }
    ],
    cancelRedemption: [
      { scope: 'own pending order', allow: ['volunteer'], payload: () => ({ orderId: IDS.order.mine }) },
      { scope: 'someone else’s order: nobody', allow: [], payload: () => ({ orderId: IDS.order.others }) }
    ],
    verifyPickup: [
      {
        scope: 'an order of shop mA (QR text): mA or cm01 staff',
        allow: ['merchant', 'staff'],
        payload: () => ({ code: pickupText(IDS.order.mine, IDS.pickupCode.mine) })
      },
      {
        scope: 'an order of shop mA (six digits): mA or cm01 staff',
        allow: ['merchant', 'staff'],
        payload: () => ({ code: IDS.pickupCode.mine })
      }
    ],
    myRedemptions: [{ scope: 'own orders', allow: SIGNED_IN, payload: () => ({}) }],
    merchantOrders: [
      { scope: 'orders of shop mA: mA or cm01 staff', allow: ['merchant', 'staff'], payload: () => ({ merchantId: IDS.merchant }) }
    ],
    expireRedemptions: [{ scope: 'the timer only', allow: [], timer: 'expireRedemptions', payload: () => ({}) }],
    recoverRedemptions: [{ scope: 'the timer only', allow: [], timer: 'recoverRedemptions', payload: () => ({}) }],
    adjust: [
      {
        scope: 'a volunteer of cm01: its staff',
        allow: ['staff'],
        payload: () => ({ volunteerNo: IDS.volunteerNo, amount: 5, reason: '补发积分', requestId: req() })
      }
    ],
    adjustee: [
      { scope: 'a volunteer of cm01: its staff (masked name)', allow: ['staff'], payload: () => ({ volunteerNo: IDS.volunteerNo }) }
    ],
    reviewAdjustment: [
      {
        scope: 'a pending adjustment of cm01 asked by another staff member: cm01 staff (a second pair of eyes)',
        allow: ['staff'],
        payload: () => ({ adjustmentId: IDS.adjustment, approve: true, reason: '核实无误' })
      }
    ],
    adjustments: [
      { scope: 'the adjustments of cm01: its staff', allow: ['staff'], payload: () => ({ communityId: cm, status: 'pending' }) }
    ],
    board: [{ scope: 'any signed-in person (names only of those who opted in)', allow: SIGNED_IN, payload: () => ({ communityId: cm }) }]
  },

  party: {
    registerMember: [
      {
        scope: 'oneself (a member of another community moves their registration)',
        allow: SIGNED_IN,
        answers: { member: 'CONFLICT' },
        payload: () => memberFields()
      }
    ],
    registerUnit: [
      { scope: 'oneself as the unit’s admin', allow: SIGNED_IN, payload: () => unitFields() },
      {
        scope: 'resubmitting someone else’s unit registration: nobody',
        allow: [],
        payload: () => ({ ...unitFields(), unitId: IDS.unit.pending })
      }
    ],
    updateResources: [
      {
        scope: 'unit uA: its admin',
        allow: ['unitAdmin'],
        payload: () => ({ unitId: IDS.unit.mine, resources: [{ kind: 'skill', name: '法律咨询', quantity: 2 }] })
      }
    ],
    review: [
      {
        scope: 'a pending member of cm01: its staff',
        allow: ['staff'],
        payload: () => ({ kind: 'member', id: IDS.registration.pending, decision: 'approve' })
      },
      {
        scope: 'a pending unit of cm01: its staff',
        allow: ['staff'],
        payload: () => ({ kind: 'unit', id: IDS.unit.pending, decision: 'approve' })
      }
    ],
    myRegistration: [{ scope: 'own registration', allow: SIGNED_IN, payload: () => ({}) }],
    withdraw: [
      {
        scope: 'own active registration',
        allow: SIGNED_IN,
        answers: allBut('FAILED_PRECONDITION', 'member', 'memberOther'),
        payload: () => ({ reason: '工作调动' })
      }
    ],
    listRegistrations: [
      { scope: 'members of cm01: its staff', allow: ['staff'], payload: () => ({ communityId: cm }) },
      { scope: 'units of cm01: its staff', allow: ['staff'], payload: () => ({ kind: 'unit', communityId: cm }) }
    ],
    assignGrid: [
      {
        scope: 'a member of cm01: its staff',
        allow: ['staff'],
        payload: () => ({ registrationId: IDS.registration.member, gridId: IDS.grid })
      }
    ],
    renew: [{ scope: 'own approved registration', allow: ['member', 'memberOther'], payload: () => ({}) }],
    myUnit: [{ scope: 'own units', allow: SIGNED_IN, payload: () => ({}) }],
    listUnits: [{ scope: 'approved units (names only)', allow: SIGNED_IN, payload: () => ({ communityId: cm }) }],
    unitMembers: [
      { scope: 'members of unit uA: its admin or cm01 staff', allow: ['unitAdmin', 'staff'], payload: () => ({ unitId: IDS.unit.mine }) }
    ],
    memberCard: [
      {
        scope: 'own card (none unless an approved member)',
        allow: SIGNED_IN,
        answers: allBut('NOT_FOUND', 'member', 'memberOther'),
        payload: () => ({})
      },
      {
        scope: 'a member’s card by member id: the member, cm01 staff, admins of unit uA (others: as if none)',
        allow: ['member', 'staff', 'unitAdmin'],
        hidden: 'NOT_FOUND',
        payload: () => ({ memberId: IDS.registration.member })
      }
    ],
    postNeed: [
      {
        scope: 'in cm01: its staff',
        allow: ['staff'],
        payload: () => ({
          requestId: req(),
          communityId: cm,
          category: 'service',
          title: '清理楼道杂物',
          description: '3栋楼道堆放杂物较多'
        })
      }
    ],
    claimNeed: [
      { scope: 'an open need of cm01: approved members of cm01', allow: ['member'], payload: () => ({ needId: IDS.need.open }) },
      {
        scope: 'an open need of cm01 for unit uA: its admin',
        allow: ['unitAdmin'],
        payload: () => ({ needId: IDS.need.open, unitId: IDS.unit.mine })
      }
    ],
    releaseNeed: [
      {
        scope: 'a need the member holds: that member',
        allow: ['member'],
        payload: () => ({ needId: IDS.need.byMember, reason: '时间冲突' })
      },
      { scope: 'a need unit uA holds: its admin', allow: ['unitAdmin'], payload: () => ({ needId: IDS.need.byUnit, reason: '时间冲突' }) }
    ],
    completeNeed: [
      { scope: 'a need the member holds: that member', allow: ['member'], payload: () => ({ needId: IDS.need.byMember, note: '已完成' }) },
      { scope: 'a need unit uA holds: its admin', allow: ['unitAdmin'], payload: () => ({ needId: IDS.need.byUnit, note: '已完成' }) }
    ],
    confirmNeed: [{ scope: 'a completed need of cm01: its staff', allow: ['staff'], payload: () => ({ needId: IDS.need.completed }) }],
    cancelNeed: [
      { scope: 'a need of cm01: its staff', allow: ['staff'], payload: () => ({ needId: IDS.need.open, reason: '需求已解决' }) }
    ],
    listNeeds: [{ scope: 'any signed-in person', allow: SIGNED_IN, payload: () => ({ communityId: cm }) }],
    need: [{ scope: 'any signed-in person', allow: SIGNED_IN, payload: () => ({ needId: IDS.need.open }) }],
    listGrids: [{ scope: 'any signed-in person', allow: SIGNED_IN, payload: () => ({ communityId: cm }) }],
    assessment: [
      {
        scope: 'own record (none unless registered)',
        allow: SIGNED_IN,
        answers: allBut('NOT_FOUND', 'member', 'memberOther'),
        payload: () => ({})
      },
      {
        scope: 'a member of cm01: that member or its staff',
        allow: ['member', 'staff'],
        payload: () => ({ registrationId: IDS.registration.member })
      }
    ],
    unitReport: [
      {
        scope: 'unit uA: its admin or cm01 staff',
        allow: ['unitAdmin', 'staff'],
        payload: (w) => ({ unitId: IDS.unit.mine, period: w.year })
      }
    ],
    communityReport: [{ scope: 'cm01: its staff', allow: ['staff'], payload: (w) => ({ communityId: cm, period: w.year }) }],
    reportCsv: [
      {
        scope: 'unit uA: its admin or cm01 staff',
        allow: ['unitAdmin', 'staff'],
        payload: (w) => ({ unitId: IDS.unit.mine, period: w.year })
      },
      { scope: 'cm01: its staff', allow: ['staff'], payload: (w) => ({ communityId: cm, period: w.year }) }
    ],
    rate: [
      {
        scope: 'a member of cm01: its staff',
        allow: ['staff'],
        payload: (w) => ({ registrationId: IDS.registration.member, period: w.year, rating: 'qualified' })
      }
    ],
    upsertProject: [
      {
        scope: 'new project of unit uA: its admin or cm01 staff',
        allow: ['unitAdmin', 'staff'],
        payload: () => ({ requestId: req(), unitId: IDS.unit.mine, title: '共建书屋', content: '单位捐建社区书屋' })
      },
      {
        scope: 'edit project pjA of uA naming the caller’s own unit: still only uA’s admin or cm01 staff',
        allow: ['unitAdmin', 'staff'],
        payload: (_w, as) => ({
          requestId: req(),
          projectId: IDS.project,
          unitId: as === 'unitAdminOther' ? IDS.unit.other : IDS.unit.mine,
          title: '共建书屋',
          content: '扩建为阅览室'
        })
      }
    ],
    listProjects: [{ scope: 'any signed-in person', allow: SIGNED_IN, payload: () => ({ communityId: cm }) }]
  },

  report: {
    categories: [{ scope: 'the category tree: anyone', allow: EVERYONE, payload: () => ({}) }],
    departments: [{ scope: 'a street’s departments: anyone', allow: EVERYONE, payload: () => ({ streetId: IDS.street }) }],
    grids: [{ scope: 'a community’s grids: anyone', allow: EVERYONE, payload: () => ({ communityId: cm }) }],
    duplicates: [
      { scope: 'open reports nearby: any signed-in person', allow: SIGNED_IN, payload: () => ({ categoryId: 'fireLane', location: VENUE }) }
    ],
    submit: [
      {
        scope: 'a report in cm01-g1: any signed-in person, with their own photo',
        allow: SIGNED_IN,
        payload: (_w, as) => ({
          requestId: req(),
          categoryId: 'fireLane',
          description: '消防通道被电动车堵住',
          photos: [ownPhoto(WHO[as], 'lane.jpg')],
          location: VENUE,
          consent: true
        })
      }
    ],
    plusOne: [
      { scope: 'another person’s public report: any signed-in person', allow: SIGNED_IN, payload: () => ({ reportId: RP.others }) }
    ],
    unfollow: [{ scope: 'one’s own follow: any signed-in person', allow: SIGNED_IN, payload: () => ({ reportId: RP.others }) }],
    detail: [
      { scope: 'a public report: anyone', allow: EVERYONE, payload: () => ({ reportId: RP.submitted }) },
      {
        scope: 'a private report: its reporter, cm01 staff, the grid’s worker; hidden from everyone else',
        allow: ['resident', 'staff', 'gridWorker'],
        hidden: 'NOT_FOUND',
        anonymous: 'NOT_FOUND',
        payload: () => ({ reportId: RP.private })
      }
    ],
    mine: [{ scope: 'own reports: any signed-in person', allow: SIGNED_IN, payload: () => ({}) }],
    queue: [
      {
        scope: 'cm01’s queue: its staff, its grid workers, its street admin',
        allow: ['staff', 'gridWorker', 'gridWorkerOther', 'streetAdmin'],
        payload: () => ({ queue: 'toSign', communityId: cm })
      },
      {
        scope: 'own queue: staff, grid workers, department handlers, street admins',
        allow: [
          'staff',
          'staffOther',
          'gridWorker',
          'gridWorkerOther',
          'deptHandler',
          'deptHandlerOther',
          'streetAdmin',
          'streetAdminOther'
        ],
        payload: () => ({ queue: 'toSign' })
      }
    ],
    accept: [
      {
        scope: 'a report of cm01-g1: its grid worker or cm01 staff',
        allow: ['staff', 'gridWorker'],
        payload: () => ({ reportId: RP.submitted })
      }
    ],
    reject: [
      {
        scope: 'a report of cm01-g1: its grid worker or cm01 staff',
        allow: ['staff', 'gridWorker'],
        payload: () => ({ reportId: RP.submitted, reason: '不属于受理范围' })
      }
    ],
    merge: [
      {
        scope: 'a report of cm01-g1 into another: its grid worker or cm01 staff',
        allow: ['staff', 'gridWorker'],
        payload: () => ({ reportId: RP.submitted, duplicateOf: RP.accepted })
      }
    ],
    start: [
      {
        scope: 'a report of cm01-g1: its grid worker or cm01 staff',
        allow: ['staff', 'gridWorker'],
        payload: () => ({ reportId: RP.accepted })
      }
    ],
    requestInfo: [
      {
        scope: 'a report of cm01-g1: its grid worker or cm01 staff',
        allow: ['staff', 'gridWorker'],
        payload: () => ({ reportId: RP.accepted, question: '请补充楼号' })
      }
    ],
    supply: [
      {
        scope: 'a report waiting for its reporter: the reporter',
        allow: ['resident'],
        payload: () => ({ reportId: RP.waiting, text: '5号楼' })
      }
    ],
    extend: [
      {
        scope: 'a report of cm01: its staff',
        allow: ['staff'],
        payload: () => ({ reportId: RP.inProgress, days: 3, reason: '需协调物业' })
      }
    ],
    resolve: [
      {
        scope: 'a report of cm01-g1: its grid worker or cm01 staff, with their own after-photo',
        allow: ['staff', 'gridWorker'],
        payload: (w, as) => ({
          reportId: RP.inProgress,
          note: '已清理',
          photos: [{ fileId: ownPhoto(WHO[as], 'after.jpg'), location: VENUE, takenAt: w.now.toISOString() }]
        })
      }
    ],
    confirm: [
      {
        scope: 'a resolved report: its reporter',
        allow: ['resident'],
        payload: () => ({ reportId: RP.resolved, solved: true, rating: 'satisfied' })
      }
    ],
    reopen: [
      { scope: 'a resolved report: its reporter', allow: ['resident'], payload: () => ({ reportId: RP.resolved, reason: '又堵上了' }) }
    ],
    decide: [
      {
        scope: 'a disputed report of cm01: its staff',
        allow: ['staff'],
        payload: () => ({ reportId: RP.disputed, outcome: 'close', reason: '已核实' })
      }
    ],
    closeNotOurs: [
      {
        scope: 'a report of cm01: its staff',
        allow: ['staff'],
        payload: () => ({ reportId: RP.submitted, responsible: '供电公司', reason: '电力设施' })
      }
    ],
    closeUnsolvable: [
      { scope: 'a report of cm01: its staff', allow: ['staff'], payload: () => ({ reportId: RP.inProgress, reason: '涉及规划调整' }) }
    ],
    whistle: [
      {
        scope: 'a report of cm01 to 城管: its staff',
        allow: ['staff'],
        payload: () => ({
          requestId: req(),
          reportId: RP.inProgress,
          target: { kind: 'department', departmentId: 'st01-urban' },
          urgency: 'normal',
          reason: '需执法'
        })
      }
    ],
    whistles: [
      {
        scope: 'own whistles: staff, department handlers, street admins',
        allow: ['staff', 'staffOther', 'deptHandler', 'deptHandlerOther', 'streetAdmin', 'streetAdminOther'],
        payload: () => ({})
      },
      { scope: '城管’s whistles: its handler', allow: ['deptHandler'], payload: () => ({ departmentId: 'st01-urban' }) }
    ],
    reportIn: [
      { scope: 'a whistle to 城管: its handler', allow: ['deptHandler'], payload: () => ({ whistleId: RP.whistle.open }) },
      { scope: 'a whistle to st01: its street admin', allow: ['streetAdmin'], payload: () => ({ whistleId: RP.whistle.street }) }
    ],
    whistleLog: [
      {
        scope: 'a whistle from cm01-g1 to 城管, reported in: both sides',
        allow: ['staff', 'gridWorker', 'deptHandler'],
        payload: () => ({ whistleId: RP.whistle.reportedIn, text: '明早到现场' })
      }
    ],
    handBack: [
      {
        scope: 'a whistle to 城管: its handler',
        allow: ['deptHandler'],
        payload: () => ({ whistleId: RP.whistle.open, reason: '属于物业范围' })
      }
    ],
    whistleResolve: [
      {
        scope: 'a whistle to 城管, reported in: its handler, with their own after-photo',
        allow: ['deptHandler'],
        payload: (w, as) => ({
          whistleId: RP.whistle.reportedIn,
          note: '已清理',
          photos: [{ fileId: ownPhoto(WHO[as], 'after.jpg'), location: VENUE, takenAt: w.now.toISOString() }]
        })
      }
    ],
    rateWhistle: [
      {
        scope: 'a resolved whistle from cm01 to 城管: cm01 staff and the handler',
        allow: ['staff', 'deptHandler'],
        payload: () => ({ whistleId: RP.whistle.resolved, score: 5 })
      }
    ],
    // figures, patrols, riders, timers (OPS)
    ...REPORT_OPS_ROWS
  },

  workbench: {
    queues: [
      { scope: 'cm01’s queues: its staff', allow: ['staff'], payload: () => ({ communityId: cm }) },
      {
        scope: 'own queues: staff (own community), merchants (own shops), street admins (none)',
        allow: ['staff', 'staffOther', 'streetAdmin', 'streetAdminOther', 'merchant', 'merchantOther'],
        payload: () => ({})
      }
    ],
    dashboard: [
      {
        scope: 'cm01: its staff or its street admin',
        allow: ['staff', 'streetAdmin'],
        payload: (w) => ({ communityId: cm, period: w.year })
      }
    ],
    streetDashboard: [
      { scope: 'st01: its street admin', allow: ['streetAdmin'], payload: (w) => ({ streetId: IDS.street, period: w.year }) }
    ],
    exportCsv: EXPORT_KINDS.map((kind) => ({
      scope: `${kind} of cm01: its staff or its street admin`,
      allow: ['staff', 'streetAdmin'] as const,
      payload: (w: MatrixWorld) => ({ kind, communityId: cm, period: w.year })
    }))
  }
}

/** Every case of the table with its function and action, in table order. */
export function matrixCases(): Array<{ fn: FnName; action: string; index: number; c: Case }> {
  const out: Array<{ fn: FnName; action: string; index: number; c: Case }> = []
  for (const [fn, rows] of Object.entries(MATRIX) as Array<[FnName, Record<string, Row>]>) {
    for (const [action, row] of Object.entries(rows)) row.forEach((c, index) => out.push({ fn, action, index, c }))
  }
  return out
}

/** The valid payload of case `index` of `fn.action` for `kind` in world `w`, typed by the action (trust tests start from it). */
export function payloadOf<F extends FnName, A extends ActionOf<F>>(
  fn: F,
  action: A,
  w: MatrixWorld,
  kind: CallerKind,
  index = 0
): Input<F, A> {
  const row = (MATRIX[fn] as Record<string, Row> | undefined)?.[action]
  if (!row?.[index]) throw new Error(`no case ${index} of ${fn}.${action} in the matrix`)
  return row[index].payload(w, kind) as Input<F, A>
}

/** The refusal a caller kind outside `c.allow` must get. */
export function refusalFor(c: Case, kind: CallerKind): ErrorCode {
  if (NO_USER.includes(kind)) return c.anonymous ?? 'UNAUTHENTICATED'
  return c.hidden ?? 'PERMISSION_DENIED'
}

/** Preference for the fuzz caller: the most privileged kind the case lets through with an ok answer. */
const PRIVILEGE: readonly CallerKind[] = [
  'staff',
  'streetAdmin',
  'deptHandler',
  'gridWorker',
  'unitAdmin',
  'merchant',
  'member',
  'volunteer',
  'resident',
  'anonymous'
]

export function mostPrivileged(c: Case): CallerKind | null {
  const ok = c.allow.filter((k) => !c.answers?.[k])
  return PRIVILEGE.find((k) => ok.includes(k)) ?? ok[0] ?? null
}
