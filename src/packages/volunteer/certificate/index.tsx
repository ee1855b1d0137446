// 志愿服务记录证明: the certificate with its number and issuer. On weapp it is drawn on a canvas and saved
// to the album as a picture; on h5 the page itself is printable (or saved as PDF from the print dialog).
import { Canvas, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useMemo } from 'react'
import type { Certificate } from '@contract/schemas/volunteer'
import { BigButton } from '@/components/BigButton'
import { PageShell } from '@/components/PageShell'
import { StateView } from '@/components/StateView'
import { useAction } from '@/hooks/useAction'
import { useRemote } from '@/hooks/useRemote'
import { CloudError, call } from '@/services/cloud'
import { isWeapp } from '@/services/platform'
import { ensurePrivacy } from '@/services/privacy'
import { certificateText, type CertificateText } from '../certificate'
import { CANVAS_WIDTH, paintCertificate } from './draw'
import './index.css'

const CANVAS_ID = 'vol-certificate-canvas'

type Node2d = { width: number; height: number; getContext: (kind: '2d') => Parameters<typeof paintCertificate>[0] }

function canvasNode(): Promise<Node2d> {
  return new Promise((resolve, reject) => {
    Taro.createSelectorQuery()
      .select(`#${CANVAS_ID}`)
      .fields({ node: true, size: true })
      .exec((res: Array<{ node?: Node2d } | null>) => (res?.[0]?.node ? resolve(res[0].node) : reject(new Error('no canvas'))))
  })
}

/** Draws the certificate and saves it to the album (weapp). */
async function saveAsPicture(t: CertificateText): Promise<void> {
  await ensurePrivacy()
  try {
    const canvas = await canvasNode()
    const ctx = canvas.getContext('2d')
    canvas.width = CANVAS_WIDTH
    canvas.height = paintCertificate(ctx, t, false)
    paintCertificate(ctx, t, true)
    const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: canvas as never } as Taro.canvasToTempFilePath.Option)
    await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath })
  } catch {
    throw new CloudError({ code: 'FAILED_PRECONDITION', message: '没能保存到相册，请在设置中允许保存图片后再试' })
  }
  void Taro.showToast({ title: '已保存到相册', icon: 'success' })
}

function Paper({ t }: { t: CertificateText }) {
  return (
    <View className="vol-cert">
      <Text className="vol-cert__title">{t.title}</Text>
      <Text className="vol-cert__text">{t.opening}</Text>
      <View className="vol-cert__items">
        {t.items.map((line) => (
          <Text key={line} className="vol-cert__item">
            {line}
          </Text>
        ))}
      </View>
      <Text className="vol-cert__text">{t.closing}</Text>
      <Text className="vol-cert__issuer">{t.issuer}</Text>
      <Text className="vol-cert__date">{t.date}</Text>
      <Text className="vol-cert__number">{t.number}</Text>
      <Text className="vol-cert__hint">{t.verifyHint}</Text>
    </View>
  )
}

function CertificateView({ cert }: { cert: Certificate }) {
  const t = useMemo(() => certificateText(cert), [cert])
  const save = useAction(() => saveAsPicture(t))
  return (
    <>
      <Paper t={t} />
      <View className="llt-actions vol-cert__actions">
        {isWeapp() ? (
          <BigButton block loading={save.running} onClick={() => void save.run()}>
            保存为图片
          </BigButton>
        ) : (
          <BigButton block onClick={() => window.print()}>
            打印或另存为PDF
          </BigButton>
        )}
      </View>
      {isWeapp() && <Canvas type="2d" id={CANVAS_ID} className="vol-cert__canvas" />}
    </>
  )
}

function CertificatePage() {
  const cert = useRemote(() => call('volunteer', 'certificate'))
  if (cert.data) return <CertificateView cert={cert.data} />
  if (cert.error) return <StateView state="error" error={cert.error} onRetry={() => void cert.refresh()} fullPage />
  return <StateView state="loading" title="正在出具证明…" fullPage />
}

export default function VolunteerCertificatePage() {
  return (
    <PageShell className="vol-certificate">
      <CertificatePage />
    </PageShell>
  )
}
