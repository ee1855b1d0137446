// 双重考评反馈: the community's assessment of the unit's members for a year — hours, wishes, needs,
// points and rating — and the same as a CSV file.
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { BigButton } from '@/components/BigButton'
import { PagedList } from '@/components/PagedList'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { usePaged } from '@/hooks/usePaged'
import { call } from '@/services/cloud'
import { ReportRowCard } from '../../components/ReportRowCard'
import { YearPicker } from '../../components/YearPicker'
import { currentYear } from '../../shared/period'
import { useCsvExport } from '../../shared/useCsvExport'

function UnitReport() {
  const { params } = useRouter()
  const unitId = String(params.unitId ?? '')
  const [period, setPeriod] = useState(currentYear())
  const [title, setTitle] = useState('')
  const rows = usePaged(
    async (cursor) => {
      const report = await call('party', 'unitReport', { unitId, period, cursor, limit: 20 })
      setTitle(`${report.scope.name} · 合格线${report.rules.passMark}分、年度服务${report.rules.yearlyHours}小时`)
      return { items: report.rows, nextCursor: report.nextCursor }
    },
    [unitId, period]
  )
  const exportCsv = useCsvExport({ unitId }, period)
  return (
    <>
      <Section title="考评年度">
        <YearPicker value={period} onChange={setPeriod} />
        {title && (
          <View>
            <Text className="llt-text-secondary">{title}</Text>
          </View>
        )}
        <View className="llt-actions">
          <BigButton type="default" loading={exportCsv.running} onClick={() => void exportCsv.run()}>
            导出表格
          </BigButton>
        </View>
      </Section>
      <PagedList
        paged={rows}
        itemKey={(r) => r.registrationId}
        emptyTitle="本单位还没有通过审核的报到党员"
        renderItem={(r) => <ReportRowCard row={r} />}
      />
    </>
  )
}

export default function UnitReportPage() {
  return (
    <PageShell>
      <UnitReport />
    </PageShell>
  )
}
