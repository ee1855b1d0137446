// A fake camera for Chromium: a Y4M video (raw I420 frames) of a QR code, for
// `--use-file-for-fake-video-capture`. Chromium reads the header when it lists the devices (at launch) and
// the frames when a page opens the camera, so a placeholder of the same size is written first and the
// code's video later, just before the scan.
import { writeFileSync } from 'node:fs'
import qrcode from 'qrcode-generator'

export const CAMERA = { width: 640, height: 480 }
const [BLACK, WHITE, NEUTRAL] = [16, 235, 128]
const FRAMES = 3

function y4m(luma: Uint8Array): Buffer {
  const { width, height } = CAMERA
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`)
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, NEUTRAL)
  const frame = Buffer.concat([Buffer.from('FRAME\n'), Buffer.from(luma), chroma])
  return Buffer.concat([header, ...Array.from({ length: FRAMES }, () => frame)])
}

/** A grey-white picture, the camera before anything is held up to it. */
export function writeBlankCamera(file: string): void {
  writeFileSync(file, y4m(new Uint8Array(CAMERA.width * CAMERA.height).fill(WHITE)))
}

/** The QR code of `text`, black on white with its quiet zone, centred in the camera's picture. */
export function writeQrCamera(file: string, text: string): void {
  const qr = qrcode(0, 'M')
  qr.addData(text)
  qr.make()
  const modules = qr.getModuleCount()
  const { width, height } = CAMERA
  const cell = Math.floor((Math.min(width, height) * 0.9) / (modules + 8))
  const left = Math.floor((width - modules * cell) / 2)
  const top = Math.floor((height - modules * cell) / 2)
  const luma = new Uint8Array(width * height).fill(WHITE)
  for (let r = 0; r < modules; r++)
    for (let c = 0; c < modules; c++) {
      if (!qr.isDark(r, c)) continue
      for (let y = 0; y < cell; y++)
        luma.fill(BLACK, (top + r * cell + y) * width + left + c * cell, (top + r * cell + y) * width + left + (c + 1) * cell)
    }
  writeFileSync(file, y4m(luma))
}
