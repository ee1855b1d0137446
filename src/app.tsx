import Taro from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { MeProvider } from '@/hooks/useMe'
import { isWeapp } from '@/services/platform'
import { listenForWeappPrivacyRequests } from '@/services/privacy'
import './app.css'

if (isWeapp()) {
  Taro.cloud.init({ traceUser: true, ...(CLOUD_ENV ? { env: CLOUD_ENV } : {}) })
  listenForWeappPrivacyRequests()
}

// MeProvider signs in on start (weapp: WeChat's identity; h5: the stored demo openid or the login page).
function App({ children }: PropsWithChildren) {
  return <MeProvider>{children}</MeProvider>
}

export default App
