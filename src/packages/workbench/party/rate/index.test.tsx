import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { ReportRow } from '@contract/schemas/party'
import { setDeskWidth } from '../../../../../test/components/desk-width'
import { callsOf, makeMe, ok, stubFetch } from '../../../../../test/components/fetch-stub'
import { MeProvider } from '@/hooks/useMe'
import { resetSession } from '@/services/session'
import { taroTest } from '../../../../../test/components/taro'
import RatePage, { ratingOptions, ratingWarning } from './index'

const row = (over: Partial<ReportRow>): ReportRow => ({
  registrationId: 'pm-1',
  name: '陈建国',
  phone: '15013596349',
  communityName: '青枫社区',
  workUnit: '税务局',
  branch: '机关党支部',
  approvedAt: '2026-01-10T08:00:00.000Z',
  renewedHalves: ['2026H1', '2026H2'],
  renewedThisHalf: true,
  hours: 52,
  wishes: 2,
  needs: 1,
  points: 72,
  passed: true,
  rating: null,
  ratingLabel: '未评定',
  maxRating: 'excellent',
  ...over
})

beforeEach(() => {
  resetSession()
  setDeskWidth(false)
})

test('优秀 is offered only to members who renewed', () => {
  expect(ratingOptions({ maxRating: 'excellent' }).filter((o) => o.disabled)).toEqual([])
  expect(
    ratingOptions({ maxRating: 'qualified' })
      .filter((o) => o.disabled)
      .map((o) => o.label)
  ).toEqual(['优秀'])
})

test('staff rate a member of their community; a member who did not renew cannot be given 优秀', async () => {
  let rated = false
  const calls = stubFetch((req) => {
    if (req.body?.action === 'communityReport') {
      const rows = [
        row({}),
        row({
          registrationId: 'pm-2',
          name: '刘洋',
          renewedThisHalf: false,
          maxRating: 'qualified',
          rating: rated ? 'qualified' : null,
          ratingLabel: rated ? '合格' : '未评定'
        })
      ]
      return ok({ period: '2026', scope: { kind: 'community', id: 'cm01', name: '青枫社区' }, rules: {}, rows, nextCursor: null })
    }
    if (req.body?.action === 'rate') {
      rated = true
      return ok({ rating: 'qualified', label: '合格', comment: null, at: '2026-11-22T08:00:00.000Z' })
    }
    return ok({})
  })
  render(
    <MeProvider initialMe={makeMe({ roles: [{ role: 'staff', communityId: 'cm01' }], isStaff: true, needsConsent: false })}>
      <RatePage />
    </MeProvider>
  )
  await screen.findByText('刘洋')
  expect(screen.getByText('未按期续报到，最高评定为“合格”')).toBeTruthy()
  const liuGroup = screen.getByRole('radiogroup', { name: '刘洋的评定' })
  const excellent = Array.from(liuGroup.querySelectorAll('[role="radio"]')).find((e) => e.textContent === '优秀') as HTMLElement
  expect(excellent.getAttribute('aria-disabled')).toBe('true')
  fireEvent.click(excellent)
  expect(callsOf(calls, 'party', 'rate')).toHaveLength(0)
  const qualified = Array.from(liuGroup.querySelectorAll('[role="radio"]')).find((e) => e.textContent === '合格') as HTMLElement
  fireEvent.click(qualified)
  await waitFor(() =>
    expect(callsOf(calls, 'party', 'rate').map((c) => c.body.data)).toEqual([
      { registrationId: 'pm-2', period: expect.stringMatching(/^\d{4}$/), rating: 'qualified' }
    ])
  )
  await screen.findByText('合格', { selector: '.party-report-row__rating' })
})

test('rating a member 优秀 while 未达标 asks first, naming the points (defect 15)', async () => {
  const calls = stubFetch((req) => {
    if (req.body?.action === 'communityReport') {
      const rows = [row({ registrationId: 'pm-3', name: '赵敏', points: 30, passed: false })]
      return ok({
        period: '2026',
        scope: { kind: 'community', id: 'cm01', name: '青枫社区' },
        rules: { passMark: 60 },
        rows,
        nextCursor: null
      })
    }
    if (req.body?.action === 'rate') return ok({ rating: 'excellent', label: '优秀', comment: null, at: '2026-11-22T08:00:00.000Z' })
    return ok({})
  })
  render(
    <MeProvider initialMe={makeMe({ roles: [{ role: 'staff', communityId: 'cm01' }], isStaff: true, needsConsent: false })}>
      <RatePage />
    </MeProvider>
  )
  await screen.findByText('赵敏')
  const group = screen.getByRole('radiogroup', { name: '赵敏的评定' })
  const excellent = Array.from(group.querySelectorAll('[role="radio"]')).find((e) => e.textContent === '优秀') as HTMLElement
  taroTest.modalConfirms = false
  fireEvent.click(excellent)
  await waitFor(() => expect(taroTest.modals).toHaveLength(1))
  expect(taroTest.modals[0].content).toBe('赵敏今年考评积分30分，还未达标（达标需60分）。确定评为“优秀”吗？')
  expect(callsOf(calls, 'party', 'rate')).toHaveLength(0)
  taroTest.modalConfirms = true
  fireEvent.click(excellent)
  await waitFor(() => expect(callsOf(calls, 'party', 'rate')).toHaveLength(1))
  expect(ratingWarning({ name: '赵敏', points: 80, passed: true }, 'excellent', 60)).toBeNull()
  expect(ratingWarning({ name: '赵敏', points: 30, passed: false }, 'qualified', 60)).toBeNull()
})

describe('at PC width', () => {
  beforeEach(() => setDeskWidth(true))
  const members = [
    row({ registrationId: 'pm-1', name: '陈建国', phone: '150****6349', workUnit: '税务局', points: 72 }),
    row({ registrationId: 'pm-2', name: '刘洋', phone: '138****1234', workUnit: '市一中', branch: '教师党支部', points: 90 }),
    row({ registrationId: 'pm-3', name: '赵敏', phone: '139****5678', workUnit: '税务局', points: 30, passed: false })
  ]
  const names = () =>
    screen
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.querySelector('[role="rowheader"]')?.textContent?.replace(/\d.*$/, ''))
  const open = async () => {
    const calls = stubFetch((req) => {
      if (req.body?.action === 'communityReport') {
        return ok({
          period: '2026',
          scope: { kind: 'community', id: 'cm01', name: '青枫社区' },
          rules: { passMark: 60 },
          rows: members,
          nextCursor: null
        })
      }
      if (req.body?.action === 'rate') return ok({ rating: 'qualified', label: '合格', comment: null, at: '2026-11-22T08:00:00.000Z' })
      return ok({})
    })
    render(
      <MeProvider initialMe={makeMe({ roles: [{ role: 'staff', communityId: 'cm01' }], isStaff: true, needsConsent: false })}>
        <RatePage />
      </MeProvider>
    )
    await screen.findByRole('table')
    return calls
  }

  it('lists the members in a table, most points first, phones masked as on the cards', async () => {
    await open()
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['姓名', '单位', '积分 ↓', '达标', '评定', '操作'])
    expect(names()).toEqual(['刘洋', '陈建国', '赵敏'])
    const zhao = screen.getAllByRole('row')[3]
    expect(zhao.textContent).toContain('139****5678')
    expect(zhao.textContent).toContain('未达标')
    expect(zhao.textContent).toContain('未评定')
    fireEvent.click(screen.getByText('积分 ↓'))
    expect(names()).toEqual(['赵敏', '陈建国', '刘洋'])
  })

  it('filters by name or unit', async () => {
    await open()
    const box = screen.getByPlaceholderText('输入姓名或单位筛选')
    fireEvent.change(box, { target: { value: '税务' } })
    expect(names()).toEqual(['陈建国', '赵敏'])
    fireEvent.change(box, { target: { value: '刘' } })
    expect(names()).toEqual(['刘洋'])
  })

  it('rates from the last column, warning before 优秀 for a member below the pass mark', async () => {
    const calls = await open()
    const group = screen.getByRole('radiogroup', { name: '赵敏的评定' })
    const choice = (label: string) =>
      Array.from(group.querySelectorAll('[role="radio"]')).find((e) => e.textContent === label) as HTMLElement
    taroTest.modalConfirms = false
    fireEvent.click(choice('优秀'))
    await waitFor(() => expect(taroTest.modals).toHaveLength(1))
    expect(callsOf(calls, 'party', 'rate')).toHaveLength(0)
    fireEvent.click(choice('合格'))
    await waitFor(() =>
      expect(callsOf(calls, 'party', 'rate').map((c) => c.body.data)).toEqual([
        { registrationId: 'pm-3', period: expect.stringMatching(/^\d{4}$/), rating: 'qualified' }
      ])
    )
  })
})
