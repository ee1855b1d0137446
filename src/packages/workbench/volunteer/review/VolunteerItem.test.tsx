import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { PendingVolunteer } from '@contract/schemas/volunteer'
import { callsOf, makeMe, ok, stubFetch } from '../../../../../test/components/fetch-stub'
import { MeProvider } from '@/hooks/useMe'
import { resetSession } from '@/services/session'
import { VolunteerItem } from './VolunteerItem'

const pending: PendingVolunteer = {
  volunteerNo: 'ZY26000042',
  realName: '钟敏',
  phone: '13800004242',
  communityId: 'cm01',
  skills: ['陪伴聊天', '理发'],
  idCardMasked: '3301**********1234',
  registeredAt: '2026-11-20T02:00:00.000Z',
  status: 'pending'
}

function renderItem(v: PendingVolunteer = pending) {
  const onDone = jest.fn()
  render(
    <MeProvider initialMe={makeMe({ roles: [{ role: 'staff', communityId: 'cm01' }], isStaff: true })}>
      <VolunteerItem volunteer={v} onDone={onDone} />
    </MeProvider>
  )
  return onDone
}

beforeEach(() => resetSession())

describe('pending volunteer', () => {
  it('shows staff what they vet: the full phone number, skills and the masked ID number', () => {
    renderItem()
    expect(screen.getByText('手机号：13800004242')).toBeTruthy()
    expect(screen.getByText('特长：陪伴聊天、理发')).toBeTruthy()
    expect(screen.getByText('身份证：3301**********1234')).toBeTruthy()
  })

  it('approves', async () => {
    const calls = stubFetch(() => ok({ ...pending, status: 'approved' }))
    const onDone = renderItem()
    fireEvent.click(screen.getByText('通过'))
    await waitFor(() => expect(onDone).toHaveBeenCalled())
    expect(callsOf(calls, 'volunteer', 'reviewVolunteer')[0].body.data).toEqual({ volunteerNo: 'ZY26000042', decision: 'approve' })
  })

  it('rejects only with a reason', async () => {
    const calls = stubFetch(() => ok({ ...pending, status: 'rejected' }))
    const onDone = renderItem()
    fireEvent.click(screen.getByText('不通过'))
    fireEvent.click(screen.getByText('确定不通过'))
    expect(await screen.findByText('请填写不通过的原因')).toBeTruthy()
    fireEvent.change(screen.getByPlaceholderText('志愿者会在“我的志愿”里看到这个原因'), { target: { value: '电话无法接通' } })
    fireEvent.click(screen.getByText('确定不通过'))
    await waitFor(() => expect(onDone).toHaveBeenCalled())
    expect(callsOf(calls, 'volunteer', 'reviewVolunteer')[0].body.data).toEqual({
      volunteerNo: 'ZY26000042',
      decision: 'reject',
      reason: '电话无法接通'
    })
  })

  it('offers no decision on a registration already decided', () => {
    renderItem({ ...pending, status: 'approved' })
    expect(screen.queryByText('通过')).toBeNull()
    expect(screen.getByText('已通过')).toBeTruthy()
  })
})
