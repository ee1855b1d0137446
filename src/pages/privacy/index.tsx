// 用户隐私保护指引: what the app collects, when, why, and how to withdraw.
import { Text, View } from '@tarojs/components'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { privacyVersion } from '@/services/privacy'
import './index.css'

const ITEMS = [
  { title: '位置信息', text: '仅在您查找附近设施、在活动现场签到时获取，用来计算步行距离和核对签到范围。拒绝后仍可手动选择社区。' },
  { title: '手机号和姓名', text: '在您登记志愿者、在职党员报到或许下心愿时填写，用于社区联系您。心愿墙上不会公开您的电话和住址。' },
  { title: '相册和摄像头', text: '在您上传心愿实现照片、扫码签到或核销兑换时使用，只上传您选择的照片。' },
  { title: '保存和删除', text: '信息保存在本社区的云端数据库。您可以在“我的 — 注销账号”中删除个人信息；服务记录会匿名保留。' }
]

export default function PrivacyPage() {
  return (
    <PageShell requireSignIn={false}>
      <View className="privacy__intro">
        <Text className="privacy__title">邻里通用户隐私保护指引</Text>
        <Text className="llt-text-secondary">版本 {privacyVersion()}</Text>
      </View>
      {ITEMS.map((item) => (
        <Section key={item.title} title={item.title}>
          <Text>{item.text}</Text>
        </Section>
      ))}
    </PageShell>
  )
}
