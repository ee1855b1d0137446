// 长辈模式 (elder-friendly mode): bigger type and stronger contrast on every page, remembered on the
// device and on the server. The whole row is the tap target.
import { Text, View } from '@tarojs/components'
import { useMe } from '@/hooks/useMe'
import { showError } from '@/services/cloud'
import { Toggle } from '../Toggle'
import './index.css'

export function ElderModeSwitch() {
  const { elderMode, setElderMode } = useMe()
  const change = (on: boolean) => {
    setElderMode(on).catch(showError)
  }
  return (
    <View className="llt-elder-switch" onClick={() => change(!elderMode)}>
      <View className="llt-elder-switch__text">
        <Text className="llt-elder-switch__title">长辈模式</Text>
        <Text className="llt-elder-switch__description">字更大、颜色更清楚、按钮更好点</Text>
      </View>
      <Toggle checked={elderMode} label="长辈模式" onChange={change} />
    </View>
  )
}
