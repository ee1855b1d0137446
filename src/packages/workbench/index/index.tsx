// Entry of the staff workbench (subpackage "workbench"): what waits for the person as queue cards (oldest
// work first, tap to act), the dashboards and exports, and the pillars' staff pages. Staff see their
// community's queues; a merchant the pickups at their shop; a street admin goes to the street comparison.
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { ROLE_LABELS } from '@contract/enums'
import type { Me } from '@contract'
import type { QueuesResult } from '@contract/workbench'
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

const PILLAR_PAGES: LinkItem[] = [
  { title: '心愿审核', description: '审核居民心愿，代录和确认困难群众的心愿', url: pageUrl('workbench', 'wish') },
  { title: '联系方式查看记录', description: '谁在何时查看了受助人的联系方式', url: pageUrl('workbench', 'wishContactViews') },
  { title: '志愿者注册审核', description: '核实新登记的志愿者，通过后才能认领心愿', url: pageUrl('workbench', 'volunteerReview') },
  { title: '双报到审核', description: '审核党员和单位报到，分配网格', url: pageUrl('workbench', 'partyReview') },
  { title: '需求清单', description: '发布社区需求，确认党员和单位的完成情况', url: pageUrl('workbench', 'partyNeeds') },
  { title: '党员考评', description: '党员积分、年度评定和考评报表', url: pageUrl('workbench', 'partyRate') },
  { title: '共建项目', description: '与报到单位商定的项目清单', url: pageUrl('workbench', 'partyProjects') },
  { title: '活动管理', description: '发布活动，现场出示签到码，更正服务时长', url: pageUrl('workbench', 'activities') },
  { title: '商家审核', description: '审核爱心商家的入驻申请', url: pageUrl('workbench', 'merchantReview') },
  { title: '设施管理', description: '新增、修改、关闭设施，批量导入', url: pageUrl('workbench', 'facilities') },
  { title: '设施覆盖率', description: '各类设施步行可达的小区和户数占比，缺口清单', url: pageUrl('workbench', 'coverage') }
]

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
        title="社区工作台"
        subtitle={`${ROLE_LABELS[role]} · ${(role === 'streetAdmin' ? me.streetName : me.communityName) ?? '本街道'}`}
      />
      <Section title="待办审核">
        {staff || merchant ? (
          <Queues merchant={!staff} />
        ) : (
          <Text className="llt-text-secondary">街道管理员请在“街道对比”中查看各社区的办结率、志愿时长和报到情况。</Text>
        )}
      </Section>
      {data.length > 0 && (
        <Section title="数据与报表">
          <LinkList items={data} />
        </Section>
      )}
      {staff && (
        <Section title="工作台">
          <LinkList items={PILLAR_PAGES} />
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
