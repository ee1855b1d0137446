import { fireEvent, render, screen } from '@testing-library/react'
import type { WishCard as Wish } from '@contract/schemas/wish'
import { WishCard } from '.'

const wish: Wish = {
  id: 'w1',
  category: 'goods',
  title: '想要一盏护眼台灯',
  story: '家里的台灯坏了，晚上看书不方便。',
  communityId: 'cm01',
  communityName: '青枫社区',
  beneficiaryDisplay: '张奶奶',
  photos: ['http://127.0.0.1/files/users/u1/lamp.jpg'],
  value: 120,
  desiredDate: null,
  status: 'published',
  submittedAt: new Date().toISOString(),
  publishedAt: new Date().toISOString(),
  claimedAt: null,
  fulfilledAt: null,
  confirmedAt: null,
  distance: 340
}

describe('WishCard', () => {
  it('shows the public face of a wish: title, masked name, value, distance, status', () => {
    render(<WishCard wish={wish} />)
    expect(screen.getByText('想要一盏护眼台灯')).toBeTruthy()
    expect(screen.getByText('张奶奶的心愿 · 物资')).toBeTruthy()
    expect(screen.getByText('约120元')).toBeTruthy()
    expect(screen.getByText('待认领')).toBeTruthy()
    expect(screen.getByText(/青枫社区 · 距您340米 · 刚刚/)).toBeTruthy()
    expect(document.querySelectorAll('img')).toHaveLength(1)
  })

  it('opens the wish when tapped, and shows extra lines', () => {
    const onOpen = jest.fn()
    render(
      <WishCard wish={{ ...wish, photos: [], value: 0, status: 'confirmed', distance: null }} onOpen={onOpen}>
        <span>待您确认</span>
      </WishCard>
    )
    expect(screen.getByText('无需花费')).toBeTruthy()
    expect(screen.getByText('已确认')).toBeTruthy()
    expect(screen.getByText('待您确认')).toBeTruthy()
    fireEvent.click(screen.getByText('想要一盏护眼台灯'))
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ id: 'w1' }))
  })
})
