// Defect 20: the check result is one fact per line, never run together.
import { fireEvent, render, screen } from '@testing-library/react'
import { makeMe, ok, stubFetch } from '../../../../test/components/fetch-stub'
import { MeProvider } from '@/hooks/useMe'
import { resetSession } from '@/services/session'
import VolunteerVerifyPage from './index'

beforeEach(() => resetSession())

test('a valid certificate shows each fact on its own line', async () => {
  stubFetch(() =>
    ok({
      valid: true,
      number: 'ZYJL-2026-7K3M9Q2XWD',
      name: '李**',
      volunteerNo: 'ZY26000001',
      totalHours: 9.5,
      activityCount: 4,
      from: null,
      to: null,
      issuer: '青枫社区居民委员会',
      issuedAt: '2026-11-20T02:00:00.000Z'
    })
  )
  render(
    <MeProvider initialMe={makeMe({ needsConsent: false })}>
      <VolunteerVerifyPage />
    </MeProvider>
  )
  fireEvent.change(screen.getByPlaceholderText('请输入证明编号'), { target: { value: 'ZYJL-2026-7K3M9Q2XWD' } })
  fireEvent.click(screen.getByText('核验'))
  const issuer = await screen.findByText('青枫社区居民委员会')
  const lines = Array.from(document.querySelectorAll('.vol-verify__fact')).map((l) => l.textContent)
  expect(lines).toHaveLength(6)
  expect(lines[0]).toBe('持证人李**')
  expect(lines).toContain('出具单位青枫社区居民委员会')
  expect(issuer.closest('.vol-verify__fact')?.textContent).not.toContain('小时')
})
