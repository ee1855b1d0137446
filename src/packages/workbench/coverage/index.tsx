// Coverage analysis (配建比/覆盖率) for staff and street admins: per category the share of compounds and
// households within the category's walk, as a table with bars, and the gap list — where the next canteen
// or day-care centre should go.
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import { BigButton } from '@/components/BigButton'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { useRemote } from '@/hooks/useRemote'
import { call } from '@/services/cloud'
import { formatDateTime } from '@/utils/date'
import { ScopeTabs } from '../facilities/ScopeTabs'
import type { StaffScope } from '../facilities/scopes'
import { useStaffScopes } from '../facilities/useStaffScopes'
import { CoverageChart } from './CoverageChart'
import { CoverageMap } from './CoverageMap'
import { GapList } from './GapList'
import { gapsFor, rowsFor, totals } from './view'
import './index.css'

function Report({ scope }: { scope: StaffScope }) {
  const report = useRemote(
    () => call('lifeCircle', 'coverage', scope.kind === 'street' ? { streetId: scope.id } : { communityId: scope.id }),
    [scope.kind, scope.id]
  )
  const [communityId, setCommunityId] = useState<string | null>(null)
  usePullDownRefresh(() => void report.refresh().finally(() => void Taro.stopPullDownRefresh()))

  if (report.error) return <StateView state='error' error={report.error} onRetry={() => void report.refresh()} />
  if (!report.data) return <StateView state='loading' title='正在计算覆盖率…' />
  const data = report.data
  const rows = rowsFor(data, communityId)
  const { compounds, households } = totals(rows)
  const isStreet = data.scope.kind === 'street'

  return (
    <View>
      <Section title={data.scope.name}>
        <Text className='wb-report__facts'>
          {compounds}个小区 · {households}户 · 计入{data.facilitiesConsidered}个开放设施
        </Text>
        <Text className='llt-text-secondary'>
          与居民看到的步行规则相同：直线距离×{data.walk.detourFactor}（绕行系数）÷ 每分钟{data.walk.speedMetersPerMinute}米。统计于
          {formatDateTime(data.generatedAt)}。
        </Text>
        {isStreet && (
          <View className='wb-report__communities'>
            {[{ id: null as string | null, name: '全街道' }, ...data.communities].map((c) => (
              <Text
                key={c.id ?? 'all'}
                className={`wb-report__community${c.id === communityId ? ' wb-report__community--active' : ''}`}
                onClick={() => setCommunityId(c.id)}
              >
                {c.name}
              </Text>
            ))}
          </View>
        )}
      </Section>
      <Section title='各类设施覆盖率'>
        <CoverageChart rows={rows} categories={data.categories} />
      </Section>
      <Section title='缺口分布图'>
        <CoverageMap
          key={communityId ?? 'all'}
          compounds={data.compounds.filter((c) => !communityId || c.communityId === communityId)}
          categories={data.categories}
          communityNames={isStreet ? new Map(data.communities.map((c) => [c.id, c.name])) : undefined}
        />
      </Section>
      <Section title='缺口清单'>
        <GapList gaps={gapsFor(data, communityId)} categories={data.categories} showCommunity={isStreet && !communityId} />
      </Section>
      <View className='wb-report__actions'>
        <BigButton block fill='outline' onClick={() => void report.refresh()}>
          重新计算
        </BigButton>
      </View>
    </View>
  )
}

function Coverage() {
  const { scopes, current, select } = useStaffScopes()
  if (!current) return <StateView state='empty' title='覆盖率分析仅对社区工作人员和街道管理员开放' fullPage />
  return (
    <View>
      <ScopeTabs scopes={scopes} current={current} onSelect={select} />
      <Report key={`${current.kind}:${current.id}`} scope={current} />
    </View>
  )
}

export default function CoveragePage() {
  return (
    <PageShell>
      <Coverage />
    </PageShell>
  )
}
