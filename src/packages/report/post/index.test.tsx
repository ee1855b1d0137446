import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { ReportCategoryView } from '@contract/schemas/report'
import { callsOf, makeMe, ok, stubFetch, type Recorded } from '../../../../test/components/fetch-stub'
import { taroTest } from '../../../../test/components/taro'
import { resetSession } from '@/services/session'
import { MeProvider } from '@/hooks/useMe'
import { forgetCategories } from '../categories'
import { outbox } from '../outbox'
import ReportPostPage, { CONSENT_TEXT } from './index'

const category = (c: Partial<ReportCategoryView> & Pick<ReportCategoryView, 'id' | 'name'>): ReportCategoryView => ({
  parentId: null,
  kind: 'complain',
  leaf: true,
  acceptHours: 2,
  handleDays: 10,
  duplicateRadius: 100,
  evidenceRadius: 100,
  departmentKind: null,
  ...c
})

const CATEGORIES = [
  category({ id: 'fire', name: '消防安全', leaf: false }),
  category({ id: 'fireLane', name: '消防通道堵塞', parentId: 'fire', departmentKind: 'urban' }),
  category({ id: 'fireKit', name: '消防设施损坏', parentId: 'fire' }),
  category({ id: 'lamp', name: '路灯不亮', kind: 'help', handleDays: 5 })
]

const DUPLICATE = {
  id: 'rp-old',
  categoryId: 'fireLane',
  categoryName: '消防通道堵塞',
  kind: 'complain',
  description: '3号楼消防通道被占',
  photos: [],
  location: { lat: 31.3526, lng: 118.4331 },
  place: '3号楼东侧',
  communityId: 'c01',
  communityName: '青枫社区',
  gridId: 'g1',
  status: 'accepted',
  reporterName: null,
  submittedAt: '2026-12-03T01:00:00.000Z',
  acceptedAt: null,
  resolvedAt: null,
  closedAt: null,
  plusOnes: 2,
  overdue: false,
  distance: 30
}

/** The local cloud's gateway: functions, uploads; `offline` makes every request to it fail as without network. */
function cloud({ duplicates = [] as unknown[], offline = { on: false } } = {}) {
  return stubFetch((req: Recorded) => {
    if (!req.url.startsWith('/api/')) return {}
    if (offline.on) throw new TypeError('Failed to fetch')
    if (req.url.startsWith('/api/storage/upload')) return { fileID: 'cloud://env/users/demo-resident/2026-12/p1.jpg' }
    const action = req.body?.action
    if (action === 'categories') return ok({ items: CATEGORIES })
    if (action === 'duplicates') return ok({ items: duplicates })
    if (action === 'plusOne') return ok({ id: 'rp-old', plusOnes: 3, following: true, already: false })
    if (action === 'submit')
      return ok({ id: 'rp-new', status: 'submitted', gridId: 'g1', communityId: 'c01', acceptDeadline: '2026-12-03T04:00:00.000Z' })
    return ok({})
  })
}

function renderForm() {
  render(
    <MeProvider initialMe={makeMe({ realName: '王秀英', needsConsent: false })}>
      <ReportPostPage />
    </MeProvider>
  )
}

async function fillIn() {
  fireEvent.click(await screen.findByText('消防安全'))
  fireEvent.click(await screen.findByText('消防通道堵塞'))
  expect(screen.getByText('社区将在2小时内签收，10天内办结（投诉）')).toBeTruthy()
  fireEvent.click(screen.getByText('消防通道被车辆堵塞'))
  fireEvent.click(screen.getByLabelText('添加照片'))
  await screen.findByLabelText('删除第1张照片')
  fireEvent.click(screen.getByText('使用我的位置'))
  await screen.findByText(/我的当前位置/)
  fireEvent.click(screen.getByText(CONSENT_TEXT))
}

beforeEach(() => {
  resetSession()
  forgetCategories()
  taroTest.images = ['blob:photo-1']
})

describe('随手拍 form', () => {
  it('says what is missing before calling the server', async () => {
    const calls = cloud()
    renderForm()
    fireEvent.click(await screen.findByText('提交'))
    expect(await screen.findByText('请选择问题类别')).toBeTruthy()
    expect(screen.getByText('请至少拍一张现场照片')).toBeTruthy()
    expect(screen.getByText('请定位或选择问题所在的小区')).toBeTruthy()
    expect(screen.getByText('请阅读并同意随手拍须知')).toBeTruthy()
    expect(callsOf(calls, 'report', 'duplicates')).toHaveLength(0)
    expect(callsOf(calls, 'report', 'submit')).toHaveLength(0)
  })

  it('offers the same problem nearby first: 我也遇到 adds one and opens it, nothing new is reported', async () => {
    const calls = cloud({ duplicates: [DUPLICATE] })
    renderForm()
    await fillIn()
    fireEvent.click(screen.getByText('提交'))
    expect(await screen.findByText('附近已经有人反映了')).toBeTruthy()
    expect(screen.getByText('3号楼消防通道被占')).toBeTruthy()
    expect(callsOf(calls, 'report', 'duplicates')[0].body.data).toEqual({
      categoryId: 'fireLane',
      location: { lat: 31.3526, lng: 118.4331 }
    })
    fireEvent.click(screen.getByText('我也遇到'))
    await waitFor(() => expect(taroTest.navigations).toContainEqual({ kind: 'redirectTo', url: '/packages/report/detail/index?id=rp-old' }))
    expect(callsOf(calls, 'report', 'plusOne')[0].body.data).toEqual({ reportId: 'rp-old' })
    expect(callsOf(calls, 'report', 'submit')).toHaveLength(0)
  })

  it('sends the report with its uploaded photo, place, time and choices, then opens it', async () => {
    const calls = cloud()
    renderForm()
    await fillIn()
    fireEvent.click(screen.getByLabelText('显示我的姓氏'))
    fireEvent.click(screen.getByText('提交'))
    await waitFor(() => expect(taroTest.navigations).toContainEqual({ kind: 'redirectTo', url: '/packages/report/detail/index?id=rp-new' }))
    const [submit] = callsOf(calls, 'report', 'submit')
    expect(submit.body.data).toMatchObject({
      categoryId: 'fireLane',
      description: '消防通道被车辆堵塞',
      photos: ['cloud://env/users/demo-resident/2026-12/p1.jpg'],
      location: { lat: 31.3526, lng: 118.4331 },
      visibility: 'public',
      showName: true,
      consent: true
    })
    expect(submit.body.data.requestId).toMatch(/^r[0-9a-z]+$/)
    expect(Number.isNaN(Date.parse(submit.body.data.clientTime))).toBe(false)
  })

  it('without network keeps the report on the phone (photo included) and sends it once when the network returns', async () => {
    const offline = { on: false }
    const calls = cloud({ offline })
    renderForm()
    await fillIn()
    offline.on = true
    fireEvent.click(screen.getByText('提交'))
    await waitFor(() => expect(taroTest.navigations).toContainEqual({ kind: 'redirectTo', url: '/packages/report/mine/index' }))
    expect(taroTest.toasts.map((t) => t.title)).toContain('网络不通，已保存在手机上，联网后自动发送')
    const [kept] = outbox.items('demo-resident')
    expect(kept).toMatchObject({ kind: 'report', state: 'waiting', title: '随手拍 · 消防通道堵塞' })
    expect(kept.photos[0].kept).toMatch(/^data:/)
    expect(callsOf(calls, 'report', 'submit')).toHaveLength(0)

    offline.on = false
    await Promise.all([outbox.flush('demo-resident'), outbox.flush('demo-resident')])
    const submits = callsOf(calls, 'report', 'submit')
    expect(submits).toHaveLength(1)
    expect(submits[0].body.data).toMatchObject({
      requestId: kept.id,
      clientTime: kept.createdAt,
      location: { lat: 31.3526, lng: 118.4331 },
      photos: ['cloud://env/users/demo-resident/2026-12/p1.jpg']
    })
    expect(outbox.items('demo-resident')).toEqual([])
  })
})
