import { fireEvent, render, screen } from '@testing-library/react'
import type { Queue } from '@contract/workbench'
import { taroTest } from '../../../../test/components/taro'
import { QueueCard } from './QueueCard'

const now = new Date('2026-03-25T12:00:00Z')
const queue: Queue = {
  kind: 'registrations',
  count: 3,
  oldest: [
    { id: 'u2', title: '江城供电公司（单位报到）', since: '2026-03-20T12:00:00Z' },
    { id: 'pm4', title: '何文 · 江城市税务局', since: '2026-03-24T12:00:00Z' }
  ]
}

beforeEach(() => taroTest.reset())

describe('a queue card', () => {
  it('shows what waits, how many, the oldest item and how long it has waited', () => {
    render(<QueueCard queue={queue} now={now} url="/packages/workbench/party/review/index" />)
    expect(screen.getByRole('button', { name: '待审核报到3份' })).toBeTruthy()
    expect(screen.getByText('江城供电公司（单位报到）')).toBeTruthy()
    expect(screen.getByText('已等待5天')).toBeTruthy()
    expect(screen.getByText('何文 · 江城市税务局')).toBeTruthy()
  })

  it('opens the page where the work is done', () => {
    render(<QueueCard queue={queue} now={now} url="/packages/workbench/party/review/index" />)
    fireEvent.click(screen.getByText('去处理 ›'))
    expect(taroTest.navigations).toEqual([{ kind: 'navigateTo', url: '/packages/workbench/party/review/index' }])
  })

  it('says when nothing waits', () => {
    render(<QueueCard queue={{ kind: 'pickups', count: 0, oldest: [] }} now={now} url="/packages/points/merchant/pickup/index" />)
    expect(screen.getByText('暂无待办')).toBeTruthy()
    expect(screen.queryByText('去处理 ›')).toBeNull()
  })
})
