// 扫码核销: the shop scans the buyer's pickup QR code or types the six digits; a code of another shop is
// refused by the server. The shop's orders waiting for pickup are listed underneath.
import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { OrderView } from '@contract/schemas/points'
import { PagedList } from '@/components/PagedList'
import { PageShell } from '@/components/PageShell'
import { QrScanner } from '@/components/QrScanner'
import { Section } from '@/components/Section'
import { useAction } from '@/hooks/useAction'
import { useSignedIn } from '@/hooks/useMe'
import { usePaged } from '@/hooks/usePaged'
import { call, errorMessage } from '@/services/cloud'
import { OrderCard } from '../../components/OrderCard'
import './index.css'

function Waiting({ merchantId, reloadKey }: { merchantId: string; reloadKey: number }) {
  const waiting = usePaged(
    (cursor) => call('points', 'merchantOrders', { merchantId, status: 'pending', cursor, limit: 10 }),
    [merchantId, reloadKey]
  )
  return (
    <>
      <Section title="待领取的兑换" />
      <PagedList paged={waiting} itemKey={(o) => o.id} renderItem={(o) => <OrderCard order={o} />} emptyTitle="没有待领取的兑换" />
    </>
  )
}

function Pickup() {
  const { params } = useRouter()
  const me = useSignedIn()
  // The shop in the link, else the caller's own; staff may verify any shop of their community without one.
  const merchantId = params.merchantId ?? me.roles.find((r) => r.role === 'merchant')?.merchantId
  const [verified, setVerified] = useState(0)
  const [done, setDone] = useState<OrderView | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const verify = useAction(async (code: string) => {
    setProblem(null)
    setDone(null)
    try {
      setDone(await call('points', 'verifyPickup', { code, merchantId }))
      setVerified((n) => n + 1)
    } catch (e) {
      setProblem(errorMessage(e))
      throw e
    }
  })
  return (
    <>
      <Section title="扫码核销">
        <QrScanner
          scanLabel="扫顾客的取货码"
          placeholder="输入6位取货码"
          codeName="取货码"
          typing
          busy={verify.running}
          problem={problem}
          onCode={(code) => void verify.run(code)}
        />
      </Section>
      {done && (
        <>
          <View className="points-pickup__done" role="status">
            ✓ 核销成功，请交付商品
          </View>
          <OrderCard order={done} />
        </>
      )}
      {merchantId && <Waiting merchantId={merchantId} reloadKey={verified} />}
    </>
  )
}

export default function PickupPage() {
  return (
    <PageShell className="points-pickup">
      <Pickup />
    </PageShell>
  )
}
