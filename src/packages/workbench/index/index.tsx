// Entry of the staff workbench (subpackage "workbench"): what waits for the person as queue cards (oldest
// work first, tap to act), the dashboards and exports, and the pillars' staff pages. Staff see their
// community's queues; a merchant the pickups at their shop; a street admin goes to the street comparison.
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { ROLE_LABELS } from '@contract/enums'
import type { Me } from '@contract'
import type { QueuesResult } from '@contract/workbench'
import { STAFF_PAGES } from '@/components/DeskNav/pages'
import { workbenchTitle } from '@/utils/roles'
import { LinkList, type LinkItem } from '@/components/LinkList'
import { PageHeader } from '@/components/PageHeader'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { useSignedIn } from '@/hooks/useMe'
import { useOnReturn } from '@/hooks/useOnReturn'
import { useRemote } from '@/hooks/useRemote'
import { call } from '@/services/cloud'
import { pageUrl } from '@/routes'
import { QUEUE_LINKS } from './links'
import { QueueCard } from './QueueCard'
import './index.css'

const roleOf = (me: Me) =>
  me.roles.some((r) => r.role === 'staff') ? 'staff' : me.roles.some((r) => r.role === 'streetAdmin') ? 'streetAdmin' : 'merchant'

/** The answer, if it has the expected shape (a stale or foreign answer shows as an error, never a crash). */
const queuesOf = (data: unknown) => (data && Array.isArray((data as QueuesResult).queues) ? (data as QueuesResult) : null)

function Queues({ merchant }: { merchant: boolean }) {
  const remote = useRemote(() => call('workbench', 'queues', {}))
  // Back from acting on an item: the counts have changed.
  useOnReturn(() => void remote.refresh())
  usePullDownRefresh(() => void remote.refresh().finally(() => void Taro.stopPullDownRefresh()))
  const answer = queuesOf(remote.data)
  if (!answer) {
    if (remote.loading) return <StateView state="loading" />
    return <StateView state="error" error={remote.error} onRetry={() => void remote.refresh()} />
  }
  if (!answer.queues.length) return <StateView state="empty" title="暂无需要您处理的事项" />
  const now = new Date(answer.asOf)
  const waiting = answer.queues.reduce((n, q) => n + q.count, 0)
  return (
    <View className="wb-queues">
      <Text className="llt-text-secondary">{waiting ? `共${waiting}项待办，等待最久的排在最前` : '所有事项都已处理完'}</Text>
      {answer.queues.map((q) => (
        <QueueCard key={q.kind} queue={q} now={now} url={merchant && q.kind !== 'pickups' ? undefined : QUEUE_LINKS[q.kind]} />
      ))}
    </View>
  )
}

function Workbench() {
  const me = useSignedIn()
  const role = roleOf(me)
  const merchant = me.roles.some((r) => r.role === 'merchant')
  if (!me.isStaff && !merchant) return <StateView state="empty" title="工作台仅对社区工作人员开放" fullPage />
  const street = me.roles.find((r) => r.role === 'streetAdmin')?.streetId
  const staff = me.roles.some((r) => r.role === 'staff')
  const data = [
    me.isStaff && {
      title: '数据看板',
      description: '心愿办结率、志愿时长和积分、报到党员、设施覆盖率',
      url: pageUrl('workbench', 'dashboard')
    },
    Boolean(street) && { title: '街道对比', description: '各社区数据并列比较，可按任一指标排序', url: pageUrl('workbench', 'street') },
    me.isStaff && {
      title: '导出报表',
      description: '在数据看板底部导出表格（Excel、WPS 可直接打开）',
      url: pageUrl('workbench', 'dashboard', { focus: 'export' })
    }
  ].filter(Boolean) as LinkItem[]
  return (
    <>
      <PageHeader
        title={workbenchTitle(me)}
        subtitle={`${ROLE_LABELS[role]} · ${(role === 'streetAdmin' ? me.streetName : me.communityName) ?? '本街道'}`}
      />
      {staff || merchant ? (
        <Section title="待办审核">
          <Queues merchant={!staff} />
        </Section>
      ) : (
        <Section>
          <Text className="llt-text-secondary">在“街道对比”中查看各社区的办结率、志愿时长和报到情况，点社区名看它的数据看板。</Text>
        </Section>
      )}
      {data.length > 0 && (
        <Section title="数据与报表">
          <LinkList items={data} />
        </Section>
      )}
      {staff && (
        <Section title="工作台">
          <LinkList items={STAFF_PAGES} />
        </Section>
      )}
      <Section>
        <Text className="llt-text-secondary">您的每一次审核和更正都会留下记录。</Text>
      </Section>
    </>
  )
}

export default function WorkbenchEntryPage() {
  return (
    <PageShell>
      <Workbench />
    </PageShell>
  )
}
