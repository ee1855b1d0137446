// Pictures from the album or camera, behind ensurePrivacy() like the other device APIs (services/device).
import Taro from '@tarojs/taro'
import { ensurePrivacy } from './privacy'

/** Pictures from the album or camera (`cameraOnly`: taken now, e.g. evidence on the spot); answers local paths for uploadImage(). */
export async function chooseImages(count = 1, { cameraOnly = false }: { cameraOnly?: boolean } = {}): Promise<string[]> {
  await ensurePrivacy()
  try {
    const sourceType: Array<'album' | 'camera'> = cameraOnly ? ['camera'] : ['album', 'camera']
    const res = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType })
    return res.tempFilePaths
  } catch {
    return [] // the person closed the picker
  }
}
