import { render, screen } from '@testing-library/react'
import { VolunteerStatusCard } from './index'

describe('volunteer status card', () => {
  it('tells a pending volunteer what happens next', () => {
    render(<VolunteerStatusCard status="pending" reason={null} />)
    expect(screen.getByText('待审核')).toBeTruthy()
    expect(screen.getByText(/审核通过后，您就可以认领微心愿/)).toBeTruthy()
  })

  it('shows approval', () => {
    render(<VolunteerStatusCard status="approved" reason={null} />)
    expect(screen.getByText('已通过')).toBeTruthy()
  })

  it('shows a rejection with the reason staff gave', () => {
    render(<VolunteerStatusCard status="rejected" reason="手机号无法接通，请到社区核实" />)
    expect(screen.getByText('未通过')).toBeTruthy()
    expect(screen.getByText('原因：手机号无法接通，请到社区核实')).toBeTruthy()
  })
})
