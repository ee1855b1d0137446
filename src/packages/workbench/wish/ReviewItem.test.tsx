import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { StaffWish } from '@contract/schemas/wish'
import { callsOf, makeMe, ok, stubFetch } from '../../../../test/components/fetch-stub'
import { taroTest } from '../../../../test/components/taro'
import { MeProvider } from '@/hooks/useMe'
import { resetSession } from '@/services/session'
import { ReviewItem } from './ReviewItem'

const wish: StaffWish = {
  id: 'w1',
  category: 'goods',
  title: '想要一个新书包',
  story: '书包背带断了。',
  communityId: 'cm01',
  communityName: '青枫社区',
  beneficiaryDisplay: '李同学',
  photos: [],
  value: 150,
  desiredDate: null,
  status: 'submitted',
  submittedAt: '2026-11-20T02:00:00.000Z',
  publishedAt: null,
  claimedAt: null,
  fulfilledAt: null,
  confirmedAt: null,
  distance: null,
  claimDeadline: null,
  claimer: null,
  private: {
    beneficiaryName: '李小明',
    phone: null,
    address: '阳光小区5栋',
    isChild: true,
    proxy: true,
    guardian: { name: '刘红梅', relation: '母亲', phone: '13700001111', consentAt: '2026-11-20T02:00:00.000Z' },
    privatePhotos: [],
    rejectReason: null
  }
}

function renderItem(w: StaffWish = wish) {
  const onDone = jest.fn()
  render(
    <MeProvider initialMe={makeMe({ roles: [{ role: 'staff', communityId: 'cm01' }], isStaff: true })}>
      <ReviewItem wish={w} onDone={onDone} />
    </MeProvider>
  )
  return onDone
}

beforeEach(() => resetSession())

describe('staff review item', () => {
  it('shows staff the private details they verify, including the guardian’s consent', () => {
    renderItem()
    expect(screen.getByText(/受助人：李小明（14岁以下儿童）/)).toBeTruthy()
    expect(screen.getByText(/监护人：刘红梅（母亲）13700001111/)).toBeTruthy()
  })

  it('publishes without opening the wish', async () => {
    const calls = stubFetch(() => ok({ id: 'w1', status: 'published' }))
    const onDone = renderItem()
    fireEvent.click(screen.getByText('通过并公开'))
    await waitFor(() => expect(onDone).toHaveBeenCalled())
    expect(callsOf(calls, 'wish', 'review')[0].body.data).toEqual({ wishId: 'w1', decision: 'publish' })
    expect(taroTest.navigations).toEqual([])
  })

  it('rejects with the reason the staff member writes', async () => {
    const calls = stubFetch(() => ok({ id: 'w1', status: 'rejected' }))
    const onDone = renderItem()
    fireEvent.click(screen.getByText('驳回'))
    fireEvent.change(screen.getByPlaceholderText('请写明驳回理由，居民会收到通知'), { target: { value: '请补充监护人签字' } })
    fireEvent.click(screen.getByText('确认驳回'))
    await waitFor(() => expect(onDone).toHaveBeenCalled())
    expect(callsOf(calls, 'wish', 'review')[0].body.data).toEqual({ wishId: 'w1', decision: 'reject', reason: '请补充监护人签字' })
  })

  it('offers to confirm a fulfilled 代录 wish for the resident', () => {
    renderItem({ ...wish, status: 'fulfilled' })
    fireEvent.click(screen.getByText('代为确认'))
    expect(taroTest.navigations).toEqual([{ kind: 'navigateTo', url: '/packages/wish/confirm/index?id=w1' }])
  })

  it('offers staff oversight of a claimed wish and who saw its contact details', () => {
    renderItem({ ...wish, status: 'claimed', claimer: { kind: 'volunteer', displayName: '张*', branch: null, pledge: null } })
    expect(screen.getByText('强制释放')).toBeTruthy()
    expect(screen.getByText('暂停认领资格')).toBeTruthy()
    fireEvent.click(screen.getByText('联系方式查看记录 ›'))
    expect(taroTest.navigations).toEqual([{ kind: 'navigateTo', url: '/packages/workbench/wish/contacts/index?wishId=w1' }])
  })
})
