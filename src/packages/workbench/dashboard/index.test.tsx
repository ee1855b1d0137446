import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { Dashboard } from '@contract/workbench'
import { callsOf, makeMe, ok, stubFetch } from '../../../../test/components/fetch-stub'
import { taroTest } from '../../../../test/components/taro'
import { MeProvider } from '@/hooks/useMe'
import { resetSession } from '@/services/session'
import DashboardPage from '.'

const STAFF = makeMe({
  openid: 'demo-staff',
  roles: [{ role: 'staff', communityId: 'cm01' }],
  isStaff: true,
  needsConsent: false,
  consentVersion: '2026-11'
})

const zeroTrend = (month: string) => ({ month, published: 0, confirmed: 0, hours: 0, pointsIssued: 0 })
const DASHBOARD: Dashboard = {
  scope: {
    communityId: 'cm01',
    communityName: '青枫社区',
    streetId: 'st01',
    period: '2026-03',
    from: '2026-02-28T16:00:00.000Z',
    to: '2026-03-31T16:00:00.000Z'
  },
  figures: {
    communityId: 'cm01',
    communityName: '青枫社区',
    wishes: {
      posted: 8,
      published: 6,
      claimed: 5,
      fulfilled: 4,
      confirmed: 2,
      completed: 2,
      completionRate: 0.3333,
      medianDaysToClaim: 2,
      medianDaysToFulfil: 4.5,
      averageRating: 4.5,
      ratings: 2
    },
    volunteers: {
      registered: 2,
      active: 3,
      hours: 9,
      pointsIssued: 67,
      pointsRedeemed: 40,
      adjustments: 1,
      pointsAdjusted: -5,
      goodsRedeemed: 2
    },
    party: { registered: 5, approved: 3, renewed: 2, active: 2, hours: 3, averagePoints: 7.7, units: 1, needsCompleted: 1 },
    coverage: { compounds: 2, households: 800, averageHouseholdShare: 0.0735, averageCompoundShare: 0.0588, gaps: 32 }
  },
  coverage: [
    {
      category: 'convenience',
      name: '便利店',
      tier: 5,
      compounds: 2,
      compoundsCovered: 1,
      households: 800,
      householdsCovered: 500,
      compoundShare: 0.5,
      householdShare: 0.625
    }
  ],
  wishCategories: [{ category: 'goods', label: '物资', published: 2, completed: 1 }],
  trend: [
    zeroTrend('2026-01'),
    { month: '2026-02', published: 1, confirmed: 0, hours: 2, pointsIssued: 25 },
    { month: '2026-03', published: 6, confirmed: 2, hours: 9, pointsIssued: 67 }
  ],
  generatedAt: '2026-11-22T08:00:00.000Z'
}

beforeEach(() => {
  resetSession()
  taroTest.reset()
})

function renderPage() {
  const calls = stubFetch((req) =>
    req.body?.action === 'dashboard'
      ? ok(DASHBOARD)
      : req.body?.action === 'exportCsv'
        ? ok({ kind: 'wishes', filename: '青枫社区-2026-03-微心愿台账.csv', csv: '\ufeff心愿编号,类别', rows: 0, masked: false })
        : ok(STAFF)
  )
  render(
    <MeProvider initialMe={STAFF}>
      <DashboardPage />
    </MeProvider>
  )
  return calls
}

describe('the dashboard page', () => {
  it('shows the community’s figures, the category bars and the trend', async () => {
    const calls = renderPage()
    expect(await screen.findByText('33.3%')).toBeTruthy()
    expect(callsOf(calls, 'workbench', 'dashboard')[0].body.data).toMatchObject({ communityId: 'cm01' })
    expect(screen.getByText('2/6个已确认')).toBeTruthy()
    expect(screen.getByText('4.5分')).toBeTruthy()
    expect(screen.getByText('62.5%')).toBeTruthy()
    expect(screen.getByRole('img', { name: '发布心愿 1月0，2月1，3月6' })).toBeTruthy()
    fireEvent.click(screen.getByText('志愿时长'))
    expect(screen.getByRole('img', { name: '志愿时长 1月0小时，2月2小时，3月9小时' })).toBeTruthy()
  })

  it('asks again for another period', async () => {
    const calls = renderPage()
    await screen.findByText('33.3%')
    fireEvent.click(screen.getByText('今年'))
    await waitFor(() => expect(callsOf(calls, 'workbench', 'dashboard')).toHaveLength(2))
    expect(callsOf(calls, 'workbench', 'dashboard')[1].body.data.period).toMatch(/^\d{4}$/)
  })

  it('downloads a report on h5, and says when it holds only the heading', async () => {
    const created: Blob[] = []
    URL.createObjectURL = ((b: Blob) => (created.push(b), 'blob:report')) as typeof URL.createObjectURL
    URL.revokeObjectURL = () => undefined
    const clicked = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
    const calls = renderPage()
    await screen.findByText('33.3%')
    // Labelled in words a resident uses, not "CSV" (issue 19, defect 24).
    expect(screen.getByText(/导出的表格可用 Excel 或 WPS 直接打开/)).toBeTruthy()
    expect(screen.queryByText(/CSV/)).toBeNull()
    fireEvent.click(screen.getByText('微心愿台账'))
    await waitFor(() => expect(taroTest.toasts.map((t) => t.title)).toContain('已下载：无数据，仅含表头'))
    expect(callsOf(calls, 'workbench', 'exportCsv')[0].body.data).toEqual({ kind: 'wishes', communityId: 'cm01', period: '2026-03' })
    expect(clicked).toHaveBeenCalledTimes(1)
    const bytes = await new Promise<Uint8Array>((resolve) => {
      const reader = new FileReader()
      reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer))
      reader.readAsArrayBuffer(created[0])
    })
    // UTF-8 with the BOM Excel needs, then the heading.
    expect(Buffer.from(bytes).toString('hex').slice(0, 6)).toBe('efbbbf')
    expect(Buffer.from(bytes).toString('utf8')).toBe('\ufeff心愿编号,类别')
    expect(created[0].type).toBe('text/csv;charset=utf-8')
    clicked.mockRestore()
  })
})
