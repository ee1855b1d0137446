// 考勤 (staff): who enrolled, checked in and out, their hours and points; correcting hours with a reason
// (recorded on the enrollment and shown to the volunteer; a correction of one's own hours waits for another
// staff member, who approves or rejects it here); closing the activity after it ends. Each row shows where the
// phone said it was at check-in and check-out, and the implausible patterns the server flagged (copied venue
// coordinates, one phone for several people, far apart, too short) for staff to verify.
import { Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { AttendanceRow, AttendanceSummary, LocationEvidence } from '@contract/schemas/volunteer'
import { ATTENDANCE_FLAG_LABELS } from '@contract/schemas/volunteer.labels'
import { BigButton } from '@/components/BigButton'
import { PagedList } from '@/components/PagedList'
import { PageShell } from '@/components/PageShell'
import { Table, type TableColumn } from '@/components/Table'
import { Section } from '@/components/Section'
import { useAction } from '@/hooks/useAction'
import { useDeskWidth } from '@/hooks/useDeskWidth'
import { usePaged } from '@/hooks/usePaged'
import { useRemote } from '@/hooks/useRemote'
import { call, showError } from '@/services/cloud'
import { navigate } from '@/services/navigation'
import { formatDateTime } from '@/utils/date'
import { Field } from '@/components/Field'
import { staffCheckinTools } from '../../../volunteer/checkin'
import { enrollmentLabel, formatHours, formatSpan, phaseLabel } from '../../../volunteer/format'
import { ReviewActions } from '../../components/ReviewActions'
import './index.css'

function Correction({ row, onSaved }: { row: AttendanceRow; onSaved: () => void }) {
  const [hours, setHours] = useState(String(row.hours))
  const [reason, setReason] = useState('')
  const save = useAction(async () => {
    const saved = await call('volunteer', 'correctHours', { enrollmentId: row.id, hours: Number(hours), reason })
    void Taro.showToast(
      saved.pendingCorrection ? { title: '已提交，待其他工作人员审批', icon: 'none' } : { title: '已更正', icon: 'success' }
    )
    onSaved()
  })
  return (
    <View className="wb-att__fix">
      <Field label="服务时长（小时，按0.5计）">
        <Input className="llt-input llt-input--round" type="digit" value={hours} onInput={(e) => setHours(e.detail.value)} />
      </Field>
      <Field label="更正原因" required>
        <Input
          className="llt-input llt-input--round"
          value={reason}
          placeholder="如：忘记签退，现场核实"
          maxlength={200}
          onInput={(e) => setReason(e.detail.value)}
        />
      </Field>
      <BigButton block size="normal" loading={save.running} onClick={() => void save.run()}>
        保存更正
      </BigButton>
    </View>
  )
}

function PendingCorrection({ row, onReviewed }: { row: AttendanceRow; onReviewed: () => void }) {
  const review = useAction(async (approve: boolean) => {
    await call('volunteer', 'reviewCorrection', { enrollmentId: row.id, approve })
    void Taro.showToast({ title: approve ? '已同意' : '已驳回', icon: 'none' })
    onReviewed()
  })
  const p = row.pendingCorrection
  if (!p) return null
  return (
    <View className="wb-att__fix">
      <Text className="llt-card__line">
        待审批的本人时长修改：{formatHours(p.hours)}（{p.reason}）
      </Text>
      <ReviewActions running={review.running} onDecide={(approve) => void review.run(approve)} approveLabel="同意" />
    </View>
  )
}

function EvidenceLine({ label, evidence }: { label: string; evidence: LocationEvidence | null }) {
  if (!evidence) return null
  const accuracy = evidence.accuracy == null ? '' : `，定位精度约${Math.round(evidence.accuracy)}米`
  return (
    <Text className="llt-card__line wb-att__evidence">
      {label}位置：{evidence.lat.toFixed(6)}, {evidence.lng.toFixed(6)}（距活动地点{evidence.distance}米{accuracy}）
    </Text>
  )
}

function Flags({ row }: { row: AttendanceRow }) {
  if (!row.flags.length) return null
  return (
    <View className="wb-att__flags" role="note">
      {row.flags.map((f) => (
        <Text key={f} className="wb-att__flag">
          ⚠ {ATTENDANCE_FLAG_LABELS[f]}
        </Text>
      ))}
      <Text className="llt-text-secondary">请核实本人是否到场，必要时更正时长</Text>
    </View>
  )
}

function Row({ row, reload }: { row: AttendanceRow; reload: () => void }) {
  const [open, setOpen] = useState(false)
  return (
    <View className="llt-card llt-card--item wb-att__row">
      <View className="llt-card__head">
        <Text className="llt-card__title">{row.realName}</Text>
        <Text className={`wb-att__status wb-att__status--${row.status}`}>{enrollmentLabel(row.status)}</Text>
      </View>
      <Text className="llt-card__line">
        {row.volunteerNo} · {row.phone}
      </Text>
      {row.checkInAt && (
        <Text className="llt-card__line">
          签到 {formatDateTime(row.checkInAt)}
          {row.checkOutAt ? `，签退 ${formatDateTime(row.checkOutAt)}` : ''}
        </Text>
      )}
      <EvidenceLine label="签到" evidence={row.checkInEvidence} />
      <EvidenceLine label="签退" evidence={row.checkOutEvidence} />
      <Flags row={row} />
      {row.status === 'completed' && (
        <Text className="llt-card__line">
          {formatHours(row.hours)} · {row.points} 积分{row.missingCheckout ? ' · 未签退' : ''}
        </Text>
      )}
      {row.corrections.map((c) => (
        <Text key={c.at} className="llt-card__line">
          更正：{formatHours(c.from)} → {formatHours(c.to)}（{c.reason}）
        </Text>
      ))}
      <PendingCorrection row={row} onReviewed={reload} />
      {row.status !== 'cancelled' && (
        <Text className="wb-att__toggle" onClick={() => setOpen(!open)}>
          {open ? '收起' : '更正时长'}
        </Text>
      )}
      {open && (
        <Correction
          row={row}
          onSaved={() => {
            setOpen(false)
            reload()
          }}
        />
      )}
    </View>
  )
}

const time = (at: string | null) => (at ? Date.parse(at) : null)

function HoursCell({ row }: { row: AttendanceRow }) {
  return (
    <View className="wb-att__cell">
      {row.status === 'completed' ? (
        <Text>
          {formatHours(row.hours)} · {row.points} 积分{row.missingCheckout ? ' · 未签退' : ''}
        </Text>
      ) : (
        <Text>—</Text>
      )}
      {row.corrections.map((c) => (
        <Text key={c.at} className="wb-att__evidence">
          更正：{formatHours(c.from)} → {formatHours(c.to)}（{c.reason}）
        </Text>
      ))}
    </View>
  )
}

/** Where the phone was, as a distance from the venue, and the flags: the card's evidence in a cell. */
function EvidenceCell({ row }: { row: AttendanceRow }) {
  const near = (label: string, e: LocationEvidence | null) =>
    e && (
      <Text className="wb-att__evidence">
        {label}距活动地点{e.distance}米
      </Text>
    )
  return (
    <View className="wb-att__cell">
      {near('签到', row.checkInEvidence)}
      {near('签退', row.checkOutEvidence)}
      {row.flags.length > 0 && (
        <View className="wb-att__notes" role="note">
          {row.flags.map((f) => (
            <Text key={f} className="wb-att__flag">
              ⚠ {ATTENDANCE_FLAG_LABELS[f]}
            </Text>
          ))}
        </View>
      )}
    </View>
  )
}

/** At PC width: the attendance as a table, sortable by time and hours, filtered by name or number. */
function AttendanceTable({ rows, reload }: { rows: AttendanceRow[]; reload: () => void }) {
  const [editing, setEditing] = useState<AttendanceRow | null>(null)
  const columns: Array<TableColumn<AttendanceRow>> = [
    {
      key: 'name',
      title: '志愿者',
      value: (r) => r.realName,
      render: (r) => (
        <View className="wb-att__cell">
          <Text>{r.realName}</Text>
          <Text className="wb-att__evidence">
            {r.volunteerNo} · {r.phone}
          </Text>
        </View>
      )
    },
    { key: 'status', title: '状态', value: (r) => enrollmentLabel(r.status) },
    { key: 'in', title: '签到', value: (r) => time(r.checkInAt), render: (r) => (r.checkInAt ? formatDateTime(r.checkInAt) : '—') },
    { key: 'out', title: '签退', value: (r) => time(r.checkOutAt), render: (r) => (r.checkOutAt ? formatDateTime(r.checkOutAt) : '—') },
    {
      key: 'hours',
      title: '时长',
      value: (r) => (r.status === 'completed' ? r.hours : null),
      render: (r) => <HoursCell row={r} />,
      firstOrder: 'desc'
    },
    { key: 'flags', title: '见证/标记', value: (r) => r.flags.length, render: (r) => <EvidenceCell row={r} />, firstOrder: 'desc' },
    {
      key: 'actions',
      title: '操作',
      fixed: true,
      grow: 1.5,
      value: () => null,
      render: (r) => (
        <View className="wb-att__cell">
          <PendingCorrection row={r} onReviewed={reload} />
          {r.status !== 'cancelled' && (
            <BigButton size="small" fill="outline" onClick={() => setEditing(editing?.id === r.id ? null : r)}>
              {editing?.id === r.id ? '收起' : '更正时长'}
            </BigButton>
          )}
        </View>
      )
    }
  ]
  return (
    <View className="wb-att__desk">
      {editing && (
        <View className="llt-card wb-att__editing">
          <Text className="llt-card__title">更正{editing.realName}的时长</Text>
          <Correction
            key={editing.id}
            row={editing}
            onSaved={() => {
              setEditing(null)
              reload()
            }}
          />
        </View>
      )}
      <Table
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
        initialSort={{ key: 'in', order: 'asc' }}
        filter={{ placeholder: '输入姓名或志愿者编号筛选', text: (r) => `${r.realName} ${r.volunteerNo}` }}
      />
    </View>
  )
}

function Attendance() {
  const desk = useDeskWidth()
  const { params } = useRouter()
  const id = params.id ?? ''
  const activity = useRemote(() => call('volunteer', 'activity', { activityId: id }), [id])
  const [summary, setSummary] = useState<AttendanceSummary | null>(null)
  const paged = usePaged(
    async (cursor) => {
      const page = await call('volunteer', 'attendance', { activityId: id, cursor, limit: 30 })
      setSummary(page.summary)
      return page
    },
    [id]
  )
  const reload = () => void paged.refresh().catch(showError)
  const finish = useAction(async () => {
    const { confirm } = await Taro.showModal({
      title: '活动结项',
      content: '结项后不能再签到签退；未到的记为缺席，未签退的记0小时（可再更正）。确定结项吗？',
      confirmText: '结项',
      cancelText: '取消'
    })
    if (!confirm) return
    const r = await call('volunteer', 'completeActivity', { activityId: id })
    void Taro.showModal({
      title: '已结项',
      content: `完成 ${r.completed} 人，缺席 ${r.absent} 人，未签退 ${r.missingCheckout} 人`,
      showCancel: false
    })
    reload()
    void activity.refresh().catch(() => undefined)
  })
  const a = activity.data
  return (
    <>
      <Section title="考勤">
        {a && (
          <View className="wb-att__activity">
            <Text className="wb-att__title">{a.title}</Text>
            <Text className="llt-text-secondary">
              {formatSpan(a.start, a.end)} · {phaseLabel(a.phase)}
            </Text>
          </View>
        )}
        {summary && (
          <View className="wb-att__summary">
            <Text>已报名 {summary.enrolled}</Text>
            <Text>已签到 {summary.checkedIn}</Text>
            <Text>已完成 {summary.completed}</Text>
            <Text>缺席 {summary.absent}</Text>
            <Text>已取消 {summary.cancelled}</Text>
          </View>
        )}
        {a && (
          <View className="llt-actions">
            {staffCheckinTools(a).map((tool) => (
              <BigButton key={tool.url} block onClick={() => navigate(tool.url)}>
                {tool.title}
              </BigButton>
            ))}
            {a.phase === 'ended' && (
              <BigButton block fill="outline" loading={finish.running} onClick={() => void finish.run()}>
                活动结项
              </BigButton>
            )}
            {a.phase === 'finished' && <Text className="llt-text-secondary">活动已结项，不能再签到签退，时长仍可更正。</Text>}
            {(a.phase === 'upcoming' || a.phase === 'ongoing') && <Text className="llt-text-secondary">活动结束后可结项。</Text>}
          </View>
        )}
      </Section>
      <PagedList
        paged={paged}
        itemKey={(r) => r.id}
        renderItem={(r) => <Row row={r} reload={reload} />}
        renderAll={desk ? (rows) => <AttendanceTable rows={rows} reload={reload} /> : undefined}
        emptyTitle="还没有人报名"
      />
    </>
  )
}

export default function AttendancePage() {
  return (
    <PageShell className="wb-attendance">
      <Attendance />
    </PageShell>
  )
}
