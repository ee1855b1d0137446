import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { QrScanner } from './index'

// The components project resolves ./camera to camera.h5.ts, as the h5 build does (test/components/resolver.js).
jest.mock('jsqr', () => ({ __esModule: true, default: jest.fn(() => ({ data: 'LLT-VOL:en_abc.59112345.sig' })) }))

const setMediaDevices = (getUserMedia: jest.Mock | undefined) =>
  Object.defineProperty(navigator, 'mediaDevices', { value: getUserMedia ? { getUserMedia } : undefined, configurable: true })

function renderScanner() {
  const onCode = jest.fn()
  render(<QrScanner scanLabel="扫码签到" placeholder="输入6位签到码" codeName="签到码" onCode={onCode} />)
  return onCode
}

afterEach(() => {
  setMediaDevices(undefined)
  jest.restoreAllMocks()
})

it('takes a typed code, trimmed', () => {
  const onCode = renderScanner()
  fireEvent.change(screen.getByPlaceholderText('输入6位签到码'), { target: { value: '  ABC DEF ' } })
  fireEvent.click(screen.getByText('确定'))
  expect(onCode).toHaveBeenCalledWith('ABC DEF')
})

it('says in Chinese why when the camera is refused, and keeps the typed code', async () => {
  setMediaDevices(jest.fn().mockRejectedValue(Object.assign(new Error('denied'), { name: 'NotAllowedError' })))
  renderScanner()
  fireEvent.click(screen.getByText('扫码签到'))
  expect((await screen.findByRole('alert')).textContent).toBe(
    '没有摄像头权限，无法扫码。请在浏览器设置中允许本网页使用摄像头后重试，或在下方输入签到码'
  )
  expect(screen.getByPlaceholderText('输入6位签到码')).toBeTruthy()
})

it('says so when the browser has no camera access at all', async () => {
  renderScanner()
  fireEvent.click(screen.getByText('扫码签到'))
  expect((await screen.findByRole('alert')).textContent).toBe('当前浏览器不支持摄像头扫码，请在下方输入签到码')
})

it('decodes the camera frames with jsQR, hands over the first code and turns the camera off', async () => {
  const stopTrack = jest.fn()
  setMediaDevices(jest.fn().mockResolvedValue({ getTracks: () => [{ stop: stopTrack }] }))
  jest.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined)
  jest.spyOn(HTMLMediaElement.prototype, 'readyState', 'get').mockReturnValue(4)
  jest.spyOn(HTMLVideoElement.prototype, 'videoWidth', 'get').mockReturnValue(320)
  jest.spyOn(HTMLVideoElement.prototype, 'videoHeight', 'get').mockReturnValue(240)
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue({
    drawImage: jest.fn(),
    getImageData: (_x: number, _y: number, width: number, height: number) => ({
      data: new Uint8ClampedArray(width * height * 4),
      width,
      height
    })
  } as never)
  const onCode = renderScanner()
  fireEvent.click(screen.getByText('扫码签到'))
  await waitFor(() => expect(onCode).toHaveBeenCalledWith('LLT-VOL:en_abc.59112345.sig'))
  expect(onCode).toHaveBeenCalledTimes(1)
  expect(stopTrack).toHaveBeenCalled()
  expect(document.querySelector('video')).toBeNull()
  expect(screen.getByText('扫码签到')).toBeTruthy()
})
