import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { callsOf, makeMe, ok, stubFetch } from '../../../../test/components/fetch-stub'
import { taroTest } from '../../../../test/components/taro'
import { MeProvider } from '@/hooks/useMe'
import { resetSession } from '@/services/session'
import { ClaimOversight } from './ClaimOversight'

const wish = {
  id: 'w1',
  title: '想要一台收音机',
  claimer: { kind: 'volunteer' as const, displayName: '张*', branch: null, pledge: null }
}

function renderIt() {
  const onDone = jest.fn()
  render(
    <MeProvider initialMe={makeMe({ roles: [{ role: 'staff', communityId: 'cm01' }], isStaff: true })}>
      <ClaimOversight wish={wish} onDone={onDone} />
    </MeProvider>
  )
  return onDone
}

beforeEach(() => resetSession())

describe('claim oversight', () => {
  it('force-releases with a reason from the list, after a confirmation naming the masked claimer, and can suspend too', async () => {
    const calls = stubFetch(() => ok({ id: 'w1', status: 'published', suspended: true }))
    const onDone = renderIt()
    fireEvent.click(screen.getByText('强制释放'))
    fireEvent.click(screen.getByText('确认释放'))
    await waitFor(() => expect(taroTest.toasts.map((t) => t.title)).toContain('请选择释放原因'))
    expect(callsOf(calls, 'wish', 'forceRelease')).toHaveLength(0)

    fireEvent.click(screen.getByText('认领人联系不上'))
    fireEvent.click(screen.getByText('同时暂停张*在本社区认领心愿'))
    fireEvent.click(screen.getByText('确认释放'))
    await waitFor(() => expect(onDone).toHaveBeenCalled())
    expect(taroTest.modals[0].title).toBe('强制释放')
    expect(taroTest.modals[0].content).toMatch(/将结束张\*对“想要一台收音机”的认领，并暂停张\*在本社区认领心愿/)
    expect(callsOf(calls, 'wish', 'forceRelease')[0].body.data).toEqual({ wishId: 'w1', reason: '认领人联系不上', suspend: true })
  })

  it('does nothing when the staff member thinks again', async () => {
    const calls = stubFetch(() => ok({}))
    taroTest.modalConfirms = false
    const onDone = renderIt()
    fireEvent.click(screen.getByText('暂停认领资格'))
    fireEvent.click(screen.getByText('受助人投诉'))
    fireEvent.click(screen.getByText('确认暂停'))
    await waitFor(() => expect(taroTest.modals).toHaveLength(1))
    expect(taroTest.modals[0].content).toMatch(/暂停张\*在本社区认领心愿/)
    expect(callsOf(calls, 'wish', 'setClaimerSuspension')).toHaveLength(0)
    expect(onDone).not.toHaveBeenCalled()
  })

  it('suspends and lifts a suspension with the reason recorded', async () => {
    const calls = stubFetch((req) => ok({ suspended: req.body.data.suspended }))
    const onDone = renderIt()
    fireEvent.click(screen.getByText('暂停认领资格'))
    fireEvent.click(screen.getByText('受助人投诉'))
    fireEvent.click(screen.getByText('确认暂停'))
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1))
    fireEvent.click(screen.getByText('恢复认领资格'))
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(2))
    expect(callsOf(calls, 'wish', 'setClaimerSuspension').map((c) => c.body.data)).toEqual([
      { wishId: 'w1', suspended: true, reason: '受助人投诉' },
      { wishId: 'w1', suspended: false, reason: '经社区核实，恢复认领资格' }
    ])
  })
})
