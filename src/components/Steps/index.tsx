// A numbered "how it works" list: 1 提交心愿 → 2 社区审核 → …
import { Text, View } from '@tarojs/components'
import './index.css'

export interface Step {
  title: string
  description?: string
}

export interface StepsProps {
  steps: ReadonlyArray<Step>
}

export function Steps({ steps }: StepsProps) {
  return (
    <View className="llt-steps">
      {steps.map((step, index) => (
        <View key={step.title} className="llt-steps__step">
          <Text className="llt-steps__number">{index + 1}</Text>
          <View className="llt-steps__text">
            <Text className="llt-steps__title">{step.title}</Text>
            {step.description && <Text className="llt-steps__description">{step.description}</Text>}
          </View>
        </View>
      ))}
    </View>
  )
}
