// Entry of dual registration (subpackage "party"): the person's registration at a glance, the member's
// badge (亮身份), and the way to the needs list, points and the unit's pages.
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { Me } from '@contract'
import type { MyRegistration } from '@contract/schemas/party'
import { BigButton } from '@/components/BigButton'
import { LinkList } from '@/components/LinkList'
import { PageHeader } from '@/components/PageHeader'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { Steps } from '@/components/Steps'
import { useSignedIn } from '@/hooks/useMe'
import { useRemote } from '@/hooks/useRemote'
import { pageUrl } from '@/routes'
import { call } from '@/services/cloud'
import { navigate } from '@/services/navigation'
import { PartyCard } from '../components/PartyCard'
import { StatusTag } from '../components/StatusTag'
import { halfLabel } from '../shared/period'
import { adminUnitIdsOf } from '@/utils/roles'
import { useRenew } from '../shared/useRenew'
import './index.css'

const MEMBER_STEPS = [
  { title: '填写报到信息', description: '姓名、手机号、工作单位、所在党支部、特长和服务意向' },
  { title: '作出承诺', description: '写下一句为社区服务的承诺' },
  { title: '社区审核', description: '审核通过后分配到网格或楼栋' },
  { title: '亮身份、领任务', description: '认领微心愿和社区需求，参加志愿服务，获得党员积分' }
]

function RegistrationSummary({ mine, onChange }: { mine: MyRegistration; onChange: (m: MyRegistration) => void }) {
  const renew = useRenew(onChange)
  const reg = mine.registration
  if (!reg) {
    return (
      <View className="party-home__summary">
        <Text>您还没有到社区报到。在职党员请到居住地社区报到。</Text>
        <BigButton onClick={() => navigate(pageUrl('party', 'register'))}>我要报到</BigButton>
      </View>
    )
  }
  const ended = reg.status === 'rejected' || reg.status === 'ended'
  return (
    <View className="party-home__summary">
      <View className="party-home__status">
        <Text className="party-home__community">{reg.communityName}</Text>
        <StatusTag status={reg.status} />
      </View>
      {reg.reason && <Text className="llt-text-secondary">原因：{reg.reason}</Text>}
      {mine.canRenew && (
        <Text className="party-home__renew">{halfLabel(mine.currentHalf)}尚未续报到，未续报到的党员年度考评最高为“合格”。</Text>
      )}
      <View className="llt-actions">
        {mine.canRenew && (
          <BigButton loading={renew.running} onClick={() => void renew.run()}>
            续报到
          </BigButton>
        )}
        <BigButton type="default" onClick={() => navigate(pageUrl('party', 'status'))}>
          查看报到详情
        </BigButton>
        {ended && <BigButton onClick={() => navigate(pageUrl('party', 'register'))}>重新报到</BigButton>}
      </View>
    </View>
  )
}

function links(me: Me, mine: MyRegistration | undefined) {
  const registered = Boolean(mine?.registration)
  const isUnitAdmin = adminUnitIdsOf(me).length > 0
  return [
    me.badge && { title: '我的党员证', description: '亮身份、亮承诺', url: pageUrl('party', 'card') },
    { title: '社区需求清单', description: '社区发布的需求，党员和单位认领', url: pageUrl('party', 'needs') },
    registered && { title: '我的党员积分', description: '积分明细、考评结果', url: pageUrl('party', 'assessment') },
    {
      title: isUnitAdmin ? '单位管理' : '单位报到',
      description: isUnitAdmin ? '资源清单、党员名单、考评反馈' : '单位党组织到社区报到',
      url: pageUrl('party', 'unit')
    }
  ]
}

function PartyHome() {
  const me = useSignedIn()
  const mine = useRemote(() => call('party', 'myRegistration'), [])
  usePullDownRefresh(() => void mine.refresh().finally(() => void Taro.stopPullDownRefresh()))
  const reg = mine.data?.registration

  return (
    <>
      <PageHeader title="在职党员进社区“双报到”" subtitle="单位到社区报到，党员到居住地社区报到" />
      {me.badge && reg?.status === 'approved' && (
        <Section>
          <PartyCard
            displayName={reg.name}
            branch={me.badge.branch}
            pledge={me.badge.pledge}
            communityName={reg.communityName}
            gridName={reg.gridName}
          />
        </Section>
      )}
      <Section title="我的报到">
        {mine.data ? (
          <RegistrationSummary mine={mine.data} onChange={() => void mine.refresh()} />
        ) : (
          <StateView state={mine.error ? 'error' : 'loading'} error={mine.error} onRetry={() => void mine.refresh()} />
        )}
      </Section>
      <Section>
        <LinkList items={links(me, mine.data)} />
      </Section>
      <Section title="个人报到的步骤">
        <Steps steps={MEMBER_STEPS} />
      </Section>
      <Section title="什么是双报到">
        <Text className="llt-text-secondary">
          机关、企事业单位党组织到社区报到，提供场地、技能、志愿者等资源；在职党员到居住地社区报到，认领心愿、参与服务。社区每半年对党员进行考评，并反馈给所在单位。
        </Text>
      </Section>
    </>
  )
}

export default function PartyEntryPage() {
  return (
    <PageShell>
      <PartyHome />
    </PageShell>
  )
}
