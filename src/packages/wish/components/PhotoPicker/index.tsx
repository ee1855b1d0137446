// Photos for a wish or a delivery: pick from the album or camera (behind the privacy consent), upload
// each through the shell's uploadImage, remove with a tap. The form submits the uploaded file ids.
import { Image, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { useSignedIn } from '@/hooks/useMe'
import { showError, uploadImage } from '@/services/cloud'
import { chooseImages } from '@/services/album'
import './index.css'

export interface Photo {
  fileId: string
  /** A local path for the preview. */
  preview: string
}

export interface PhotoPickerProps {
  value: Photo[]
  onChange: (photos: Photo[]) => void
  max: number
  /** Shown under the tiles, e.g. that a child's photo stays private. */
  note?: string
}

export function PhotoPicker({ value, onChange, max, note }: PhotoPickerProps) {
  const { openid } = useSignedIn()
  const [uploading, setUploading] = useState(0)

  const add = async () => {
    const paths = await chooseImages(max - value.length).catch((e) => {
      showError(e)
      return [] as string[]
    })
    if (!paths.length) return
    setUploading(paths.length)
    const added: Photo[] = []
    try {
      for (const path of paths) {
        added.push({ fileId: await uploadImage(path, openid), preview: path })
        setUploading((n) => n - 1)
      }
    } catch (e) {
      showError(e)
    } finally {
      setUploading(0)
      if (added.length) onChange([...value, ...added].slice(0, max))
    }
  }

  return (
    <View className="wish-photos">
      <View className="wish-photos__grid">
        {value.map((p) => (
          <View key={p.fileId} className="wish-photos__tile">
            <Image className="wish-photos__image" src={p.preview} mode="aspectFill" />
            <View
              className="wish-photos__remove"
              role="button"
              aria-label="删除这张照片"
              onClick={() => onChange(value.filter((x) => x !== p))}
            >
              ✕
            </View>
          </View>
        ))}
        {value.length < max && (
          <View className="wish-photos__add" role="button" aria-label="添加照片" onClick={() => void (uploading ? undefined : add())}>
            <Text className="wish-photos__plus">{uploading ? '…' : '+'}</Text>
            <Text className="wish-photos__add-label">{uploading ? `上传中(${uploading})` : '添加照片'}</Text>
          </View>
        )}
      </View>
      {note && <Text className="llt-text-secondary">{note}</Text>}
    </View>
  )
}
