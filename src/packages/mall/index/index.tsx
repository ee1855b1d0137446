// Entry of the points supermarket (subpackage "mall").
import { Text } from '@tarojs/components'
import { PageHeader } from '@/components/PageHeader'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { Steps } from '@/components/Steps'

const HOW_TO_REDEEM = [
  { title: '挑选商品', description: '爱心商家捐赠的生活用品，标明所需积分和库存' },
  { title: '兑换', description: '扣除积分后生成取货码，每人每期限兑数量' },
  { title: '凭码取货', description: '到指定地点出示取货码，由商家或工作人员核销' },
  { title: '过期退还', description: '未按时领取自动取消，积分退回' }
]

export default function MallEntryPage() {
  return (
    <PageShell>
      <PageHeader title='积分超市' subtitle='志愿积分，兑换生活好物' />
      <Section title='怎么兑换'>
        <Steps steps={HOW_TO_REDEEM} />
      </Section>
      <Section title='积分从哪里来'>
        <Text className='llt-text-secondary'>参加志愿活动并完成签到签退，按服务时长获得积分。积分的每一笔变动都有记录可查。</Text>
      </Section>
    </PageShell>
  )
}
