// 随手拍办理 (workbench): the queues of reports waiting for the person — 待签收, 已超期 (overdue first in every
// queue), 吹哨给我的, 待确认 … — scoped by the server to their grids (grid worker), community (staff), street
// (street admin) or department (handler, who also gets the department's own queue of whistles). Tap a
// report to act on it.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { Role } from '@contract/enums'
import { REPORT_QUEUE_LABELS, WHISTLE_STATUS_LABELS, WHISTLE_URGENCY_LABELS, type ReportQueue } from '@contract/schemas/report.labels'
import type { Me } from '@contract'
import type { StaffReport, WhistleView } from '@contract/schemas/report'
import { BigButton } from '@/components/BigButton'
import { Chips, type Chip } from '@/components/Chips'
import { PageHeader } from '@/components/PageHeader'
import { PagedList } from '@/components/PagedList'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { Table, type TableColumn } from '@/components/Table'
import { StateView } from '@/components/StateView'
import { useDeskWidth } from '@/hooks/useDeskWidth'
import { useSignedIn } from '@/hooks/useMe'
import { usePaged } from '@/hooks/usePaged'
import { pageUrl } from '@/routes'
import { call } from '@/services/cloud'
import { formatDateTime } from '@/utils/date'
import { ReportItem } from '../../report/components/ReportItem'
import { deadlineLine, statusLabel } from '../../report/format'
import { openPostForm, openReport } from '../../report/navigation'
import './index.css'

type Tab = ReportQueue | 'department'

const has = (me: Me, role: Role) => me.roles.some((r) => r.role === role)

/** The queues each role works from, most urgent first. */
export function tabsFor(me: Me): Tab[] {
  const tabs = new Set<Tab>()
  if (has(me, 'deptHandler')) ['department', 'whistled', 'overdue'].forEach((t) => tabs.add(t as Tab))
  if (has(me, 'gridWorker') || has(me, 'staff')) {
    ;['toSign', 'overdue', 'inProgress', 'awaitingConfirm'].forEach((t) => tabs.add(t as Tab))
  }
  if (has(me, 'staff')) ['disputed', 'whistled'].forEach((t) => tabs.add(t as Tab))
  if (has(me, 'streetAdmin')) ['whistled', 'overdue'].forEach((t) => tabs.add(t as Tab))
  if (tabs.size) tabs.add('all')
  return [...tabs]
}

const tabLabel = (t: Tab) => (t === 'department' ? '本部门' : t === 'whistled' ? '吹哨给我的' : REPORT_QUEUE_LABELS[t])

function StaffReportItem({ r }: { r: StaffReport }) {
  const due = deadlineLine(r.status, r.deadlines)
  return (
    <ReportItem report={r} onOpen={() => openReport(r)}>
      {due && <Text className={r.deadlines.overdue ? 'wb-report__late' : 'wb-report__due'}>{due}</Text>}
      {r.openWhistle && (
        <Text className={r.openWhistle.late ? 'wb-report__late' : 'wb-report__due'}>
          {`已吹哨给${r.openWhistle.targetName} · ${WHISTLE_STATUS_LABELS[r.openWhistle.status]}${r.openWhistle.late ? '（超时）' : ''}`}
        </Text>
      )}
      {r.visibility === 'private' && <Text className="wb-report__due">不公开</Text>}
    </ReportItem>
  )
}

function WhistleItem({ w }: { w: WhistleView }) {
  return (
    <View className="llt-card llt-card--raised wb-whistle" hoverClass="llt-card--pressed" onClick={() => openReport({ id: w.reportId })}>
      <View className="llt-card__head">
        <Text className="llt-card__title">{w.report?.categoryName ?? '问题'}</Text>
        <Text className={`wb-whistle__status wb-whistle__status--${w.status}`}>{WHISTLE_STATUS_LABELS[w.status]}</Text>
      </View>
      {w.report && <Text className="wb-whistle__text">{w.report.description}</Text>}
      <Text className="llt-card__line">{`${WHISTLE_URGENCY_LABELS[w.urgency]} · ${w.reason}`}</Text>
      <Text className={w.late ? 'wb-report__late' : 'wb-report__due'}>
        {w.reportedInAt
          ? `${formatDateTime(w.reportedInAt)} 已报到`
          : `须在 ${formatDateTime(w.reportInDeadline)} 前报到${w.late ? '，已超时' : ''}`}
      </Text>
      {w.report && <Text className="llt-card__line">{[w.report.place, w.report.communityName].filter(Boolean).join(' · ')}</Text>}
    </View>
  )
}

function DepartmentQueue({ departmentId }: { departmentId: string | undefined }) {
  const paged = usePaged((cursor) => call('report', 'whistles', { departmentId, cursor, limit: 10 }), [departmentId])
  return (
    <PagedList
      paged={paged}
      itemKey={(w) => w.id}
      renderItem={(w) => <WhistleItem w={w} />}
      emptyTitle="本部门暂无吹哨"
      emptyDescription="社区吹哨后会出现在这里，请在时限内报到"
    />
  )
}

/** The deadline that matters now, for sorting: 签收 while waiting to be signed for, else 办结. */
const dueOf = (r: StaffReport): number | null => {
  const due = r.status === 'submitted' ? r.deadlines.accept : r.deadlines.resolve
  return due ? Date.parse(due) : null
}

/** At PC width: the queue as a table, the earliest deadline (so the overdue) first; a row opens the report. */
function ReportTable({ rows }: { rows: StaffReport[] }) {
  const columns: Array<TableColumn<StaffReport>> = [
    { key: 'category', title: '类别', value: (r) => r.categoryName },
    { key: 'description', title: '描述', grow: 2, value: (r) => r.description },
    { key: 'place', title: '位置', value: (r) => [r.communityName, r.place].filter(Boolean).join(' · ') },
    { key: 'status', title: '状态', value: (r) => `${statusLabel(r.status)}${r.overdue ? ' · 超期' : ''}` },
    { key: 'due', title: '时限', value: dueOf, render: (r) => deadlineLine(r.status, r.deadlines) ?? '—' },
    {
      key: 'whistle',
      title: '吹哨',
      value: (r) => (r.openWhistle ? `${r.openWhistle.targetName} · ${WHISTLE_STATUS_LABELS[r.openWhistle.status]}` : null)
    }
  ]
  return (
    <Table
      columns={columns}
      rows={rows}
      rowKey={(r) => r.id}
      initialSort={{ key: 'due', order: 'asc' }}
      filter={{
        placeholder: '输入类别、描述或位置筛选',
        text: (r) => `${r.categoryName} ${r.description} ${r.place ?? ''} ${r.communityName}`
      }}
      onOpen={openReport}
    />
  )
}

function ReportQueueList({ queue }: { queue: ReportQueue }) {
  const desk = useDeskWidth()
  const paged = usePaged((cursor) => call('report', 'queue', { queue, cursor, limit: 10 }), [queue])
  return (
    <PagedList
      paged={paged}
      itemKey={(r) => r.id}
      renderItem={(r) => <StaffReportItem r={r} />}
      renderAll={desk ? (rows) => <ReportTable rows={rows} /> : undefined}
      emptyTitle={`没有${tabLabel(queue)}的问题`}
      emptyDescription={queue === 'toSign' ? '新的随手拍会出现在这里，请在时限内签收' : undefined}
    />
  )
}

function Reports() {
  const me = useSignedIn()
  const tabs = tabsFor(me)
  const [tab, setTab] = useState<Tab | null>(tabs[0] ?? null)
  if (!tab) return <StateView state="empty" title="随手拍办理仅对网格员、社区工作人员和部门开放" fullPage />
  const gridWorker = has(me, 'gridWorker')
  const departmentId = me.roles.find((r) => r.role === 'deptHandler')?.departmentId
  const options: Chip<Tab>[] = tabs.map((t) => ({ value: t, label: tabLabel(t) }))
  return (
    <View className="wb-report">
      <PageHeader title="随手拍办理" subtitle="超期的排在最前，请优先处理" />
      <Section>
        <Chips scroll label="队列" options={options} value={tab} onChange={setTab} />
        {gridWorker && (
          <View className="wb-report__tools">
            <BigButton size="normal" onClick={() => void Taro.navigateTo({ url: pageUrl('workbench', 'patrol') })}>
              巡查
            </BigButton>
            <BigButton size="normal" fill="outline" onClick={() => openPostForm()}>
              随手拍
            </BigButton>
          </View>
        )}
      </Section>
      {tab === 'department' ? <DepartmentQueue departmentId={departmentId} /> : <ReportQueueList key={tab} queue={tab} />}
    </View>
  )
}

export default function WorkbenchReportsPage() {
  return (
    <PageShell>
      <Reports />
    </PageShell>
  )
}
