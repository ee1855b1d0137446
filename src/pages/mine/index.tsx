// 我的 tab: who I am (roles, 亮身份), my community, my records, elder mode, privacy, leaving.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { CommunityOption, Me } from '@contract'
import { CommunityPicker } from '@/components/CommunityPicker'
import { ElderModeSwitch } from '@/components/ElderModeSwitch'
import { LinkList, type LinkItem } from '@/components/LinkList'
import { PageShell } from '@/components/PageShell'
import { RoleBadges } from '@/components/RoleBadges'
import { Section } from '@/components/Section'
import { useAction } from '@/hooks/useAction'
import { useMe, useSignedIn } from '@/hooks/useMe'
import { pageUrl, PRIVACY_PAGE_URL, tabUrl } from '@/routes'
import { call } from '@/services/cloud'
import { isH5 } from '@/services/platform'
import { workbenchTitle } from '@/utils/roles'
import { openPrivacyGuide } from '@/services/privacy'
import './index.css'

function Profile({ me }: { me: Me }) {
  return (
    <View className="mine__profile">
      <View className="mine__avatar">{me.nickName.slice(0, 1)}</View>
      <View className="mine__who">
        <Text className="mine__name">{me.realName ?? me.nickName}</Text>
        <Text className="mine__phone">{me.phone ?? '未登记手机号'}</Text>
        <RoleBadges roles={me.roles} />
      </View>
    </View>
  )
}

/** 亮身份、亮承诺: an approved party member's branch and pledge. */
function PartyBadge({ badge }: { badge: NonNullable<Me['badge']> }) {
  return (
    <View className="mine__badge">
      <Text className="mine__badge-title">共产党员 · {badge.branch}</Text>
      <Text className="mine__badge-pledge">我的承诺：{badge.pledge}</Text>
    </View>
  )
}

async function confirmDeletion(): Promise<boolean> {
  const res = await Taro.showModal({
    title: '注销账号',
    content: '注销后，您的姓名、手机号等个人信息将被删除，且无法恢复。确定要注销吗？',
    confirmText: '确定注销',
    confirmColor: '#C8102E',
    cancelText: '再想想'
  })
  return res.confirm
}

const has = (me: Me, role: Me['roles'][number]['role']) => me.roles.some((r) => r.role === role)

/** Each role's own centre, shown first: where that person does most of what they came for. */
export function roleCentres(me: Me): LinkItem[] {
  const items: Array<LinkItem | false> = [
    me.isStaff && {
      title: workbenchTitle(me),
      description: has(me, 'staff') ? '待办审核、活动、设施和数据' : '各社区数据对比和看板',
      url: pageUrl('workbench', 'home')
    },
    has(me, 'gridWorker') && { title: '网格员工作台', description: '签收和办理随手拍、巡查', url: pageUrl('workbench', 'reports') },
    has(me, 'deptHandler') && { title: '部门工作台', description: '吹哨报到、联合处置、办结', url: pageUrl('workbench', 'reports') },
    has(me, 'streetAdmin') && { title: '吹哨报到', description: '吹哨给街道的问题和超期情况', url: pageUrl('workbench', 'reports') },
    has(me, 'merchant') && { title: '商家中心', description: '商品上架、核销取货', url: pageUrl('points', 'merchant') },
    has(me, 'unitAdmin') && { title: '单位管理', description: '本单位报到、资源和党员', url: pageUrl('party', 'unit') }
  ]
  return items.filter((item): item is LinkItem => Boolean(item))
}

function MineHome() {
  const me = useSignedIn()
  const { setMe, signIn, signOut } = useMe()
  const moveTo = useAction(async (community: CommunityOption) => {
    setMe(await call('user', 'updateProfile', { communityId: community.id }))
    void Taro.showToast({ title: `已选择${community.name}`, icon: 'none' })
  })
  const remove = useAction(async () => {
    if (!(await confirmDeletion())) return
    await call('user', 'deleteAccount', { confirm: '注销' })
    void Taro.showToast({ title: '账号已注销', icon: 'success' })
    if (isH5()) signOut()
    else await signIn().then(() => Taro.reLaunch({ url: tabUrl('lifeCircle') }))
  })

  return (
    <View className="mine">
      <Profile me={me} />
      {me.badge && <PartyBadge badge={me.badge} />}
      {roleCentres(me).length > 0 && (
        <Section title="我的工作">
          <LinkList items={roleCentres(me)} />
        </Section>
      )}
      <Section>
        <CommunityPicker value={me.communityId} locatable disabled={moveTo.running} onChange={(c) => void moveTo.run(c)} />
      </Section>
      <Section title="我的服务">
        <LinkList
          items={[
            { title: '我的心愿', description: '我许下和认领的心愿', url: pageUrl('wish', 'mine') },
            { title: '我的活动', description: '报名的志愿活动和服务时长', url: pageUrl('volunteer', 'mine') },
            { title: '我的积分', description: '积分余额和兑换记录', url: pageUrl('points', 'home') },
            { title: '我的报到', description: '在职党员双报到', url: pageUrl('party', 'mine') },
            { title: '我的随手拍', description: '我反映的问题和办理进度', url: pageUrl('report', 'mine') }
          ]}
        />
      </Section>
      <Section title="设置">
        <ElderModeSwitch />
        <LinkList
          items={[
            { title: '隐私保护指引', description: '我们如何使用和保护您的信息', onClick: () => openPrivacyGuide(PRIVACY_PAGE_URL) },
            isH5() && { title: '退出登录', description: '换一个演示账号', onClick: signOut },
            { title: '注销账号', description: '删除我的个人信息', danger: true, onClick: () => void remove.run() }
          ]}
        />
      </Section>
    </View>
  )
}

export default function MinePage() {
  return (
    <PageShell>
      <MineHome />
    </PageShell>
  )
}
