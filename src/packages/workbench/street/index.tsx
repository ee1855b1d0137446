// The street comparison for street admins: every community of the street side by side with the street
// total, sortable by any figure, for a period; a community opens its own dashboard.
import { Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useMemo, useState } from 'react'
import { PageHeader } from '@/components/PageHeader'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { useSignedIn } from '@/hooks/useMe'
import { useRemote } from '@/hooks/useRemote'
import { call } from '@/services/cloud'
import { navigate } from '@/services/navigation'
import { pageUrl } from '@/routes'
import { Chips } from '@/components/Chips'
import { periodLabel, periodOptions } from '../shared/periods'
import { streetIdOf } from '@/utils/roles'
import { StreetTable } from './StreetTable'

function Comparison() {
  const streetId = streetIdOf(useSignedIn())
  const periods = useMemo(() => periodOptions(new Date()), [])
  const [period, setPeriod] = useState(periods[0].value)
  const street = useRemote(() => call('workbench', 'streetDashboard', { streetId: streetId ?? '', period }), [streetId, period], {
    enabled: Boolean(streetId)
  })
  usePullDownRefresh(() => void street.refresh().finally(() => void Taro.stopPullDownRefresh()))
  if (!streetId) return <StateView state="empty" title="街道对比仅对街道管理员开放" fullPage />
  const d = street.data
  return (
    <>
      <PageHeader title="街道对比" subtitle={`${d?.scope.streetName ?? ''} · ${periodLabel(period)}`} />
      <Section>
        <Chips scroll label="统计周期" options={periods} value={period} onChange={setPeriod} />
      </Section>
      <Section title="各社区指标" extra={<Text className="llt-text-secondary">点表头排序；手机上左右滑动看更多</Text>}>
        {d ? (
          d.rows.length ? (
            <StreetTable
              rows={d.rows}
              total={d.total}
              onOpen={(communityId) => navigate(pageUrl('workbench', 'dashboard', { communityId, period }))}
            />
          ) : (
            <StateView state="empty" title="本街道还没有社区" />
          )
        ) : street.error ? (
          <StateView state="error" error={street.error} onRetry={() => void street.refresh()} />
        ) : (
          <StateView state="loading" />
        )}
      </Section>
      <Section>
        <Text className="llt-text-secondary">
          办结率 = 本期发布的心愿中已确认的比例；活跃志愿者和党员指本期有服务记录的人数；设施覆盖率为各类设施步行可达户数占比的平均值。
        </Text>
      </Section>
    </>
  )
}

export default function StreetPage() {
  return (
    <PageShell>
      <Comparison />
    </PageShell>
  )
}
