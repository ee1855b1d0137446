// 单位管理: the units I registered or administer — status and reasons, resources, co-building projects,
// and the way to the unit's members and its assessment report. Without a unit: how to register one.
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { PROJECT_STATUS_LABELS, type Unit } from '@contract/schemas/party'
import { BigButton } from '@/components/BigButton'
import { LinkList } from '@/components/LinkList'
import { PageHeader } from '@/components/PageHeader'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { useSignedIn } from '@/hooks/useMe'
import { useRemote } from '@/hooks/useRemote'
import { pageUrl } from '@/routes'
import { call } from '@/services/cloud'
import { navigate } from '@/services/navigation'
import { ResourceList } from '../components/ResourceList'
import { StatusTag } from '../components/StatusTag'
import { Timeline } from '../components/Timeline'
import { adminUnitIdsOf } from '@/utils/roles'
import './index.css'

function Projects({ unitId }: { unitId: string }) {
  const projects = useRemote(() => call('party', 'listProjects', { unitId, limit: 20 }), [unitId])
  const items = projects.data?.items ?? []
  if (!items.length)
    return <Text className="llt-text-secondary">{projects.loading ? '正在加载…' : '还没有共建项目，可与社区商定后由社区登记'}</Text>
  return (
    <View className="llt-actions">
      {items.map((p) => (
        <View key={p.id} className="party-unit__lines">
          <Text>
            {p.title}（{PROJECT_STATUS_LABELS[p.status]}）
          </Text>
          <Text className="llt-text-secondary">{p.content}</Text>
        </View>
      ))}
    </View>
  )
}

function UnitCard({ unit, admin }: { unit: Unit; admin: boolean }) {
  const q = { unitId: unit.id }
  return (
    <>
      <Section title={unit.name} extra={<StatusTag status={unit.status} />}>
        <View className="party-unit__lines">
          <Text>{unit.org}</Text>
          <Text className="llt-text-secondary">
            报到社区：{unit.communityName} · 联系人：{unit.contactName} {unit.contactPhone}
          </Text>
          {unit.reason && <Text>驳回原因：{unit.reason}</Text>}
        </View>
        {unit.status === 'rejected' && (
          <View className="llt-actions">
            <BigButton onClick={() => navigate(pageUrl('party', 'unitRegister', q))}>修改后重新提交</BigButton>
          </View>
        )}
        <LinkList
          items={[
            unit.status !== 'rejected' && {
              title: '资源清单',
              description: `${unit.resources.length}项资源`,
              url: pageUrl('party', 'unitResources', q)
            },
            admin && { title: '报到党员', description: '本单位在社区报到的党员', url: pageUrl('party', 'unitMembers', q) },
            admin && { title: '双重考评反馈', description: '党员的服务时长、积分和评定，可导出', url: pageUrl('party', 'unitReport', q) }
          ]}
        />
      </Section>
      {unit.status !== 'rejected' && (
        <Section title="资源清单">
          <ResourceList resources={unit.resources} />
        </Section>
      )}
      {unit.status === 'approved' && (
        <Section title="共建项目">
          <Projects unitId={unit.id} />
        </Section>
      )}
      <Section title="办理记录">
        <Timeline entries={unit.timeline} />
      </Section>
    </>
  )
}

function UnitHome() {
  const me = useSignedIn()
  const units = useRemote(() => call('party', 'myUnit'), [])
  usePullDownRefresh(() => void units.refresh().finally(() => void Taro.stopPullDownRefresh()))
  const granted = adminUnitIdsOf(me)
  if (!units.data)
    return <StateView state={units.error ? 'error' : 'loading'} error={units.error} onRetry={() => void units.refresh()} fullPage />
  return (
    <>
      <PageHeader title="单位报到" subtitle="单位党组织到社区报到，提供资源、共建项目，接收党员考评反馈" />
      {units.data.length === 0 && (
        <Section>
          <StateView state="empty" title="还没有单位报到" description="单位党组织管理员可以在这里为本单位报到" />
        </Section>
      )}
      {units.data.map((u) => (
        <UnitCard key={u.id} unit={u} admin={granted.includes(u.id)} />
      ))}
      <View className="llt-actions party-unit__new">
        <BigButton type={units.data.length ? 'default' : 'primary'} onClick={() => navigate(pageUrl('party', 'unitRegister'))}>
          登记单位报到
        </BigButton>
      </View>
    </>
  )
}

export default function UnitPage() {
  return (
    <PageShell>
      <UnitHome />
    </PageShell>
  )
}
