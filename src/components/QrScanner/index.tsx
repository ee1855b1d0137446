// Reading a code from a person's screen: on weapp WeChat's scanner (Taro.scanCode); on h5 the camera in the
// page (getUserMedia + jsQR, camera.h5.ts). A box to type the short code is always there as the fallback
// (on weapp only when `typing` is set), and a refused camera says why in a sentence.
import { Input, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { BigButton } from '@/components/BigButton'
import { scanCode } from '@/services/device'
import { isWeapp } from '@/services/platform'
import { startCameraScan } from './camera'
import { CameraProblem, type CameraScan } from './problem'
import './index.css'

export interface QrScannerProps {
  /** The scan button, e.g. 扫码签到. */
  scanLabel: string
  /** The typed-code box's placeholder. */
  placeholder: string
  /** What the code is called in messages, e.g. 签到码. */
  codeName?: string
  /** Offer the text box on weapp too (h5 always has it). */
  typing?: boolean
  busy?: boolean
  /** Why the last code was refused, shown under the entry. */
  problem?: string | null
  onCode: (code: string) => void
}

let hosts = 0

function H5Camera({
  scanLabel,
  codeName,
  busy,
  onCode
}: {
  scanLabel: string
  codeName: string
  busy: boolean
  onCode: (code: string) => void
}) {
  const [hostId] = useState(() => `llt-qr-camera-${++hosts}`)
  const [state, setState] = useState<'off' | 'starting' | 'on'>('off')
  const [problem, setProblem] = useState<string | null>(null)
  const scan = useRef<CameraScan | null>(null)
  const mounted = useRef(true)

  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
      scan.current?.stop()
    }
  }, [])

  const stop = () => {
    scan.current?.stop()
    scan.current = null
    setState('off')
  }
  const start = async () => {
    const host = document.getElementById(hostId)
    if (!host) return
    setProblem(null)
    setState('starting')
    try {
      const started = await startCameraScan(host, codeName, (text) => {
        scan.current = null
        if (!mounted.current) return
        setState('off')
        onCode(text)
      })
      if (!mounted.current) return started.stop()
      scan.current = started
      setState('on')
    } catch (e) {
      if (!mounted.current) return
      setState('off')
      setProblem(e instanceof CameraProblem ? e.message : `无法打开摄像头，请在下方输入${codeName}`)
    }
  }

  return (
    <View className="llt-qr-scanner__camera">
      <View id={hostId} className={`llt-qr-scanner__view${state === 'off' ? ' llt-qr-scanner__view--off' : ''}`} />
      {state === 'off' ? (
        <BigButton block loading={busy} onClick={() => void start()}>
          {scanLabel}
        </BigButton>
      ) : (
        <BigButton block fill="outline" loading={state === 'starting'} onClick={stop}>
          {state === 'starting' ? '正在打开摄像头…' : '关闭摄像头'}
        </BigButton>
      )}
      {state === 'on' && <View className="llt-qr-scanner__hint">请把二维码放在画面中间</View>}
      {problem && (
        <View className="llt-qr-scanner__problem" role="alert">
          {problem}
        </View>
      )}
    </View>
  )
}

export function QrScanner({ scanLabel, placeholder, codeName = '码', typing = false, busy = false, problem, onCode }: QrScannerProps) {
  const [text, setText] = useState('')
  const weapp = isWeapp()
  const scanInApp = async () => {
    const code = await scanCode()
    if (code) onCode(code)
  }
  const submit = () => {
    const code = text.trim()
    if (code) onCode(code)
  }
  return (
    <View className="llt-qr-scanner">
      {weapp ? (
        <BigButton block loading={busy} onClick={() => void scanInApp()}>
          {scanLabel}
        </BigButton>
      ) : (
        <H5Camera scanLabel={scanLabel} codeName={codeName} busy={busy} onCode={onCode} />
      )}
      {(typing || !weapp) && (
        <View className="llt-qr-scanner__typed">
          <Input
            className="llt-input llt-input--round llt-qr-scanner__input"
            value={text}
            placeholder={placeholder}
            onInput={(e) => setText(e.detail.value)}
            onConfirm={submit}
          />
          <BigButton block fill="outline" loading={busy} disabled={!text.trim()} onClick={submit}>
            确定
          </BigButton>
        </View>
      )}
      {problem && (
        <View className="llt-qr-scanner__problem" role="alert">
          {problem}
        </View>
      )}
    </View>
  )
}
