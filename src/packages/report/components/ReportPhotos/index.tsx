// Pictures for a report, kept on the phone until the report is sent (so a report made without network
// keeps them): chosen from the album or camera, or — `placed`, for evidence — taken with the camera now,
// each with the place and time the phone recorded (asked for behind the privacy consent).
import { Image, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { LatLng } from '@contract/schemas/common'
import { showError } from '@/services/cloud'
import { chooseImages } from '@/services/album'
import { getPosition } from '@/services/device'
import './index.css'

export interface LocalPhoto {
  /** A local path (temporary file on weapp, blob: URL on h5). */
  path: string
  /** `placed` photos: where and when it was taken. */
  location?: LatLng
  takenAt?: string
}

export interface ReportPhotosProps {
  value: LocalPhoto[]
  onChange: (photos: LocalPhoto[]) => void
  max: number
  /** Evidence: camera only, the phone's location recorded with each picture. */
  placed?: boolean
  note?: string
}

export function ReportPhotos({ value, onChange, max, placed = false, note }: ReportPhotosProps) {
  const [busy, setBusy] = useState(false)

  const add = async () => {
    setBusy(true)
    try {
      const paths = await chooseImages(max - value.length, { cameraOnly: placed })
      if (!paths.length) return
      const where = placed ? await getPosition() : null
      const takenAt = new Date().toISOString()
      const added = paths.map((path) => (where ? { path, location: where.location, takenAt } : { path }))
      onChange([...value, ...added].slice(0, max))
    } catch (e) {
      showError(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="report-photos">
      <View className="report-photos__grid">
        {value.map((p, i) => (
          <View key={p.path} className="report-photos__tile">
            <Image className="report-photos__image" src={p.path} mode="aspectFill" />
            <View
              className="report-photos__remove"
              role="button"
              aria-label={`删除第${i + 1}张照片`}
              onClick={() => onChange(value.filter((x) => x !== p))}
            >
              ✕
            </View>
          </View>
        ))}
        {value.length < max && (
          <View
            className="report-photos__add"
            role="button"
            aria-label={placed ? '拍照' : '添加照片'}
            onClick={() => void (busy ? undefined : add())}
          >
            <Text className="report-photos__plus">{busy ? '…' : '+'}</Text>
            <Text className="report-photos__label">{placed ? '现场拍照' : '拍照/相册'}</Text>
          </View>
        )}
      </View>
      <Text className="llt-text-secondary">{`已选${value.length}张，最多${max}张${placed ? '；拍照时会记录位置，证明在现场处置' : ''}`}</Text>
      {note && <Text className="llt-text-secondary">{note}</Text>}
    </View>
  )
}
