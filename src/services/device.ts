// Privacy-scoped device APIs, each behind ensurePrivacy(). Feature code uses these, never Taro's directly.
// Pictures are in services/album: on h5 Taro's chooseImage brings a user-agent parser that pages using
// location or scanning (the first screen among them) should not load.
import Taro from '@tarojs/taro'
import { CloudError } from './cloud'
import { isH5 } from './platform'
import { ensurePrivacy } from './privacy'

export interface LatLng {
  lat: number
  lng: number
}

export interface Position {
  location: LatLng
  /** Meters, as the phone reported it; absent when it did not. */
  accuracy?: number
}

/** The person's location (GCJ-02 on weapp, as WeChat maps use; WGS-84 in the browser) and its accuracy. */
export async function getPosition(): Promise<Position> {
  await ensurePrivacy()
  try {
    const res = await Taro.getLocation({ type: isH5() ? 'wgs84' : 'gcj02' })
    const location = { lat: res.latitude, lng: res.longitude }
    return Number.isFinite(res.accuracy) && res.accuracy >= 0 ? { location, accuracy: res.accuracy } : { location }
  } catch {
    throw new CloudError({ code: 'FAILED_PRECONDITION', message: '没能获取您的位置，请检查定位权限，或手动选择社区' })
  }
}

export const getLocation = async (): Promise<LatLng> => (await getPosition()).location

/** Scans a QR code with the camera (check-in codes, pickup codes); undefined when cancelled. */
export async function scanCode(): Promise<string | undefined> {
  await ensurePrivacy()
  try {
    const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
    return res.result
  } catch {
    return undefined
  }
}
