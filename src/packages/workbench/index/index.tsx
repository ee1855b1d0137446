// Entry of the staff workbench (subpackage "workbench"): the staff member's scope and the sections.
import { Text } from '@tarojs/components'
import { ROLE_LABELS } from '@contract/enums'
import { LinkList } from '@/components/LinkList'
import { PageHeader } from '@/components/PageHeader'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { useSignedIn } from '@/hooks/useMe'
import { pageUrl } from '@/routes'

const SECTIONS = [
  { title: '心愿审核', description: '审核居民心愿，代录和确认困难群众的心愿，查看办结率', url: pageUrl('workbench', 'wish') },
  { title: '双报到审核', description: '审核党员和单位报到，分配网格', url: pageUrl('workbench', 'partyReview') },
  { title: '需求清单', description: '发布社区需求，确认党员和单位的完成情况', url: pageUrl('workbench', 'partyNeeds') },
  { title: '党员考评', description: '党员积分、年度评定和考评报表', url: pageUrl('workbench', 'partyRate') },
  { title: '共建项目', description: '与报到单位商定的项目清单', url: pageUrl('workbench', 'partyProjects') },
  { title: '待办审核', description: '心愿、报到、商家申请、待核销的兑换' },
  { title: '活动管理', description: '发布活动，现场出示签到码，更正服务时长' },
  { title: '设施管理', description: '新增、修改、关闭设施，批量导入', url: pageUrl('workbench', 'facilities') },
  { title: '设施覆盖率', description: '各类设施步行可达的小区和户数占比，缺口清单', url: pageUrl('workbench', 'coverage') },
  { title: '数据看板', description: '心愿办结率、志愿时长、积分、报到和设施覆盖率' },
  { title: '导出报表', description: '导出 CSV 报表' }
]

function Workbench() {
  const me = useSignedIn()
  if (!me.isStaff) return <StateView state='empty' title='工作台仅对社区工作人员开放' fullPage />
  const role = me.roles.some((r) => r.role === 'streetAdmin') ? 'streetAdmin' : 'staff'
  return (
    <>
      <PageHeader title='社区工作台' subtitle={`${ROLE_LABELS[role]} · ${me.communityName ?? '本街道'}`} />
      <Section title='工作台'>
        <LinkList items={SECTIONS} />
      </Section>
      <Section>
        <Text className='llt-text-secondary'>您的每一次审核和更正都会留下记录。</Text>
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
