// One report: what, where (map), its clock, the evidence of its resolution, the whistles with their joint
// log, the reporter's answer, the timeline of every transition — and what the viewer may do now (the
// reporter: supply, confirm and rate, reopen; a grid worker or staff: sign for, handle, whistle, resolve;
// a department's handler: report in, log, hand back, resolve, rate). The reporter's identity shows only
// to staff and handlers; the server masks it for everyone else.
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import {
  REPORT_CLOSE_KIND_LABELS,
  REPORT_RATING_LABELS,
  WHISTLE_STATUS_LABELS,
  WHISTLE_URGENCY_LABELS
} from '@contract/schemas/report.labels'
import type { ReportDetail, WhistleView } from '@contract/schemas/report'
import { CloudImage, previewCloudImages } from '@/components/CloudImage'
import { PageShell } from '@/components/PageShell'
import { PlaceMap } from '@/components/PlaceMap'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { useSignedIn } from '@/hooks/useMe'
import { useOnReturn } from '@/hooks/useOnReturn'
import { useRemote } from '@/hooks/useRemote'
import { call, showError } from '@/services/cloud'
import { formatDateTime } from '@/utils/date'
import { Stars } from '../../wish/components/Stars'
import { Timeline } from '../../wish/components/Timeline'
import { reportActions, whistleActions, type ActionContext } from '../actions'
import { ActionBar } from '../components/ActionBar'
import { ReportStatusTag } from '../components/ReportItem'
import { actorOf, deadlineLine, formatDistance } from '../format'
import '../../../components/PageHeader/index.css'
import './index.css'

function Photos({ urls }: { urls: string[] }) {
  if (!urls.length) return null
  return (
    <View className="report-detail__photos">
      {urls.map((url) => (
        <CloudImage key={url} className="report-detail__photo" src={url} onClick={() => void previewCloudImages(urls, url)} />
      ))}
    </View>
  )
}

function Head({ r }: { r: ReportDetail }) {
  const due = deadlineLine(r.status, r.deadlines)
  return (
    <View className="llt-header report-detail__head">
      <View className="report-detail__tags">
        <ReportStatusTag status={r.status} />
        {r.deadlines.overdue && <Text className="report-detail__overdue">已超期</Text>}
        {r.visibility === 'private' && <Text className="report-detail__private">不公开</Text>}
      </View>
      <Text className="llt-header__title">{r.categoryName}</Text>
      <Text className="llt-header__subtitle">
        {[r.place, r.communityName, `${formatDateTime(r.submittedAt)} 反映`].filter(Boolean).join(' · ')}
      </Text>
      {due && <Text className="report-detail__due">{due}</Text>}
    </View>
  )
}

function Reporter({ reporter }: { reporter: NonNullable<ReportDetail['reporter']> }) {
  return (
    <Section title="反映人" extra={<Text className="llt-text-secondary">仅工作人员可见</Text>}>
      <Text className="report-detail__line">
        {reporter.name}
        {reporter.phone ? ` · ${reporter.phone}` : ''}
      </Text>
      {reporter.clientTime && (
        <Text className="llt-text-secondary">{`手机上记录于 ${formatDateTime(reporter.clientTime)}（无网络时先保存，联网后发送）`}</Text>
      )}
    </Section>
  )
}

function Evidence({ e }: { e: NonNullable<ReportDetail['evidence']> }) {
  return (
    <Section title="处理结果">
      <Text className="report-detail__text">{e.note}</Text>
      <Photos urls={e.photos.map((p) => p.fileId)} />
      <Text className={e.near ? 'report-detail__near' : 'report-detail__far'}>
        {e.near
          ? `现场照片：拍摄于问题地点附近（${e.photos.map((p) => formatDistance(p.distance)).join('、')}）`
          : '照片不是在问题地点附近拍摄的，需要您确认是否解决'}
      </Text>
      <Text className="llt-text-secondary">{`${formatDateTime(e.at)} 办结`}</Text>
    </Section>
  )
}

function Answer({ r }: { r: ReportDetail }) {
  if (!r.answer && !r.closeKind) return null
  return (
    <Section title="居民评价">
      {r.answer ? (
        <>
          <Text className="report-detail__line">{`${r.answer.solved ? '已解决' : '未解决'} · ${REPORT_RATING_LABELS[r.answer.rating]}`}</Text>
          {r.answer.comment && <Text className="report-detail__text">{r.answer.comment}</Text>}
        </>
      ) : (
        <Text className="report-detail__line">未评价</Text>
      )}
      {r.closeKind && <Text className="llt-text-secondary">{`结案方式：${REPORT_CLOSE_KIND_LABELS[r.closeKind]}`}</Text>}
    </Section>
  )
}

function Whistle({ w, owner, reload }: { w: WhistleView; owner: string; reload: () => Promise<void> }) {
  const actions = whistleActions(w, w.can, owner)
  return (
    <View className="llt-card report-whistle">
      <View className="llt-card__head">
        <Text className="llt-card__title">{`吹哨给${w.target.name}`}</Text>
        <Text className={`report-whistle__status report-whistle__status--${w.status}`}>{WHISTLE_STATUS_LABELS[w.status]}</Text>
      </View>
      <Text className="llt-card__line">{`${WHISTLE_URGENCY_LABELS[w.urgency]} · ${formatDateTime(w.whistledAt)} 吹哨`}</Text>
      <Text className="report-detail__text">{`原因：${w.reason}`}</Text>
      <Text className={w.late ? 'report-whistle__late' : 'llt-card__line'}>
        {w.reportedInAt
          ? `${formatDateTime(w.reportedInAt)} 已报到${w.late ? '（超时）' : ''}`
          : `须在 ${formatDateTime(w.reportInDeadline)} 前报到${w.late ? '，已超时' : ''}`}
      </Text>
      {w.handedBackReason && <Text className="report-whistle__late">{`退回理由：${w.handedBackReason}`}</Text>}
      {w.log.length > 0 && (
        <View className="report-whistle__log">
          <Text className="report-whistle__log-title">联合处置记录</Text>
          {w.log.map((entry, i) => (
            <View key={`${entry.at}-${i}`} className="report-whistle__entry">
              <Text className="llt-card__line">
                {`${formatDateTime(entry.at)} · ${entry.side === 'community' ? '社区' : w.target.name}${entry.actorName ? ` ${entry.actorName}` : ''}`}
              </Text>
              <Text className="report-detail__text">{entry.text}</Text>
              <Photos urls={entry.photos} />
            </View>
          ))}
        </View>
      )}
      {(w.ratings.byCommunity || w.ratings.byDepartment) && (
        <View className="report-whistle__ratings">
          {w.ratings.byCommunity && (
            <View>
              <Text className="llt-card__line">{`社区评价${w.target.name}`}</Text>
              <Stars value={w.ratings.byCommunity.score} />
            </View>
          )}
          {w.ratings.byDepartment && (
            <View>
              <Text className="llt-card__line">{`${w.target.name}评价社区`}</Text>
              <Stars value={w.ratings.byDepartment.score} />
            </View>
          )}
        </View>
      )}
      <ActionBar actions={actions} reload={reload} />
    </View>
  )
}

function useActionContext(r: ReportDetail, owner: string): ActionContext {
  const departments = useRemote(() => call('report', 'departments', {}), [r.id], { enabled: r.can.whistle })
  const nearby = useRemote(() => call('report', 'duplicates', { categoryId: r.categoryId, location: r.location }), [r.id], {
    enabled: r.can.merge
  })
  return {
    owner,
    departments: departments.data?.items ?? [],
    nearby: (nearby.data?.items ?? []).filter((n) => n.id !== r.id)
  }
}

export function ReportView({ r, reload }: { r: ReportDetail; reload: () => Promise<void> }) {
  const me = useSignedIn()
  const ctx = useActionContext(r, me.openid)
  const actions = reportActions(r, ctx)
  const mine = r.viewer === 'reporter' || r.viewer === 'follower' || r.viewer === 'public'
  return (
    <View className="report-detail">
      <Head r={r} />
      {actions.length > 0 && (
        <Section title={mine ? '需要您做的' : '办理'} className="report-detail__act">
          <ActionBar actions={actions} reload={reload} />
        </Section>
      )}
      {r.info && (
        <Section title={r.info.answer ? '补充信息' : '等待补充'}>
          <Text className="report-detail__line">{`社区的问题：${r.info.question}`}</Text>
          {r.info.answer && <Text className="report-detail__text">{`回复：${r.info.answer}`}</Text>}
          <Photos urls={r.info.photos} />
        </Section>
      )}
      <Section title="问题描述">
        <Text className="report-detail__text">{r.description}</Text>
        <Photos urls={r.photos} />
        <Text className="llt-text-secondary">
          {[r.reporterName && `${r.reporterName}反映`, r.plusOnes > 0 && `${r.plusOnes}人也遇到`, r.following && '您已关注']
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Section>
      {r.reporter && <Reporter reporter={r.reporter} />}
      {r.evidence && <Evidence e={r.evidence} />}
      <Answer r={r} />
      {r.closeReason && (
        <Section title="结案说明">
          {r.responsible && <Text className="report-detail__line">{`责任单位：${r.responsible}`}</Text>}
          <Text className="report-detail__text">{r.closeReason}</Text>
        </Section>
      )}
      {r.whistles.length > 0 && (
        <Section title="吹哨报到">
          {r.whistles.map((w) => (
            <Whistle key={w.id} w={w} owner={me.openid} reload={reload} />
          ))}
        </Section>
      )}
      <Section title="位置">
        <PlaceMap
          title={`${r.categoryName}问题位置`}
          center={r.location}
          centerLabel={r.place ?? '问题位置'}
          markers={[{ id: r.id, location: r.location, label: r.place ?? r.categoryName, tone: 'gap' }]}
        />
      </Section>
      <Section title="办理进度">
        <Timeline entries={r.timeline.map((e) => ({ at: e.at, label: e.label, actor: actorOf(e), why: e.why ?? undefined }))} />
      </Section>
    </View>
  )
}

function Detail() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const detail = useRemote(() => call('report', 'detail', { reportId: id }), [id], { enabled: Boolean(id) })
  useOnReturn(() => void detail.refresh())
  usePullDownRefresh(() => {
    detail
      .refresh()
      .catch(showError)
      .finally(() => void Taro.stopPullDownRefresh())
  })
  if (!id) return <StateView state="error" title="没有找到这个问题" fullPage />
  if (!detail.data) {
    return detail.error ? (
      <StateView state="error" error={detail.error} onRetry={() => void detail.refresh()} fullPage />
    ) : (
      <StateView state="loading" fullPage />
    )
  }
  return <ReportView r={detail.data} reload={detail.refresh} />
}

export default function ReportDetailPage() {
  return (
    <PageShell>
      <Detail />
    </PageShell>
  )
}
