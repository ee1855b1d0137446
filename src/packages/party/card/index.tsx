// 党员证 (亮身份、亮承诺): the member's own card, or a member's (?memberId=…, a registration id) for their community's staff
// (full name) or unit admins (masked name).
import { Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { useRemote } from '@/hooks/useRemote'
import { call } from '@/services/cloud'
import { PartyCard } from '../components/PartyCard'

function CardView() {
  const { params } = useRouter()
  const memberId = typeof params.memberId === 'string' && params.memberId ? params.memberId : undefined
  const card = useRemote(() => call('party', 'memberCard', memberId ? { memberId } : {}), [memberId])
  if (!card.data)
    return <StateView state={card.error ? 'error' : 'loading'} error={card.error} onRetry={() => void card.refresh()} fullPage />
  const c = card.data
  return (
    <>
      <Section>
        <PartyCard
          displayName={c.displayName}
          branch={c.branch}
          pledge={c.pledge}
          workUnit={c.workUnit}
          communityName={c.communityName}
          gridName={c.gridName}
          note={c.renewedThisHalf ? '本半年度已续报到' : c.isSelf ? '本半年度尚未续报到' : undefined}
        />
      </Section>
      {c.isSelf && (
        <Section>
          <Text className="llt-text-secondary">您认领的心愿和需求旁会显示党员标识和您的承诺，接受群众监督。</Text>
        </Section>
      )}
    </>
  )
}

export default function CardPage() {
  return (
    <PageShell>
      <CardView />
    </PageShell>
  )
}
