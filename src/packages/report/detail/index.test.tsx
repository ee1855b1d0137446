import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { ReportDetail, WhistleView } from '@contract/schemas/report'
import { callsOf, fail, makeMe, ok, stubFetch } from '../../../../test/components/fetch-stub'
import { taroTest } from '../../../../test/components/taro'
import { resetSession } from '@/services/session'
import { MeProvider } from '@/hooks/useMe'
import ReportDetailPage from './index'

const NO = {
  plusOne: false,
  accept: false,
  reject: false,
  merge: false,
  start: false,
  requestInfo: false,
  supply: false,
  extend: false,
  resolve: false,
  confirm: false,
  reopen: false,
  decide: false,
  closeNotOurs: false,
  closeUnsolvable: false,
  whistle: false,
  unfollow: false
}

function report(patch: Partial<ReportDetail> = {}): ReportDetail {
  return {
    id: 'rp1',
    categoryId: 'fireLane',
    categoryName: '消防通道堵塞',
    kind: 'complain',
    description: '5号楼东侧消防通道被三辆车堵住',
    photos: ['cloud://env/p1.jpg'],
    location: { lat: 31.33, lng: 118.35 },
    place: '5号楼东侧',
    communityId: 'c01',
    communityName: '青枫社区',
    gridId: 'g1',
    status: 'submitted',
    reporterName: null,
    submittedAt: '2026-12-03T01:00:00.000Z',
    acceptedAt: null,
    resolvedAt: null,
    closedAt: null,
    plusOnes: 0,
    overdue: false,
    distance: null,
    viewer: 'reporter',
    visibility: 'public',
    timeline: [
      {
        at: '2026-12-03T01:00:00.000Z',
        event: 'submit',
        from: null,
        to: 'submitted',
        label: '居民反映问题',
        actor: '居民',
        actorName: null,
        why: null
      }
    ],
    deadlines: { accept: '2026-12-03T03:00:00.000Z', resolve: '2026-12-13T01:00:00.000Z', paused: false, overdue: false, extended: false },
    evidence: null,
    needsConfirmation: false,
    reopens: 0,
    duplicateOf: null,
    info: null,
    answer: null,
    closeKind: null,
    closeReason: null,
    responsible: null,
    following: false,
    plusOned: false,
    whistles: [],
    reporter: null,
    can: { ...NO },
    ...patch
  }
}

function whistle(patch: Partial<WhistleView> = {}): WhistleView {
  return {
    id: 'wh1',
    reportId: 'rp1',
    communityId: 'c01',
    streetId: 'st01',
    target: { kind: 'department', departmentId: 'st01-urban', name: '城管' },
    urgency: 'emergency',
    reason: '车主联系不上，需要城管拖车',
    status: 'open',
    whistledAt: '2026-12-03T02:00:00.000Z',
    reportInDeadline: '2026-12-03T02:30:00.000Z',
    reportedInAt: null,
    late: false,
    handedBackReason: null,
    resolvedAt: null,
    log: [],
    ratings: { byCommunity: null, byDepartment: null },
    report: null,
    can: { reportIn: false, log: false, handBack: false, resolve: false, rate: false },
    ...patch
  }
}

/** The detail answers `shown[0]` first, then each next one after an action. */
function cloud(shown: ReportDetail[], answers: Record<string, unknown> = {}) {
  let n = 0
  return stubFetch((req) => {
    if (req.url.startsWith('/api/storage/upload')) return { fileID: 'cloud://env/users/demo-handler/after.jpg' }
    if (!req.url.startsWith('/api/')) return {}
    const action = req.body?.action as string
    if (action === 'detail') return ok(shown[Math.min(n++, shown.length - 1)])
    if (action === 'departments')
      return ok({ items: [{ id: 'st01-urban', streetId: 'st01', name: '街道城市管理执法队', kind: 'urban', phone: null }] })
    if (action === 'duplicates') return ok({ items: [] })
    return answers[action] ?? ok({ id: 'rp1', status: 'accepted' })
  })
}

function renderPage(me = makeMe({ needsConsent: false })) {
  render(
    <MeProvider initialMe={me}>
      <ReportDetailPage />
    </MeProvider>
  )
}

beforeEach(() => {
  resetSession()
  taroTest.route = { path: '/packages/report/detail/index', params: { id: 'rp1' } }
})

describe('report detail', () => {
  it('the reporter confirms the resolution and rates it; the page shows the new state', async () => {
    const resolved = report({
      status: 'resolved',
      evidence: {
        note: '已协调车主挪车',
        photos: [
          { fileId: 'cloud://env/after.jpg', location: { lat: 31.33, lng: 118.35 }, takenAt: '2026-12-03T05:00:00.000Z', distance: 12 }
        ],
        near: true,
        at: '2026-12-03T05:00:00.000Z'
      },
      can: { ...NO, confirm: true, reopen: true }
    })
    const closed = report({
      status: 'closed',
      closeKind: 'confirmed',
      answer: { solved: true, rating: 'satisfied', comment: null, at: '2026-12-03T06:00:00.000Z' }
    })
    const calls = cloud([resolved, closed])
    renderPage()
    expect(await screen.findByText('已协调车主挪车')).toBeTruthy()
    expect(screen.getByText('现场照片：拍摄于问题地点附近（10米）')).toBeTruthy()
    expect(screen.getByText('没解决，重新办理')).toBeTruthy()
    fireEvent.click(screen.getByText('确认并评价'))
    fireEvent.click(screen.getByText('提交评价'))
    expect(await screen.findByText('请选择问题是否已解决')).toBeTruthy()
    expect(callsOf(calls, 'report', 'confirm')).toHaveLength(0)
    fireEvent.click(screen.getByText('已解决'))
    fireEvent.click(screen.getByText('满意'))
    fireEvent.click(screen.getByText('提交评价'))
    expect(await screen.findByText('已解决 · 满意')).toBeTruthy()
    expect(callsOf(calls, 'report', 'confirm')[0].body.data).toEqual({ reportId: 'rp1', solved: true, rating: 'satisfied' })
    expect(screen.getByText('结案方式：居民确认')).toBeTruthy()
  })

  it('staff see the reporter, sign for the report and blow the whistle to a department', async () => {
    const staffView = report({
      viewer: 'staff',
      reporter: { name: '王秀英', phone: '138****5678', clientTime: null },
      can: { ...NO, accept: true, whistle: true, reject: true }
    })
    const calls = cloud([staffView, { ...staffView, status: 'accepted' }])
    renderPage(makeMe({ needsConsent: false, openid: 'demo-staff', roles: [{ role: 'staff', communityId: 'c01' }], isStaff: true }))
    expect(await screen.findByText('王秀英 · 138****5678')).toBeTruthy()
    fireEvent.click(screen.getByText('签收'))
    await waitFor(() => expect(callsOf(calls, 'report', 'accept')).toHaveLength(1))
    expect(taroTest.toasts.map((t) => t.title)).toContain('已签收')

    fireEvent.click(screen.getByText('吹哨'))
    const form = screen.getByLabelText('吹哨：社区解决不了，请街道或部门来报到')
    fireEvent.click(await within(form).findByText('城管 · 街道城市管理执法队'))
    fireEvent.click(within(form).getByText('紧急'))
    fireEvent.change(within(form).getByRole('textbox'), { target: { value: '车主联系不上，需要城管拖车' } })
    fireEvent.click(within(form).getAllByText('吹哨').slice(-1)[0])
    await waitFor(() => expect(callsOf(calls, 'report', 'whistle')).toHaveLength(1))
    expect(callsOf(calls, 'report', 'whistle')[0].body.data).toMatchObject({
      reportId: 'rp1',
      target: { kind: 'department', departmentId: 'st01-urban' },
      urgency: 'emergency',
      reason: '车主联系不上，需要城管拖车'
    })
  })

  it('a department handler reports in, then resolves with an after-photo taken on the spot', async () => {
    const handler = makeMe({
      needsConsent: false,
      openid: 'demo-handler',
      roles: [{ role: 'deptHandler', streetId: 'st01', departmentId: 'st01-urban' }]
    })
    const open = report({
      status: 'inProgress',
      viewer: 'handler',
      whistles: [whistle({ can: { reportIn: true, log: false, handBack: true, resolve: false, rate: false } })]
    })
    const reportedIn = report({
      status: 'inProgress',
      viewer: 'handler',
      whistles: [
        whistle({
          status: 'reportedIn',
          reportedInAt: '2026-12-03T02:10:00.000Z',
          can: { reportIn: false, log: true, handBack: true, resolve: true, rate: false }
        })
      ]
    })
    const calls = cloud([open, reportedIn, reportedIn], { reportIn: ok(whistle({ status: 'reportedIn' })) })
    taroTest.images = ['blob:after']
    renderPage(handler)
    expect(await screen.findByText('吹哨给城管')).toBeTruthy()
    expect(screen.queryByText('办结')).toBeNull()
    fireEvent.click(screen.getByText('报到'))
    await screen.findByText('办结')
    expect(callsOf(calls, 'report', 'reportIn')[0].body.data).toEqual({ whistleId: 'wh1' })

    fireEvent.click(screen.getByText('办结'))
    fireEvent.click(screen.getByText('已清理完毕'))
    fireEvent.click(screen.getByLabelText('拍照'))
    await screen.findByLabelText('删除第1张照片')
    fireEvent.click(screen.getByText('提交办结'))
    await waitFor(() => expect(callsOf(calls, 'report', 'whistleResolve')).toHaveLength(1))
    const data = callsOf(calls, 'report', 'whistleResolve')[0].body.data
    expect(data).toMatchObject({
      whistleId: 'wh1',
      note: '已清理完毕',
      photos: [{ fileId: 'cloud://env/users/demo-handler/after.jpg', location: { lat: 31.3526, lng: 118.4331 } }]
    })
    expect(Number.isNaN(Date.parse(data.photos[0].takenAt))).toBe(false)
  })

  it('someone else acted first: the server’s sentence, and the page shows what is true now', async () => {
    const staffView = report({ viewer: 'gridWorker', can: { ...NO, accept: true } })
    const calls = cloud([staffView, { ...staffView, status: 'accepted', can: { ...NO, start: true } }], {
      accept: fail('CONFLICT', '该问题刚刚已被他人处理，请刷新')
    })
    renderPage(makeMe({ needsConsent: false, roles: [{ role: 'gridWorker', communityId: 'c01', gridIds: ['g1'] }] }))
    fireEvent.click(await screen.findByText('签收'))
    expect(await screen.findByText('开始处理')).toBeTruthy()
    expect(taroTest.toasts.map((t) => t.title)).toContain('该问题刚刚已被他人处理，请刷新')
    expect(callsOf(calls, 'report', 'detail')).toHaveLength(2)
  })
})
