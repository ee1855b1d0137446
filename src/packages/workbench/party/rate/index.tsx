// 党员考评: every approved member of the community with the year's points, hours, wishes and needs;
// staff give the rating (优秀/合格/基本合格/不合格) — above 合格 only for members who renewed — and export.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { RATINGS, RATING_LABELS, type Rating } from '@contract/enums'
import type { AssessmentRulesView, ReportRow } from '@contract/schemas/party'
import { BigButton } from '@/components/BigButton'
import { PagedList } from '@/components/PagedList'
import { PageShell } from '@/components/PageShell'
import { Table, type TableColumn } from '@/components/Table'
import { Section } from '@/components/Section'
import { useAction } from '@/hooks/useAction'
import { useDeskWidth } from '@/hooks/useDeskWidth'
import { usePaged } from '@/hooks/usePaged'
import { call } from '@/services/cloud'
import { Chips } from '@/components/Chips'
import { ReportRowCard } from '../../../party/components/ReportRowCard'
import { YearPicker } from '../../../party/components/YearPicker'
import { currentYear } from '../../../party/shared/period'
import { useCsvExport } from '../../../party/shared/useCsvExport'
import { StaffOnly } from '../StaffOnly'
import './index.css'

/** The rating choices for a row: 优秀 is offered only when the member may get it. */
export const ratingOptions = (row: Pick<ReportRow, 'maxRating'>) =>
  RATINGS.map((r) => ({ value: r, label: RATING_LABELS[r], disabled: RATINGS.indexOf(r) < RATINGS.indexOf(row.maxRating) }))

/** The warning before rating a member who has not reached the pass mark 优秀, or null when none is due. */
export function ratingWarning(row: Pick<ReportRow, 'name' | 'points' | 'passed'>, rating: Rating, passMark?: number): string | null {
  if (rating !== 'excellent' || row.passed) return null
  const mark = passMark === undefined ? '' : `（达标需${passMark}分）`
  return `${row.name}今年考评积分${row.points}分，还未达标${mark}。确定评为“优秀”吗？`
}

/** The rating chips of one member, warning before 优秀 for a member below the pass mark. */
function RateChips({ row, period, rules, onRated }: { row: ReportRow; period: string; rules?: AssessmentRulesView; onRated: () => void }) {
  const rate = useAction(async (rating: Rating) => {
    const warning = ratingWarning(row, rating, rules?.passMark)
    if (warning) {
      const { confirm } = await Taro.showModal({ title: '该党员未达标', content: warning, confirmText: '仍评优秀', cancelText: '再看看' })
      if (!confirm) return undefined
    }
    const answer = await call('party', 'rate', { registrationId: row.registrationId, period, rating })
    onRated()
    return answer
  })
  return (
    <>
      <Chips label={`${row.name}的评定`} options={ratingOptions(row)} value={row.rating} onChange={(r) => void rate.run(r)} />
      {row.maxRating !== 'excellent' && <Text className="llt-text-secondary">未按期续报到，最高评定为“合格”</Text>}
    </>
  )
}

type RateProps = { period: string; rules?: AssessmentRulesView; onRated: () => void }

/** At PC width: the members as a table, sorted by points, filtered by name or unit; the chips last. */
function RateTable({ rows, ...rating }: RateProps & { rows: ReportRow[] }) {
  const columns: Array<TableColumn<ReportRow>> = [
    {
      key: 'name',
      title: '姓名',
      value: (r) => r.name,
      render: (r) => (
        <View className="wb-rate__cell">
          <Text>{r.name}</Text>
          <Text className="llt-text-secondary">{r.phone}</Text>
        </View>
      )
    },
    {
      key: 'unit',
      title: '单位',
      value: (r) => r.workUnit,
      render: (r) => (
        <View className="wb-rate__cell">
          <Text>{r.workUnit}</Text>
          <Text className="llt-text-secondary">{r.branch}</Text>
        </View>
      )
    },
    { key: 'points', title: '积分', value: (r) => r.points, firstOrder: 'desc' },
    { key: 'passed', title: '达标', value: (r) => (r.passed ? '达标' : '未达标') },
    { key: 'rating', title: '评定', value: (r) => r.ratingLabel },
    {
      key: 'actions',
      title: '操作',
      fixed: true,
      grow: 2.5,
      value: () => null,
      render: (r) => (
        <View className="wb-rate__cell">
          <RateChips row={r} {...rating} />
        </View>
      )
    }
  ]
  return (
    <Table
      columns={columns}
      rows={rows}
      rowKey={(r) => r.registrationId}
      initialSort={{ key: 'points', order: 'desc' }}
      filter={{ placeholder: '输入姓名或单位筛选', text: (r) => `${r.name} ${r.workUnit} ${r.branch}` }}
    />
  )
}

function RateList({ communityId }: { communityId: string }) {
  const [period, setPeriod] = useState(currentYear())
  const [rules, setRules] = useState<AssessmentRulesView | undefined>(undefined)
  const rows = usePaged(
    async (cursor) => {
      const report = await call('party', 'communityReport', { communityId, period, cursor, limit: 20 })
      setRules(report.rules)
      return { items: report.rows, nextCursor: report.nextCursor }
    },
    [communityId, period]
  )
  const exportCsv = useCsvExport({ communityId }, period)
  const desk = useDeskWidth()
  const rating: RateProps = { period, rules, onRated: () => void rows.refresh() }
  return (
    <>
      <Section title="考评年度">
        <YearPicker value={period} onChange={setPeriod} />
        <View className="llt-actions">
          <BigButton type="default" loading={exportCsv.running} onClick={() => void exportCsv.run()}>
            导出表格
          </BigButton>
        </View>
      </Section>
      <PagedList
        paged={rows}
        itemKey={(r) => r.registrationId}
        emptyTitle="还没有通过审核的报到党员"
        renderItem={(r) => (
          <ReportRowCard row={r}>
            <RateChips row={r} {...rating} />
          </ReportRowCard>
        )}
        renderAll={desk ? (items) => <RateTable rows={items} {...rating} /> : undefined}
      />
    </>
  )
}

export default function RatePage() {
  return (
    <PageShell>
      <StaffOnly>{(communityId) => <RateList communityId={communityId} />}</StaffOnly>
    </PageShell>
  )
}
