// Privacy-scoped device APIs, each behind ensurePrivacy(). Feature code uses these, never Taro's directly.
import Taro from '@tarojs/taro'
import { CloudError } from './cloud'
import { isH5 } from './platform'
import { ensurePrivacy } from './privacy'

export interface LatLng {
  lat: number
  lng: number
}

/** The person's location (GCJ-02 on weapp, as WeChat maps use; WGS-84 in the browser). */
export async function getLocation(): Promise<LatLng> {
  await ensurePrivacy()
  try {
    const res = await Taro.getLocation({ type: isH5() ? 'wgs84' : 'gcj02' })
    return { lat: res.latitude, lng: res.longitude }
  } catch {
    throw new CloudError({ code: 'FAILED_PRECONDITION', message: '没能获取您的位置，请检查定位权限，或手动选择社区' })
  }
}

/** Pictures from the album or camera; answers local paths for uploadImage(). */
export async function chooseImages(count = 1): Promise<string[]> {
  await ensurePrivacy()
  try {
    const res = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    return res.tempFilePaths
  } catch {
    return [] // the person closed the picker
  }
}

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
