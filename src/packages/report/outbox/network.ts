// Weapp: WeChat tells when the phone is connected again.
import Taro from '@tarojs/taro'

export function onReconnect(listener: () => void): void {
  Taro.onNetworkStatusChange((res) => {
    if (res.isConnected) listener()
  })
}
