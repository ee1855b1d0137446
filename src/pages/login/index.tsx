// h5 demo login: the local cloud's seeded users by role; tapping one signs in as them.
// (On weapp WeChat signs the person in; this page is not in the weapp build.)
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageHeader } from '@/components/PageHeader'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { useAction } from '@/hooks/useAction'
import { useMe } from '@/hooks/useMe'
import { useRemote } from '@/hooks/useRemote'
import { tabUrl } from '@/routes'
import { fetchDemoUsers, groupByRole, type DemoUser } from '@/services/demo'
import './index.css'

function DemoUsers() {
  const { signIn } = useMe()
  const users = useRemote(fetchDemoUsers)
  const enter = useAction(async (user: DemoUser) => {
    await signIn(user.openid)
    await Taro.switchTab({ url: tabUrl('lifeCircle') })
  })

  if (users.loading && !users.data) return <StateView state="loading" />
  if (users.error) return <StateView state="error" title="没能读取演示账号" error={users.error} onRetry={() => void users.refresh()} />
  const groups = groupByRole(users.data ?? [])
  if (groups.length === 0) return <StateView state="empty" title="还没有演示账号" description="请先为本地云导入演示数据" />

  return (
    <>
      {groups.map((group) => (
        <Section key={group.role} title={group.label}>
          {group.users.map((user) => (
            <View key={user.openid} className="login__user" hoverClass="login__user--pressed" onClick={() => void enter.run(user)}>
              <Text className="login__name">{user.nickName}</Text>
              <Text className="login__label">{user.label}</Text>
            </View>
          ))}
        </Section>
      ))}
    </>
  )
}

export default function LoginPage() {
  return (
    <PageShell requireSignIn={false}>
      <PageHeader title="邻里通 演示登录" subtitle="选择一个身份进入，体验不同角色看到的内容" />
      <DemoUsers />
    </PageShell>
  )
}
