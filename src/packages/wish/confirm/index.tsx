// The beneficiary (or staff, for a 代录 wish) confirms the wish came true, with a 1–5 rating and thanks.
import { Text, Textarea, View } from '@tarojs/components'
import { CloudImage } from '@/components/CloudImage'
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
import { QuickPhrases, THANKS_PHRASES } from '../components/QuickPhrases'
import { Stars } from '../components/Stars'
import { WithWish } from '../components/WishSummary'
import { revealFirstError, serverFieldErrors } from '@/utils/form'
import { pageUrl } from '@/routes'
import { goBack } from '@/services/navigation'
import './index.css'

function ConfirmForm({ wish }: { wish: WishDetail }) {
  const [rating, setRating] = useState(5)
  const [thanks, setThanks] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const send = useAction(async () => {
    try {
      await call('wish', 'confirm', { wishId: wish.id, rating, thanks })
    } catch (e) {
      setErrors(revealFirstError(serverFieldErrors(e)))
      throw e
    }
    void Taro.showToast({ title: '谢谢您的确认', icon: 'success' })
    // Back to the wish (opened directly: the wish's page), which now shows the thanks.
    goBack(pageUrl('wish', 'detail', { id: wish.id }))
  })
  if (!wish.can.confirm) return <StateView state="empty" title="这个心愿现在不需要您确认" />
  return (
    <>
      {wish.fulfilment && (
        <Section title="认领人说">
          <Text className="wish-confirm__note">{wish.fulfilment.note}</Text>
          <View className="wish-confirm__photos">
            {wish.fulfilment.photos.map((url) => (
              <CloudImage key={url} className="wish-confirm__photo" src={url} />
            ))}
          </View>
        </Section>
      )}
      <Section title="您满意吗">
        <Field label="评分" required error={errors.rating}>
          <Stars value={rating} onChange={setRating} />
        </Field>
        <Field label="感谢留言" required error={errors.thanks} max={WISH_LIMITS.note} value={thanks}>
          <Textarea
            className="llt-textarea llt-textarea--tall"
            value={thanks}
            maxlength={WISH_LIMITS.note}
            placeholder="说声谢谢吧"
            onInput={(e) => setThanks(e.detail.value)}
          />
          <QuickPhrases phrases={THANKS_PHRASES} value={thanks} max={WISH_LIMITS.note} onChange={setThanks} />
        </Field>
        <View className="llt-actions">
          <BigButton block loading={send.running} onClick={() => void send.run()}>
            确认收到
          </BigButton>
        </View>
      </Section>
    </>
  )
}

export default function WishConfirmPage() {
  return (
    <PageShell>
      <WithWish>{(wish) => <ConfirmForm wish={wish} />}</WithWish>
    </PageShell>
  )
}
