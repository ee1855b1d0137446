// 我的志愿: the volunteer's number, hours and activities, and the ways to records, the certificate,
// scanning a check-in code and the points board setting. A resident who is not registered is invited to.
import { Text, View } from '@tarojs/components'
import type { VolunteerProfile } from '@contract/schemas/volunteer'
import { BigButton } from '@/components/BigButton'
import { LinkList } from '@/components/LinkList'
import { PageHeader } from '@/components/PageHeader'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { Steps } from '@/components/Steps'
import { Toggle } from '@/components/Toggle'
import { useAction } from '@/hooks/useAction'
import { useRemote } from '@/hooks/useRemote'
import { useOnReturn } from '@/hooks/useOnReturn'
import { pageUrl } from '@/routes'
import { call } from '@/services/cloud'
import { navigate } from '@/services/navigation'
import { VolunteerStatusCard } from '../components/VolunteerStatusCard'
import { formatHours } from '../format'
import './index.css'

const HOW_IT_WORKS = [
  { title: '登记成为志愿者', description: '填写姓名、手机号、所在社区和特长' },
  { title: '报名活动', description: '活动开始前可以随时取消' },
  { title: '到场扫码签到', description: '扫工作人员出示的签到码，需在活动地点附近' },
  { title: '结束签退', description: '服务时长按半小时计，自动记入志愿服务记录' },
  { title: '获得积分', description: '积分可在积分超市兑换生活用品' }
]

function Profile({ p, onChange }: { p: VolunteerProfile; onChange: (p: VolunteerProfile) => void }) {
  const optIn = useAction(async (on: boolean) => onChange(await call('volunteer', 'updateProfile', { boardOptIn: on })))
  return (
    <>
      <PageHeader title={p.realName} subtitle={`志愿者编号 ${p.volunteerNo} · ${p.communityName}`}>
        <View className="vol-me__stats">
          <View className="vol-me__stat">
            <Text className="vol-me__value">{formatHours(p.totalHours)}</Text>
            <Text className="vol-me__label">累计服务时长</Text>
          </View>
          <View className="vol-me__stat">
            <Text className="vol-me__value">{p.activityCount}次</Text>
            <Text className="vol-me__label">参加活动</Text>
          </View>
        </View>
      </PageHeader>
      <Section>
        <VolunteerStatusCard status={p.status} reason={p.reviewReason} />
      </Section>
      <Section>
        <LinkList
          items={[
            { title: '扫码签到 / 签退', description: '到了活动现场，扫工作人员出示的签到码', url: pageUrl('volunteer', 'scan') },
            { title: '志愿服务记录', description: '每次服务的内容、时长和组织单位', url: pageUrl('volunteer', 'records') },
            { title: '志愿服务记录证明', description: '带编号的证明，可保存为图片', url: pageUrl('volunteer', 'certificate') },
            { title: '积分与兑换', description: '积分明细、积分超市、我的兑换', url: pageUrl('points', 'home') },
            { title: '核验一份证明', description: '输入证明编号查看真伪', url: pageUrl('volunteer', 'verify') }
          ]}
        />
      </Section>
      <Section title="积分榜">
        <View className="vol-me__toggle" onClick={() => void optIn.run(!p.boardOptIn)}>
          <Text className="llt-text-secondary">{p.boardOptIn ? '积分榜上显示我的姓名' : '积分榜上不显示我的姓名（只显示积分）'}</Text>
          <Toggle checked={p.boardOptIn} label="在积分榜显示姓名" disabled={optIn.running} onChange={(on) => void optIn.run(on)} />
        </View>
      </Section>
    </>
  )
}

function Invitation() {
  return (
    <>
      <PageHeader title="志愿活动" subtitle="登记后即可报名社区活动" />
      <Section title="参加活动的步骤">
        <Steps steps={HOW_IT_WORKS} />
        <View className="llt-actions">
          <BigButton block onClick={() => navigate(pageUrl('volunteer', 'register'))}>
            登记成为志愿者
          </BigButton>
        </View>
      </Section>
    </>
  )
}

function VolunteerCenter() {
  const profile = useRemote(() => call('volunteer', 'profile'))
  useOnReturn(() => void profile.refresh())
  if (profile.loading && profile.data === undefined) return <StateView state="loading" fullPage />
  if (profile.error && profile.data === undefined)
    return <StateView state="error" error={profile.error} onRetry={() => void profile.refresh()} fullPage />
  return profile.data ? <Profile p={profile.data} onChange={() => void profile.refresh()} /> : <Invitation />
}

export default function VolunteerCenterPage() {
  return (
    <PageShell className="vol-center">
      <VolunteerCenter />
    </PageShell>
  )
}
