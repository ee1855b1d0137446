import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { Need } from '@contract/schemas/party'
import { callsOf, makeMe, ok, stubFetch } from '../../../../test/components/fetch-stub'
import { taroTest } from '../../../../test/components/taro'
import { MeProvider } from '@/hooks/useMe'
import { resetSession } from '@/services/session'
import NeedPage from './index'

const NONE = { claim: false, release: false, complete: false, confirm: false, cancel: false }
const need = (over: Partial<Need>): Need => ({
  id: 'nd-1',
  communityId: 'cm01',
  communityName: '青枫社区',
  category: 'service',
  title: '楼道杂物清理',
  description: '三号楼楼道堆放杂物',
  place: '阳光小区3号楼',
  deadline: null,
  status: 'open',
  claimant: null,
  claimedByMe: false,
  completion: null,
  postedAt: '2026-11-20T08:00:00.000Z',
  timeline: [
    { at: '2026-11-20T08:00:00.000Z', event: 'post', label: '发布需求', from: null, to: '待认领', actor: '社区工作者', why: null }
  ],
  can: { ...NONE, claim: true },
  ...over
})

beforeEach(() => resetSession())

test('an approved member claims a need after confirming, then reports it done', async () => {
  const claimant = {
    kind: 'member' as const,
    displayName: '陈建国',
    badge: { displayName: '陈建国', branch: '机关党支部', pledge: '服务群众' }
  }
  const calls = stubFetch((req) => {
    const action = req.body?.action
    if (action === 'need') return ok(need({}))
    if (action === 'claimNeed')
      return ok(need({ status: 'claimed', claimant, claimedByMe: true, can: { ...NONE, complete: true, release: true } }))
    if (action === 'completeNeed')
      return ok(
        need({
          status: 'completed',
          claimant,
          claimedByMe: true,
          completion: { note: req.body.data.note, photos: [], at: '2026-11-22T08:00:00.000Z' },
          can: NONE
        })
      )
    return ok({})
  })
  render(
    <MeProvider initialMe={makeMe({ roles: [{ role: 'member', communityId: 'cm01' }], needsConsent: false })}>
      <NeedPage />
    </MeProvider>
  )
  fireEvent.click(await screen.findByText('以党员身份认领'))
  await screen.findByText('认领党员：陈建国 · 机关党支部（我）')
  expect(callsOf(calls, 'party', 'claimNeed').map((c) => c.body.data)).toEqual([{ needId: 'nd-1' }])
  expect(taroTest.toasts.map((t) => t.title)).toContain('认领成功')

  fireEvent.click(screen.getByText('提交完成'))
  expect(await screen.findByText('请填写完成情况')).toBeTruthy()
  fireEvent.change(screen.getByPlaceholderText('做了什么、什么时候完成的'), { target: { value: '周六上午清理完毕' } })
  fireEvent.click(screen.getByText('提交完成'))
  await screen.findByText('周六上午清理完毕')
  expect(callsOf(calls, 'party', 'completeNeed').map((c) => c.body.data)).toEqual([{ needId: 'nd-1', note: '周六上午清理完毕' }])
})

test('nothing is claimed when the person thinks again', async () => {
  taroTest.modalConfirms = false
  const calls = stubFetch((req) => (req.body?.action === 'need' ? ok(need({})) : ok({})))
  render(
    <MeProvider initialMe={makeMe({ roles: [{ role: 'member', communityId: 'cm01' }], needsConsent: false })}>
      <NeedPage />
    </MeProvider>
  )
  fireEvent.click(await screen.findByText('以党员身份认领'))
  await waitFor(() => expect(callsOf(calls, 'party', 'claimNeed')).toHaveLength(0))
})
