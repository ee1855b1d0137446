// The claimer reports delivery: a note and at least one photo. The beneficiary is then asked to confirm.
import { Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { WISH_LIMITS } from '@contract/enums'
import type { WishDetail } from '@contract/schemas/wish'
import { BigButton } from '@/components/BigButton'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { useAction } from '@/hooks/useAction'
import { call } from '@/services/cloud'
import { Field } from '@/components/Field'
import { PhotoPicker, type Photo } from '../components/PhotoPicker'
import { WithWish } from '../components/WishSummary'
import { serverFieldErrors } from '@/utils/form'
import { pageUrl } from '@/routes'
import { goBack } from '@/services/navigation'

function FulfilForm({ wish }: { wish: WishDetail }) {
  const [note, setNote] = useState('')
  const [photos, setPhotos] = useState<Photo[]>([])
  const [errors, setErrors] = useState<Record<string, string>>({})
  const send = useAction(async () => {
    try {
      await call('wish', 'fulfil', { wishId: wish.id, note, photos: photos.map((p) => p.fileId) })
    } catch (e) {
      setErrors(serverFieldErrors(e))
      throw e
    }
    void Taro.showToast({ title: '已提交，等待受助人确认', icon: 'none', duration: 2500 })
    goBack(pageUrl('wish', 'detail', { id: wish.id }))
  })
  if (!wish.can.fulfil) return <StateView state="empty" title="这个心愿现在不需要您上传实现情况" />
  return (
    <Section title="实现情况">
      <Field
        label="说明"
        required
        error={errors.note}
        max={WISH_LIMITS.note}
        value={note}
        hint="如：台灯已送到，并帮忙装好。请不要写受助人的姓名、电话和住址。"
      >
        <Textarea
          className="llt-textarea llt-textarea--tall"
          value={note}
          maxlength={WISH_LIMITS.note}
          onInput={(e) => setNote(e.detail.value)}
        />
      </Field>
      <Field
        label="照片"
        required
        error={errors.photos}
        hint={wish.private?.isChild ? '' : '照片可能公开展示，请不要拍到受助人的面部和门牌号'}
      >
        <PhotoPicker value={photos} onChange={setPhotos} max={WISH_LIMITS.photos} />
      </Field>
      <View className="llt-actions">
        <BigButton block loading={send.running} onClick={() => void send.run()}>
          提交
        </BigButton>
      </View>
    </Section>
  )
}

export default function WishFulfilPage() {
  return (
    <PageShell>
      <WithWish>{(wish) => <FulfilForm wish={wish} />}</WithWish>
    </PageShell>
  )
}
