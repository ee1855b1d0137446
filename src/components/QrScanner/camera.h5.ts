// The in-page camera scan of the h5 build: the rear camera through getUserMedia, shown in `host`, a frame
// decoded every 150 ms with jsQR (loaded here, on first use, so it stays out of the first screen).
import { CameraProblem, type StartCameraScan } from './problem'

const FRAME_MS = 150
/** Frames are scaled down to this width before decoding: enough for a QR code held up to the camera. */
const DECODE_WIDTH = 640

/** The sentence a person reads when the camera cannot be used; `codeName` is e.g. 签到码. */
export function cameraProblemOf(error: unknown, codeName: string): string {
  const name = (error as { name?: string } | null)?.name
  const typeIt = `在下方输入${codeName}`
  if (name === 'NotAllowedError' || name === 'SecurityError')
    return `没有摄像头权限，无法扫码。请在浏览器设置中允许本网页使用摄像头后重试，或${typeIt}`
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return `没有找到可用的摄像头，请${typeIt}`
  if (name === 'NotReadableError') return `摄像头正被其他应用占用，请关闭后重试，或${typeIt}`
  return `无法打开摄像头，请${typeIt}`
}

export const startCameraScan: StartCameraScan = async (host, codeName, onCode) => {
  if (!navigator.mediaDevices?.getUserMedia) throw new CameraProblem(`当前浏览器不支持摄像头扫码，请在下方输入${codeName}`)
  let stream: MediaStream
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
  } catch (e) {
    throw new CameraProblem(cameraProblemOf(e, codeName))
  }
  const video = document.createElement('video')
  video.setAttribute('playsinline', 'true')
  video.setAttribute('aria-label', '摄像头画面')
  video.muted = true
  video.srcObject = stream
  host.appendChild(video)
  let timer: ReturnType<typeof setInterval> | undefined
  const stop = () => {
    clearInterval(timer)
    for (const track of stream.getTracks()) track.stop()
    video.srcObject = null
    video.remove()
  }
  try {
    await video.play()
    const { default: jsQR } = await import('jsqr')
    const canvas = document.createElement('canvas')
    const context = canvas.getContext('2d', { willReadFrequently: true })
    if (!context) throw new CameraProblem(`当前浏览器不支持摄像头扫码，请在下方输入${codeName}`)
    timer = setInterval(() => {
      if (video.readyState < 2 || !video.videoWidth) return
      const scale = Math.min(1, DECODE_WIDTH / video.videoWidth)
      canvas.width = Math.round(video.videoWidth * scale)
      canvas.height = Math.round(video.videoHeight * scale)
      context.drawImage(video, 0, 0, canvas.width, canvas.height)
      const frame = context.getImageData(0, 0, canvas.width, canvas.height)
      const found = jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' })
      if (found?.data) {
        stop()
        onCode(found.data)
      }
    }, FRAME_MS)
  } catch (e) {
    stop()
    throw e instanceof CameraProblem ? e : new CameraProblem(cameraProblemOf(e, codeName))
  }
  return { stop }
}
