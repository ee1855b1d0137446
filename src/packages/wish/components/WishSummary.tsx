// The wish a form acts on, loaded by the id in the page URL; renders the form once it is known.
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { ReactNode } from 'react'
import type { WishDetail } from '@contract/schemas/wish'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { useRemote } from '@/hooks/useRemote'
import { call } from '@/services/cloud'

export function WithWish({ children }: { children: (wish: WishDetail) => ReactNode }) {
  const id = useRouter().params.id ?? ''
  const wish = useRemote(() => call('wish', 'detail', { wishId: id }), [id], { enabled: Boolean(id) })
  if (!id) return <StateView state="error" title="没有找到这个心愿" fullPage />
  if (!wish.data)
    return wish.error ? (
      <StateView state="error" error={wish.error} onRetry={() => void wish.refresh()} fullPage />
    ) : (
      <StateView state="loading" fullPage />
    )
  return (
    <View className="wish-form">
      <Section title={wish.data.title}>
        <Text className="llt-text-secondary">
          {wish.data.beneficiaryDisplay}的心愿 · {wish.data.communityName}
        </Text>
      </Section>
      {children(wish.data)}
    </View>
  )
}
