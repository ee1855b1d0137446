// 附近的问题: public reports near the person, on a map and as a list with their status (OPS's nearby query).
import { PageShell } from '@/components/PageShell'
import { StateView } from '@/components/StateView'

export default function NearbyReportsPage() {
  return (
    <PageShell>
      <StateView state="empty" title="附近的问题即将开放" fullPage />
    </PageShell>
  )
}
