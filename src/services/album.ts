// Pictures from the album or camera, behind ensurePrivacy() like the other device APIs (services/device).
import Taro from '@tarojs/taro'
import { ensurePrivacy } from './privacy'

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
