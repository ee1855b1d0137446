// One report as a card in a list (mine, nearby, the workbench queues): category, status, overdue flag, the
// start of the description, a photo, where and when, how many also met it. Never the reporter unless
// the view carries their masked name (they chose to show it).
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { ReportCard } from '@contract/schemas/report'
import { CloudImage } from '@/components/CloudImage'
import { formatAgo } from '../../../../pages/wish/format'
import { formatDistance, statusLabel, statusTone } from '../../format'
import './index.css'

export function ReportStatusTag({ status }: { status: ReportCard['status'] }) {
  return <Text className={`report-status report-status--${statusTone(status)}`}>{statusLabel(status)}</Text>
}

export interface ReportItemProps {
  report: ReportCard
  onOpen?: (report: ReportCard) => void
  /** Lines under the card: a deadline, a to-do, staff details, actions. */
  children?: ReactNode
}

export function ReportItem({ report, onOpen, children }: ReportItemProps) {
  const distance = formatDistance(report.distance)
  const meta = [report.place ?? report.communityName, distance && `距您${distance}`, formatAgo(report.submittedAt)]
    .filter(Boolean)
    .join(' · ')
  return (
    <View
      className="llt-card llt-card--raised report-item"
      hoverClass={onOpen ? 'llt-card--pressed' : 'none'}
      onClick={() => onOpen?.(report)}
    >
      <View className="report-item__head">
        <Text className="report-item__category">{report.categoryName}</Text>
        {report.overdue && <Text className="report-item__overdue">超期</Text>}
        <ReportStatusTag status={report.status} />
      </View>
      <View className="report-item__body">
        {report.photos[0] && <CloudImage className="report-item__photo" src={report.photos[0]} lazyLoad />}
        <Text className="report-item__text">{report.description}</Text>
      </View>
      <Text className="report-item__meta">{meta}</Text>
      {(report.plusOnes > 0 || report.reporterName) && (
        <Text className="report-item__meta">
          {[report.reporterName && `${report.reporterName}反映`, report.plusOnes > 0 && `${report.plusOnes}人也遇到`]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      )}
      {children}
    </View>
  )
}
