import { render, screen } from '@testing-library/react'
import { formatDateTime } from '@/utils/date'
import { ContactViewRow } from './index'

describe('contact view row', () => {
  it('says who saw whose contact details, in what capacity and when', () => {
    render(
      <ContactViewRow
        view={{ at: '2026-11-20T02:00:00.000Z', wishId: 'w1', wishTitle: '想要一台收音机', viewerName: '张伟', viewerRole: 'volunteer' }}
      />
    )
    expect(screen.getByText('张伟（志愿者）')).toBeTruthy()
    expect(screen.getByText('查看了“想要一台收音机”的联系方式')).toBeTruthy()
    expect(screen.getByText(formatDateTime('2026-11-20T02:00:00.000Z'))).toBeTruthy()
  })
})
