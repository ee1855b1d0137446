import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { WishDetail } from '@contract/schemas/wish'
import { callsOf, fail, makeMe, ok, stubFetch } from '../../../../test/components/fetch-stub'
import { taroTest } from '../../../../test/components/taro'
import { MeProvider } from '@/hooks/useMe'
import { resetSession } from '@/services/session'
import { WishView } from '.'

const base: WishDetail = {
  id: 'w1',
  category: 'goods',
  title: '想要一盏护眼台灯',
  story: '家里的台灯坏了，晚上看书不方便。',
  communityId: 'cm01',
  communityName: '青枫社区',
  beneficiaryDisplay: '张奶奶',
  photos: [],
  value: 120,
  desiredDate: null,
  status: 'published',
  submittedAt: '2026-11-20T02:00:00.000Z',
  publishedAt: '2026-11-20T04:00:00.000Z',
  claimedAt: null,
  fulfilledAt: null,
  confirmedAt: null,
  distance: null,
  claimer: null,
  timeline: [
    { at: '2026-11-20T02:00:00.000Z', from: null, to: 'submitted', label: '提交心愿', actor: '居民' },
    { at: '2026-11-20T04:00:00.000Z', from: 'submitted', to: 'published', label: '审核通过，公开征集', actor: '社区工作者' }
  ],
  fulfilment: null,
  confirmation: null,
  claimDeadline: null,
  claimDays: 7,
  viewer: 'public',
  can: { claim: true, release: false, fulfil: false, confirm: false, withdraw: false, review: false },
  private: null,
  delivery: null
}

function renderView(wish: WishDetail, reload = jest.fn(async () => undefined)) {
  render(
    <MeProvider initialMe={makeMe({ roles: [{ role: 'member', communityId: 'cm01' }] })}>
      <WishView wish={wish} reload={reload} />
    </MeProvider>
  )
  return reload
}

beforeEach(() => resetSession())

describe('wish detail', () => {
  it('shows the public story and timeline, and no private section to the public', () => {
    renderView(base)
    expect(screen.getByText('家里的台灯坏了，晚上看书不方便。')).toBeTruthy()
    expect(screen.getByText('审核通过，公开征集')).toBeTruthy()
    expect(screen.queryByText('受助人信息')).toBeNull()
    expect(screen.queryByText('交付信息')).toBeNull()
  })

  it('claims after the person confirms, then shows what is true now', async () => {
    const calls = stubFetch(() => ok({ id: 'w1', status: 'claimed', delivery: {}, claimDeadline: '2026-11-27T04:00:00.000Z' }))
    const reload = renderView(base)
    fireEvent.click(screen.getByText('我来认领'))
    await waitFor(() => expect(callsOf(calls, 'wish', 'claim')).toHaveLength(1))
    expect(callsOf(calls, 'wish', 'claim')[0].body.data).toEqual({ wishId: 'w1' })
    await waitFor(() => expect(reload).toHaveBeenCalled())
    expect(taroTest.toasts.map((t) => t.title)).toContain('认领成功')
  })

  it("asks to fulfil within the community's claim period, as the server sent it", async () => {
    stubFetch(() => ok({ id: 'w1', status: 'claimed', delivery: {}, claimDeadline: '2026-11-27T04:00:00.000Z' }))
    renderView({ ...base, claimDays: 10 })
    fireEvent.click(screen.getByText('我来认领'))
    await waitFor(() => expect(taroTest.modals).toHaveLength(1))
    expect(taroTest.modals[0].content).toContain('认领后请在10天内帮助实现')
  })

  it('tells a late claimer that the wish was just claimed and reloads', async () => {
    stubFetch(() => fail('CONFLICT', '该心愿刚刚被认领'))
    const reload = renderView(base)
    fireEvent.click(screen.getByText('我来认领'))
    await waitFor(() => expect(taroTest.toasts.map((t) => t.title)).toContain('该心愿刚刚被认领'))
    expect(reload).toHaveBeenCalled()
  })

  it('does nothing when the person changes their mind', async () => {
    const calls = stubFetch(() => ok({}))
    taroTest.modalConfirms = false
    renderView(base)
    fireEvent.click(screen.getByText('我来认领'))
    await act(() => new Promise((r) => setTimeout(r, 20)))
    expect(callsOf(calls, 'wish', 'claim')).toHaveLength(0)
  })

  it('shows the claimer the delivery details, the deadline and their actions', () => {
    renderView({
      ...base,
      status: 'claimed',
      viewer: 'claimer',
      claimDeadline: new Date(Date.now() + 3 * 86_400_000 + 3_600_000).toISOString(),
      claimer: { kind: 'member', displayName: '陈**', branch: '税务局机关党支部', pledge: '为邻里办实事' },
      can: { claim: false, release: true, fulfil: true, confirm: false, withdraw: false, review: false },
      delivery: {
        mode: 'contact',
        name: '张桂英',
        phone: '13912345678',
        address: '幸福小区3栋201室',
        handoverPoint: null,
        communityPhone: '0553-2123456'
      }
    })
    expect(screen.getByText('交付信息')).toBeTruthy()
    expect(screen.getByText('电话：13912345678')).toBeTruthy()
    expect(screen.getByText(/^还剩[34]天/)).toBeTruthy() // 3 days and an hour: 4 calendar days just before midnight
    expect(screen.getByText('共产党员 陈** 认领了这个心愿')).toBeTruthy()
    expect(screen.getByText('已送达，上传照片')).toBeTruthy()
    expect(screen.getByText('放弃认领')).toBeTruthy()
    expect(screen.queryByText('我来认领')).toBeNull()
  })
})

test('the rejection reason stands on its own, outside the beneficiary block (defect 21)', () => {
  renderView({
    ...base,
    status: 'rejected',
    viewer: 'owner',
    can: { ...base.can, claim: false },
    private: {
      beneficiaryName: '张桂兰',
      isChild: false,
      phone: null,
      address: null,
      guardian: null,
      proxy: false,
      privatePhotos: [],
      rejectReason: '描述里写了门牌号，请删去后重新提交'
    } as unknown as WishDetail['private']
  })
  const reason = screen.getByText('驳回理由：描述里写了门牌号，请删去后重新提交')
  const beneficiary = screen.getByText('受助人信息').closest('.llt-section') as HTMLElement
  expect(beneficiary.contains(reason)).toBe(false)
  expect(reason.closest('.llt-section')?.textContent).toContain('审核未通过')
})
