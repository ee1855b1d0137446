// Before a report is sent: the open reports of the same category nearby. 我也遇到 adds the person to one
// (+1, and they follow it) instead of a new report; or they send theirs anyway, or go back to the form.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ReportCard } from '@contract/schemas/report'
import { BigButton } from '@/components/BigButton'
import { Section } from '@/components/Section'
import { useAction } from '@/hooks/useAction'
import { pageUrl } from '@/routes'
import { call } from '@/services/cloud'
import { ReportItem } from '../ReportItem'
import './index.css'

export interface DuplicatePromptProps {
  duplicates: ReportCard[]
  categoryName: string
  sending: boolean
  onSendAnyway: () => void
  onBack: () => void
}

export function DuplicatePrompt({ duplicates, categoryName, sending, onSendAnyway, onBack }: DuplicatePromptProps) {
  const plusOne = useAction(async (report: ReportCard) => {
    const answer = await call('report', 'plusOne', { reportId: report.id })
    void Taro.showToast({
      title: answer.already ? '您已经点过“我也遇到”，会继续收到进展' : '已记录，问题有进展会通知您',
      icon: 'none',
      duration: 2500
    })
    void Taro.redirectTo({ url: pageUrl('report', 'detail', { id: report.id }) })
  })
  return (
    <View className="report-duplicates">
      <Section title="附近已经有人反映了">
        <Text className="report-duplicates__intro">
          {`附近有${duplicates.length}个正在办理的“${categoryName}”问题。如果是同一个问题，点“我也遇到”，不用重复上报，办理进展会通知您。`}
        </Text>
      </Section>
      {duplicates.map((d) => (
        <ReportItem key={d.id} report={d}>
          <View className="report-duplicates__actions" onClick={(e) => e.stopPropagation()}>
            <BigButton size="normal" loading={plusOne.running} onClick={() => void plusOne.run(d)}>
              我也遇到
            </BigButton>
          </View>
        </ReportItem>
      ))}
      <Section>
        <View className="llt-actions">
          <BigButton block fill="outline" loading={sending} onClick={onSendAnyway}>
            不是同一个问题，继续提交
          </BigButton>
          <BigButton block fill="none" onClick={onBack}>
            返回修改
          </BigButton>
        </View>
      </Section>
    </View>
  )
}
