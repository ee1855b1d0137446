// Every page of the app, in one place: app.config.ts registers them and code navigates with these URLs.
//
// Names follow the cloud functions: the tab and the subpackage of function `lifeCircle` are both
// `lifeCircle`, the subpackage of function `points` is `points`. A page showing the person's own X
// ("我的心愿", "我的志愿", "我的报到") is `mine/`; staff pages of a function live under
// `workbench/<function>/` (e.g. `workbench/points/merchants`), volunteer activities under `workbench/activity/`.
//
// To add a page to a feature (subpackage): create src/packages/<feature>/<page>/index.tsx and
// index.config.ts, then add `<name>: '<page>/index'` to that feature below. Navigate with
// `Taro.navigateTo({ url: pageUrl('wish', 'detail', { id }) })`.

export const TAB_PAGES = {
  lifeCircle: 'pages/lifeCircle/index',
  wish: 'pages/wish/index',
  volunteer: 'pages/volunteer/index',
  notices: 'pages/notices/index',
  mine: 'pages/mine/index'
} as const

/** Main-package pages that are not tabs. */
export const PRIVACY_PAGE = 'pages/privacy/index'
export const PRIVACY_PAGE_URL = `/${PRIVACY_PAGE}`

/** h5 only: the demo sign-in page of the local cloud (on weapp WeChat signs the person in). */
export const LOGIN_PAGE = 'pages/login/index'

export const SUBPACKAGES = {
  wish: { mine: 'mine/index', detail: 'detail/index', post: 'post/index', fulfil: 'fulfil/index', confirm: 'confirm/index' },
  volunteer: {
    mine: 'mine/index',
    register: 'register/index',
    activity: 'activity/index',
    scan: 'scan/index',
    myCode: 'code/index',
    records: 'records/index',
    certificate: 'certificate/index',
    verify: 'verify/index'
  },
  points: {
    home: 'index/index',
    ledger: 'ledger/index',
    goods: 'goods/index',
    orders: 'orders/index',
    board: 'board/index',
    merchant: 'merchant/index',
    merchantApply: 'merchant/apply/index',
    goodsEdit: 'merchant/goods/index',
    pickup: 'merchant/pickup/index'
  },
  party: {
    mine: 'mine/index',
    register: 'register/index',
    status: 'status/index',
    card: 'card/index',
    needs: 'needs/index',
    need: 'need/index',
    assessment: 'assessment/index',
    unit: 'unit/index',
    unitRegister: 'unit/register/index',
    unitResources: 'unit/resources/index',
    unitMembers: 'unit/members/index',
    unitReport: 'unit/report/index'
  },
  workbench: {
    home: 'index/index',
    dashboard: 'dashboard/index',
    street: 'street/index',
    coverage: 'coverage/index',
    facilities: 'facilities/index',
    facilityEdit: 'facilities/edit/index',
    facilityImport: 'facilities/import/index',
    wish: 'wish/index',
    wishContactViews: 'wish/contacts/index',
    volunteerReview: 'volunteer/review/index',
    partyReview: 'party/review/index',
    partyNeeds: 'party/needs/index',
    partyNeedPost: 'party/needs/post/index',
    partyRate: 'party/rate/index',
    partyProjects: 'party/projects/index',
    activities: 'activity/index',
    activityCreate: 'activity/create/index',
    activityCode: 'activity/code/index',
    activityScan: 'activity/scan/index',
    activityAttendance: 'activity/attendance/index',
    merchantReview: 'points/merchants/index',
    pointsAdjust: 'points/adjust/index',
    reports: 'report/index',
    patrol: 'report/patrol/index'
  },
  lifeCircle: { detail: 'detail/index', place: 'place/index', map: 'map/index' },
  report: { post: 'post/index', mine: 'mine/index', detail: 'detail/index', nearby: 'nearby/index' }
} as const

export type Tab = keyof typeof TAB_PAGES
export type Feature = keyof typeof SUBPACKAGES
export type PageOf<F extends Feature> = keyof (typeof SUBPACKAGES)[F] & string
export type Query = Record<string, string | number | boolean | null | undefined>

function withQuery(path: string, query?: Query): string {
  const pairs = Object.entries(query ?? {})
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
  return pairs.length ? `${path}?${pairs.join('&')}` : path
}

/** URL of a subpackage page, e.g. pageUrl('wish', 'mine') → '/packages/wish/mine/index'. */
export function pageUrl<F extends Feature>(feature: F, page: PageOf<F>, query?: Query): string {
  const pages = SUBPACKAGES[feature] as Record<string, string>
  return withQuery(`/packages/${feature}/${pages[page]}`, query)
}

/** URL of a tab page (for switchTab, which takes no query). */
export const tabUrl = (tab: Tab): string => `/${TAB_PAGES[tab]}`

export const loginUrl = (): string => `/${LOGIN_PAGE}`
