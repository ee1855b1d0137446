// 我的随手拍: what I reported (with what waits for me: 待补充, confirm and rate) and what I follow (我也遇到),
// paged with pull-down refresh; above them, what waits on the phone to be sent (待发送).
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { MyReport } from '@contract/schemas/report'
import { BigButton } from '@/components/BigButton'
import { Chips, type Chip } from '@/components/Chips'
import { PagedList } from '@/components/PagedList'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { usePaged } from '@/hooks/usePaged'
import { call } from '@/services/cloud'
import { OutboxList } from '../components/OutboxList'
import { ReportItem } from '../components/ReportItem'
import { deadlineLine } from '../format'
import { openPostForm, openReport } from '../navigation'
import { useOutbox } from '../outbox'
import './index.css'

type As = 'reporter' | 'follower'

const TABS: Chip<As>[] = [
  { value: 'reporter', label: '我反映的' },
  { value: 'follower', label: '我关注的' }
]

const TODO: Record<NonNullable<MyReport['todo']>, string> = {
  supply: '待您补充：社区需要更多信息',
  confirm: '待您确认：问题解决了吗？请评价'
}

function MyReports() {
  const [as, setAs] = useState<As>('reporter')
  const outbox = useOutbox()
  const paged = usePaged((cursor) => call('report', 'mine', { as, cursor, limit: 10 }), [as])
  const now = new Date()
  return (
    <View className="report-mine">
      <Section>
        <View className="report-mine__top">
          <Chips label="我的随手拍" options={TABS} value={as} onChange={setAs} />
          <BigButton size="normal" onClick={() => openPostForm()}>
            随手拍
          </BigButton>
        </View>
      </Section>
      <OutboxList outbox={outbox} />
      <PagedList
        paged={paged}
        itemKey={(r) => r.id}
        renderItem={(r) => (
          <ReportItem report={r} onOpen={openReport}>
            {r.todo && <Text className="report-mine__todo">{TODO[r.todo]}</Text>}
            {deadlineLine(r.status, r.deadlines, now) && (
              <Text className="report-mine__due">{deadlineLine(r.status, r.deadlines, now)}</Text>
            )}
          </ReportItem>
        )}
        emptyTitle={as === 'reporter' ? '您还没有反映过问题' : '您还没有关注的问题'}
        emptyDescription={
          as === 'reporter' ? '看到消防通道堵塞、路灯不亮、垃圾堆放，拍一张照片告诉社区' : '在附近的问题上点“我也遇到”，就能在这里看到进展'
        }
        emptyAction={
          as === 'reporter' ? (
            <BigButton className="report-mine__post" onClick={() => openPostForm()}>
              随手拍
            </BigButton>
          ) : undefined
        }
      />
    </View>
  )
}

export default function MyReportsPage() {
  return (
    <PageShell>
      <MyReports />
    </PageShell>
  )
}
