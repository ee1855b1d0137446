// What the app keeps on the device: the h5 demo identity, the elder-mode switch (for an instant start) and
// a random per-install id sent with check-ins, so staff see when one phone checked in several people.
import Taro from '@tarojs/taro'

export const STORAGE_KEYS = {
  /** h5 only: the openid of the demo user chosen on the login page. */
  openid: 'llt.openid',
  elderMode: 'llt.elderMode',
  installId: 'llt.installId'
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

const randomId = () => Array.from({ length: 4 }, () => Math.random().toString(36).slice(2, 8).padEnd(6, '0')).join('')

/** This installation's random id, made on first use; not a secret, and nothing of the person or the phone. */
export function installId(): string {
  const stored = read<string>(STORAGE_KEYS.installId)
  if (stored && /^[a-z0-9]{24}$/.test(stored)) return stored
  const made = randomId()
  Taro.setStorageSync(STORAGE_KEYS.installId, made)
  return made
}
