// 志愿者注册审核: cards on a phone; at PC width a table of the registrations, the decision in the last column.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { PendingVolunteer } from '@contract/schemas/volunteer'
import { setDeskWidth } from '../../../../../test/components/desk-width'
import { callsOf, makeMe, ok, stubFetch } from '../../../../../test/components/fetch-stub'
import { MeProvider } from '@/hooks/useMe'
import { resetSession } from '@/services/session'
import VolunteerReviewPage from './index'

const pending = (volunteerNo: string, realName: string, registeredAt: string, skills: string[] = []): PendingVolunteer => ({
  volunteerNo,
  realName,
  phone: '13800004242',
  communityId: 'cm01',
  skills,
  idCardMasked: '3301**********1234',
  registeredAt,
  status: 'pending'
})
const items = [
  pending('ZY26000042', '钟敏', '2026-11-21T02:00:00.000Z', ['陪伴聊天', '理发']),
  pending('ZY26000043', '孙磊', '2026-11-19T02:00:00.000Z')
]

function open() {
  const calls = stubFetch((req) =>
    req.body?.action === 'pendingVolunteers' ? ok({ items, nextCursor: null }) : ok({ ...items[1], status: 'approved' })
  )
  render(
    <MeProvider initialMe={makeMe({ roles: [{ role: 'staff', communityId: 'cm01' }], isStaff: true, needsConsent: false })}>
      <VolunteerReviewPage />
    </MeProvider>
  )
  return calls
}

const names = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.querySelector('[role="rowheader"]')?.textContent)

beforeEach(() => resetSession())

it('shows cards below PC width', async () => {
  setDeskWidth(false)
  open()
  expect(await screen.findByText('特长：陪伴聊天、理发')).toBeTruthy()
  expect(screen.queryByRole('table')).toBeNull()
})

describe('at PC width', () => {
  beforeEach(() => setDeskWidth(true))

  it('lists the registrations oldest first with what staff vet, the ID number masked as on the cards', async () => {
    open()
    await screen.findByRole('table')
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      '姓名',
      '志愿者编号',
      '手机号',
      '身份证',
      '特长',
      '登记时间 ↑',
      '操作'
    ])
    expect(names()).toEqual(['孙磊', '钟敏'])
    const zhong = screen.getAllByRole('row')[2].textContent
    expect(zhong).toContain('3301**********1234')
    expect(zhong).toContain('陪伴聊天、理发')
    fireEvent.change(screen.getByPlaceholderText('输入姓名或志愿者编号筛选'), { target: { value: '钟' } })
    expect(names()).toEqual(['钟敏'])
  })

  it('approves from the last column', async () => {
    const calls = open()
    await screen.findByRole('table')
    fireEvent.click(screen.getAllByText('通过')[0])
    await waitFor(() =>
      expect(callsOf(calls, 'volunteer', 'reviewVolunteer').map((c) => c.body.data)).toEqual([
        { volunteerNo: 'ZY26000043', decision: 'approve' }
      ])
    )
  })
})
