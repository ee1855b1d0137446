// The dashboard of one community for a period: micro-wishes (办结率, time to claim and fulfil, satisfaction),
// volunteers and points, dual registration, facility coverage — figures, bars per category, a line per
// month — and the CSV exports. Staff see their community; a street admin picks any community of the street.
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useMemo, useState } from 'react'
import type { Dashboard } from '@contract/workbench'
import { Chart } from '@/components/Chart'
import { PageHeader } from '@/components/PageHeader'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { useSignedIn } from '@/hooks/useMe'
import { useRemote } from '@/hooks/useRemote'
import { call } from '@/services/cloud'
import { Chips } from '@/components/Chips'
import { formatFigure as f } from '../shared/format'
import { monthTick, periodLabel, periodOptions } from '../shared/periods'
import { staffCommunityIds, streetIdOf } from '@/utils/roles'
import { communityChoices } from '../shared/scope'
import { Exports } from './Exports'
import { FigureGrid } from './FigureGrid'
import './index.css'

type Series = 'published' | 'confirmed' | 'hours' | 'pointsIssued'
const SERIES: Array<{ value: Series; label: string }> = [
  { value: 'published', label: '发布心愿' },
  { value: 'confirmed', label: '确认心愿' },
  { value: 'hours', label: '志愿时长' },
  { value: 'pointsIssued', label: '发放积分' }
]

const share = (v: number) => f(v, 'rate')

function Wishes({ d }: { d: Dashboard }) {
  const w = d.figures.wishes
  const [series, setSeries] = useState<Series>('published')
  return (
    <Section title="微心愿">
      <FigureGrid
        figures={[
          { label: '办结率', value: f(w.completionRate, 'rate'), hint: `${w.completed}/${w.published}个已确认` },
          { label: '满意度', value: f(w.averageRating, 'score'), hint: `${w.ratings}条评价` },
          { label: '认领用时（中位）', value: f(w.medianDaysToClaim, 'days') },
          { label: '实现用时（中位）', value: f(w.medianDaysToFulfil, 'days') },
          { label: '提交', value: f(w.posted, 'count') },
          { label: '发布', value: f(w.published, 'count') },
          { label: '认领', value: f(w.claimed, 'count') },
          { label: '实现', value: f(w.fulfilled, 'count') },
          { label: '确认', value: f(w.confirmed, 'count') }
        ]}
      />
      <Text className="wb-dash__subtitle">各类心愿（本期发布 / 已办结）</Text>
      <Chart
        kind="bars"
        title="各类心愿"
        legend={['发布', '办结']}
        data={d.wishCategories.map((c) => ({
          label: c.label,
          value: c.published,
          part: c.completed,
          note: `${c.completed}/${c.published}`
        }))}
      />
      <Text className="wb-dash__subtitle">每月趋势{d.trend.length > 6 ? '（月份）' : ''}</Text>
      <Chips scroll label="趋势指标" options={SERIES} value={series} onChange={setSeries} />
      <Chart
        kind="line"
        title={SERIES.find((s) => s.value === series)?.label}
        format={(v) => (series === 'hours' ? f(v, 'hours') : f(v, 'count'))}
        data={d.trend.map((p) => ({ label: monthTick(p.month, d.trend.length > 6), value: p[series] }))}
      />
    </Section>
  )
}

function Volunteers({ d }: { d: Dashboard }) {
  const v = d.figures.volunteers
  return (
    <Section title="志愿服务与积分">
      <FigureGrid
        figures={[
          { label: '注册志愿者', value: f(v.registered, 'count') },
          { label: '活跃志愿者', value: f(v.active, 'count') },
          { label: '服务时长', value: f(v.hours, 'hours') },
          { label: '发放积分', value: f(v.pointsIssued, 'count') },
          { label: '兑换积分', value: f(v.pointsRedeemed, 'count') },
          { label: '积分调整', value: `${f(v.adjustments, 'count')}笔 / ${f(v.pointsAdjusted, 'count')}分` },
          { label: '兑出物品', value: f(v.goodsRedeemed, 'count') }
        ]}
      />
    </Section>
  )
}

function Party({ d }: { d: Dashboard }) {
  const p = d.figures.party
  return (
    <Section title="双报到与党员">
      <FigureGrid
        figures={[
          { label: '报到党员', value: f(p.registered, 'count') },
          { label: '已通过', value: f(p.approved, 'count') },
          { label: '已续报到', value: f(p.renewed, 'count') },
          { label: '活跃党员', value: f(p.active, 'count') },
          { label: '党员服务时长', value: f(p.hours, 'hours') },
          { label: '人均积分', value: f(p.averagePoints, 'count') },
          { label: '报到单位', value: f(p.units, 'count') },
          { label: '完成需求', value: f(p.needsCompleted, 'count') }
        ]}
      />
    </Section>
  )
}

function Coverage({ d }: { d: Dashboard }) {
  const c = d.figures.coverage
  return (
    <Section title="设施覆盖率">
      <FigureGrid
        figures={[
          { label: '平均户数覆盖率', value: f(c.averageHouseholdShare, 'rate') },
          { label: '小区', value: `${c.compounds}个`, hint: `${c.households}户` },
          { label: '缺口', value: `${c.gaps}处`, hint: '小区×设施类别' }
        ]}
      />
      <Text className="wb-dash__subtitle">各类设施步行可达的户数占比</Text>
      <Chart
        kind="bars"
        title="设施覆盖率"
        max={1}
        format={share}
        data={d.coverage.map((b) => ({ label: b.name, value: b.householdShare }))}
      />
    </Section>
  )
}

function Board() {
  const me = useSignedIn()
  const params = useRouter().params as { communityId?: string; period?: string; focus?: string }
  const street = streetIdOf(me)
  const district = useRemote(() => (street ? call('user', 'communities') : Promise.resolve([])), [street])
  const choices = useMemo(() => communityChoices(me, district.data ?? []), [me, district.data])
  const periods = useMemo(() => periodOptions(new Date()), [])
  const [picked, setPicked] = useState(params.communityId ?? staffCommunityIds(me)[0] ?? '')
  const communityId = picked || choices[0]?.id || ''
  const [period, setPeriod] = useState(params.period ?? periods[0].value)
  const board = useRemote(() => call('workbench', 'dashboard', { communityId, period }), [communityId, period], {
    enabled: Boolean(communityId)
  })
  usePullDownRefresh(() => void board.refresh().finally(() => void Taro.stopPullDownRefresh()))

  if (!me.isStaff) return <StateView state="empty" title="数据看板仅对社区工作人员开放" fullPage />
  const d = board.data
  const exportsFirst = params.focus === 'export'
  const exports = d && (
    <Section title="导出报表">
      <Exports communityId={d.scope.communityId} period={d.scope.period} />
    </Section>
  )
  return (
    <>
      <PageHeader title="数据看板" subtitle={`${d?.scope.communityName ?? ''} · ${periodLabel(period)}`} />
      <Section>
        {choices.length > 1 && (
          <Chips
            scroll
            label="社区"
            options={choices.map((c) => ({ value: c.id, label: c.name }))}
            value={communityId}
            onChange={setPicked}
          />
        )}
        <Chips scroll label="统计周期" options={periods} value={period} onChange={setPeriod} />
      </Section>
      {!d ? (
        board.error ? (
          <StateView state="error" error={board.error} onRetry={() => void board.refresh()} />
        ) : (
          <StateView
            state={communityId || district.loading ? 'loading' : 'empty'}
            title={communityId || district.loading ? undefined : '没有可查看的社区'}
          />
        )
      ) : (
        <View className={`wb-dash${board.loading ? ' wb-dash--stale' : ''}`}>
          {exportsFirst && exports}
          <Wishes d={d} />
          <Volunteers d={d} />
          <Party d={d} />
          <Coverage d={d} />
          {!exportsFirst && exports}
        </View>
      )}
    </>
  )
}

export default function DashboardPage() {
  return (
    <PageShell>
      <Board />
    </PageShell>
  )
}
