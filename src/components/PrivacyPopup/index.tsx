// Asks for consent to the privacy guide while ensurePrivacy() waits (see services/privacy.ts).
// Hosted by every PageShell; only the page on screen shows it.
import { Button, Text, View } from '@tarojs/components'
import { useDidHide, useDidShow } from '@tarojs/taro'
import { useState, useSyncExternalStore } from 'react'
import { showError } from '@/services/cloud'
import { isWeapp } from '@/services/platform'
import { agreePrivacy, declinePrivacy, openPrivacyGuide, privacyPrompt } from '@/services/privacy'
import { PRIVACY_PAGE_URL } from '@/routes'
import './index.css'

const AGREE_BUTTON_ID = 'llt-privacy-agree'

export function PrivacyPopup() {
  const open = useSyncExternalStore(privacyPrompt.subscribe, privacyPrompt.isOpen, privacyPrompt.isOpen)
  const [onScreen, setOnScreen] = useState(true)
  const [agreeing, setAgreeing] = useState(false)
  useDidShow(() => setOnScreen(true))
  useDidHide(() => setOnScreen(false))

  if (!open || !onScreen) return null

  const agree = async () => {
    if (agreeing) return
    setAgreeing(true)
    try {
      await agreePrivacy(AGREE_BUTTON_ID)
    } catch (error) {
      showError(error)
    } finally {
      setAgreeing(false)
    }
  }

  // On weapp the tap must come from a button with this openType, so WeChat records the agreement.
  const agreeProps = isWeapp() ? { openType: 'agreePrivacyAuthorization' as const, onAgreePrivacyAuthorization: agree } : { onClick: agree }

  return (
    <View className="llt-privacy" catchMove>
      <View className="llt-privacy__mask" />
      <View className="llt-privacy__dialog" role="dialog" aria-label="用户隐私保护提示">
        <Text className="llt-privacy__title">用户隐私保护提示</Text>
        <Text className="llt-privacy__text">
          为了给您提供附近设施查询、志愿签到、心愿照片上传等服务，我们需要在您使用相关功能时获取位置、相册或摄像头等信息。请您阅读并同意
        </Text>
        <Text className="llt-privacy__link" onClick={() => openPrivacyGuide(PRIVACY_PAGE_URL)}>
          《邻里通用户隐私保护指引》
        </Text>
        <Text className="llt-privacy__text">不同意也可以继续浏览，但无法使用这项功能。</Text>
        <View className="llt-privacy__actions">
          <Button className="llt-privacy__button llt-privacy__button--decline" onClick={declinePrivacy}>
            不同意
          </Button>
          <Button id={AGREE_BUTTON_ID} className="llt-privacy__button llt-privacy__button--agree" disabled={agreeing} {...agreeProps}>
            {agreeing ? '正在提交…' : '同意并继续'}
          </Button>
        </View>
      </View>
    </View>
  )
}
