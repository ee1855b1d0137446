// Every picture stored in cloud storage (goods, covers, facility and wish photos, avatars) is shown
// through this: on h5 a `cloud://` id becomes a temporary URL first (services/files), the weapp's
// <image> reads it directly. While resolving, or when the file is gone, a grey tile keeps the layout.
import { Image, View, type ImageProps } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useFileUrl } from '@/hooks/useFileUrl'
import { fileUrls } from '@/services/files'
import './index.css'

export interface CloudImageProps {
  src: string | null | undefined
  className?: string
  mode?: ImageProps['mode']
  lazyLoad?: boolean
  /** Read aloud; also names the placeholder. */
  label?: string
  onClick?: () => void
}

export function CloudImage({ src, className = '', mode = 'aspectFill', lazyLoad, label, onClick }: CloudImageProps) {
  const url = useFileUrl(src)
  if (!url)
    return (
      <View
        className={`llt-cloud-image llt-cloud-image--${url === undefined ? 'loading' : 'missing'} ${className}`}
        role="img"
        ariaLabel={label ?? (url === undefined ? '图片加载中' : '图片暂不可用')}
        onClick={onClick}
      />
    )
  return <Image className={className} src={url} mode={mode} lazyLoad={lazyLoad} ariaLabel={label} onClick={onClick} />
}

/** Opens pictures full screen, cloud files resolved as CloudImage does. */
export async function previewCloudImages(srcs: string[], current: string): Promise<void> {
  const urls = await fileUrls(srcs)
  const at = srcs.indexOf(current)
  await Taro.previewImage({ urls: urls.filter(Boolean), current: urls[at] || urls[0] }).catch(() => undefined)
}
