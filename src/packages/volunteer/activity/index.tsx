// One activity: what, when, where (open in the map), seats and points, the volunteer's enrollment and
// what they can do now — enroll, cancel before the start, scan to check in or out. Staff of its community
// get their tools. Shared as a card.
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro'
import type { ActivityDetail } from '@contract/schemas/volunteer'
import { BigButton } from '@/components/BigButton'
import { LinkList } from '@/components/LinkList'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { useAction } from '@/hooks/useAction'
import { useRemote } from '@/hooks/useRemote'
import { useOnReturn } from '@/hooks/useOnReturn'
import { pageUrl } from '@/routes'
import { call, showError } from '@/services/cloud'
import { openPlace } from '@/services/maps'
import { navigate } from '@/services/navigation'
import { formatDateTime } from '@/utils/date'
import { staffCheckinTools } from '../checkin'
import { enrollmentLabel, formatHours, formatSpan, phaseLabel } from '../format'
import './index.css'

const confirm = async (content: string) =>
  (await Taro.showModal({ title: '请确认', content, confirmText: '确定', cancelText: '再想想' })).confirm

function Facts({ a }: { a: ActivityDetail }) {
  const openMap = () => openPlace({ location: a.location, name: a.venue, address: a.organiser })
  return (
    <Section>
      <View className="vol-detail__tags">
        <Text className="vol-detail__tag">{phaseLabel(a.phase)}</Text>
        <Text className="vol-detail__organiser">{a.organiser}</Text>
      </View>
      <Text className="vol-detail__title">{a.title}</Text>
      <Text className="vol-detail__line">时间：{formatSpan(a.start, a.end)}</Text>
      <Text className="vol-detail__line vol-detail__link" onClick={openMap}>
        地点：{a.venue}（查看地图）
      </Text>
      <Text className="vol-detail__line">
        名额：已报 {a.enrolled}/{a.capacity} 人，报名截止 {formatDateTime(a.enrollDeadline)}
      </Text>
      <Text className="vol-detail__line">
        积分：每小时 {a.pointsPerHour} 积分，本次最多 {a.pointsCap} 积分
      </Text>
      <Text className="vol-detail__line">签到范围：活动地点 {a.radius} 米内</Text>
    </Section>
  )
}

function MyEnrollment({ a }: { a: ActivityDetail }) {
  const e = a.myEnrollment
  if (!e || e.status === 'cancelled') return null
  return (
    <Section title="我的报名" extra={<Text className="vol-detail__status">{enrollmentLabel(e.status)}</Text>}>
      {e.checkInAt && <Text className="vol-detail__line">签到：{formatDateTime(e.checkInAt)}</Text>}
      {e.checkOutAt && <Text className="vol-detail__line">签退：{formatDateTime(e.checkOutAt)}</Text>}
      {e.status === 'completed' && (
        <Text className="vol-detail__line vol-detail__earned">
          服务时长 {formatHours(e.hours)}，获得 {e.points} 积分
        </Text>
      )}
      {e.missingCheckout && <Text className="llt-text-secondary">未签退，如有疑问请联系社区工作人员更正时长</Text>}
      {e.corrections.map((c) => (
        <Text key={c.at} className="llt-text-secondary">
          {formatDateTime(c.at)} 工作人员将时长由 {formatHours(c.from)} 更正为 {formatHours(c.to)}：{c.reason}
        </Text>
      ))}
    </Section>
  )
}

function Actions({ a, reload }: { a: ActivityDetail; reload: () => Promise<void> }) {
  const enroll = useAction(async () => {
    await call('volunteer', 'enroll', { activityId: a.id })
    void Taro.showToast({ title: '报名成功，请准时到场签到', icon: 'none', duration: 2500 })
    await reload()
  })
  const cancel = useAction(async () => {
    if (!(await confirm('确定取消报名吗？名额会让给其他志愿者。'))) return
    await call('volunteer', 'cancelEnrollment', { activityId: a.id })
    await reload()
  })
  const status = a.myEnrollment?.status
  const enrolled = status === 'enrolled' || status === 'checkedIn'
  const canScan = enrolled && a.phase !== 'finished'
  const notVolunteer = a.enrollBlocked === '请先注册为志愿者'
  return (
    <View className="llt-actions vol-detail__actions">
      {a.enrollOpen && (
        <BigButton block loading={enroll.running} onClick={() => void enroll.run()}>
          我要报名
        </BigButton>
      )}
      {notVolunteer && (
        <BigButton block onClick={() => navigate(pageUrl('volunteer', 'register'))}>
          登记成为志愿者后报名
        </BigButton>
      )}
      {!a.enrollOpen && !enrolled && status !== 'completed' && !notVolunteer && a.enrollBlocked && (
        <Text className="vol-detail__blocked">{a.enrollBlocked}</Text>
      )}
      {canScan && a.checkinMode === 'staffScan' && (
        <BigButton block onClick={() => navigate(pageUrl('volunteer', 'myCode', { id: a.id }))}>
          {status === 'checkedIn' ? '出示我的签到码签退' : '出示我的签到码签到'}
        </BigButton>
      )}
      {canScan && a.checkinMode === 'venueCode' && (
        <BigButton block onClick={() => navigate(pageUrl('volunteer', 'scan', { id: a.id }))}>
          {status === 'checkedIn' ? '扫码签退' : '扫码签到'}
        </BigButton>
      )}
      {status === 'enrolled' && a.phase === 'upcoming' && (
        <BigButton block fill="outline" loading={cancel.running} onClick={() => void cancel.run()}>
          取消报名
        </BigButton>
      )}
    </View>
  )
}

function StaffTools({ a }: { a: ActivityDetail }) {
  if (!a.canManage) return null
  return (
    <Section title="工作人员">
      <LinkList
        items={[
          ...staffCheckinTools(a),
          {
            title: '考勤与时长',
            description: '签到情况、更正时长、活动结项',
            url: pageUrl('workbench', 'activityAttendance', { id: a.id })
          }
        ]}
      />
    </Section>
  )
}

function ActivityPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const detail = useRemote(() => call('volunteer', 'activity', { activityId: id }), [id])
  useOnReturn(() => void detail.refresh())
  usePullDownRefresh(() => void detail.refresh().finally(() => void Taro.stopPullDownRefresh()))
  useShareAppMessage(() => ({
    title: detail.data ? `志愿活动：${detail.data.title}` : '志愿活动',
    path: pageUrl('volunteer', 'activity', { id })
  }))

  if (detail.data === undefined) {
    return detail.error ? (
      <StateView state="error" error={detail.error} onRetry={() => void detail.refresh()} fullPage />
    ) : (
      <StateView state="loading" fullPage />
    )
  }
  const a = detail.data
  return (
    <>
      <Facts a={a} />
      <Section title="服务内容">
        <Text className="vol-detail__content">{a.content}</Text>
      </Section>
      <MyEnrollment a={a} />
      <Actions a={a} reload={() => detail.refresh().catch(showError)} />
      <StaffTools a={a} />
    </>
  )
}

export default function VolunteerActivityPage() {
  return (
    <PageShell className="vol-activity">
      <ActivityPage />
    </PageShell>
  )
}
