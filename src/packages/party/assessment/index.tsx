// 我的党员积分: the year's totals against the community's rules, the rating, and every entry with its
// reason and source (registration, wishes, needs, volunteer hours).
import { Text, View } from '@tarojs/components'
import { usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import type { AssessmentEntry } from '@contract/schemas/party'
import { PagedList } from '@/components/PagedList'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { usePaged } from '@/hooks/usePaged'
import { useRemote } from '@/hooks/useRemote'
import { call } from '@/services/cloud'
import { formatDateTime } from '@/utils/date'
import { Totals } from '../components/Totals'
import { YearPicker } from '../components/YearPicker'
import { currentYear } from '../shared/period'
import './index.css'

function EntryRow({ entry }: { entry: AssessmentEntry }) {
  return (
    <View className="party-entry">
      <View className="party-entry__text">
        <Text className="party-entry__reason">{entry.reason}</Text>
        <Text className="llt-text-secondary">
          {entry.sourceLabel} · {formatDateTime(entry.at)}
          {entry.hours ? ` · ${entry.hours}小时` : ''}
        </Text>
      </View>
      <Text className="party-entry__points">+{entry.points}</Text>
    </View>
  )
}

function AssessmentView() {
  const [period, setPeriod] = useState(currentYear())
  const summary = useRemote(() => call('party', 'assessment', { period, limit: 1 }), [period])
  const entries = usePaged(async (cursor) => (await call('party', 'assessment', { period, cursor, limit: 20 })).entries, [period])
  // The list refreshes itself on pull-down; the totals come along.
  usePullDownRefresh(() => void summary.refresh())
  return (
    <>
      <Section title="考评年度">
        <YearPicker value={period} onChange={setPeriod} />
      </Section>
      <Section title={summary.data ? `${summary.data.name} · ${summary.data.communityName}` : '积分汇总'}>
        {summary.data ? (
          <Totals assessment={summary.data} />
        ) : (
          <StateView state={summary.error ? 'error' : 'loading'} error={summary.error} onRetry={() => void summary.refresh()} />
        )}
      </Section>
      <Section title="积分明细">
        <Text className="llt-text-secondary">每一笔积分都记有来源和原因</Text>
      </Section>
      <PagedList paged={entries} itemKey={(e) => e.id} emptyTitle="这一年还没有积分记录" renderItem={(e) => <EntryRow entry={e} />} />
    </>
  )
}

export default function AssessmentPage() {
  return (
    <PageShell>
      <AssessmentView />
    </PageShell>
  )
}
