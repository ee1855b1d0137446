// A QR code drawn from text with qrcode-generator, as an image (a GIF data URL works in the weapp
// <image> and in the browser alike), with optional digits underneath for reading aloud or typing.
import { Image, Text, View } from '@tarojs/components'
import qrcode from 'qrcode-generator'
import { useMemo } from 'react'
import './index.css'

/** The GIF data URL of `text` as a QR code (error correction M, 4-module quiet zone). */
export function qrDataUrl(text: string, cellSize = 8): string {
  const qr = qrcode(0, 'M')
  qr.addData(text)
  qr.make()
  return qr.createDataURL(cellSize, cellSize * 4)
}

export interface QrCodeProps {
  text: string
  /** Shown large under the code, spaced in threes: 123 456. */
  digits?: string
  label?: string
  /** Greys the code out (expired, refreshing). */
  dimmed?: boolean
}

export function QrCode({ text, digits, label = '二维码', dimmed = false }: QrCodeProps) {
  const src = useMemo(() => qrDataUrl(text), [text])
  return (
    <View className={`points-qr${dimmed ? ' points-qr--dimmed' : ''}`}>
      <Image className="points-qr__image" src={src} mode="aspectFit" aria-label={label} />
      {digits && <Text className="points-qr__digits">{digits.replace(/(\d{3})(?=\d)/g, '$1 ')}</Text>}
    </View>
  )
}
