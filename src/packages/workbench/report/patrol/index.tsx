// 巡查: a grid worker's walk — start, check-points (kept on the phone without network), end.
import { PageShell } from '@/components/PageShell'
import { StateView } from '@/components/StateView'

export default function PatrolPage() {
  return (
    <PageShell>
      <StateView state="empty" title="巡查即将开放" fullPage />
    </PageShell>
  )
}
