// What the app keeps on the device: the h5 demo identity and the elder-mode switch (for an instant start).
import Taro from '@tarojs/taro'

export const STORAGE_KEYS = {
  /** h5 only: the openid of the demo user chosen on the login page. */
  openid: 'llt.openid',
  elderMode: 'llt.elderMode'
} as const

function read<T>(key: string): T | undefined {
  try {
    const value = Taro.getStorageSync(key) as T | ''
    return value === '' ? undefined : value
  } catch {
    return undefined
  }
}

export const storedOpenid = (): string | undefined => read<string>(STORAGE_KEYS.openid) || undefined
export const storeOpenid = (openid: string): void => Taro.setStorageSync(STORAGE_KEYS.openid, openid)
export const forgetOpenid = (): void => Taro.removeStorageSync(STORAGE_KEYS.openid)

export const storedElderMode = (): boolean => read<boolean>(STORAGE_KEYS.elderMode) === true
export const storeElderMode = (on: boolean): void => Taro.setStorageSync(STORAGE_KEYS.elderMode, on)
