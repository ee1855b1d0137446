// 我的心愿: the wishes I posted (as beneficiary or 代录) and the ones I claimed, with what waits for me
// on each (fulfil before the deadline, confirm a delivery), paged with pull-down refresh.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { MyWish } from '@contract/schemas/wish'
import { BigButton } from '@/components/BigButton'
import { PagedList } from '@/components/PagedList'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { useSignedIn } from '@/hooks/useMe'
import { usePaged } from '@/hooks/usePaged'
import { call } from '@/services/cloud'
import { Chips, type Chip } from '@/components/Chips'
import { WishCard } from '../../../pages/wish/components/WishCard'
import { formatDeadline } from '../../../pages/wish/format'
import { openPostForm, openWish } from '../../../pages/wish/navigation'
import './index.css'

type As = 'beneficiary' | 'claimer'

const TODO: Record<NonNullable<MyWish['todo']>, string> = {
  fulfil: '待您实现：送达后上传照片',
  confirm: '待您确认：收到后点“确认收到”'
}

function MyWishNotes({ wish, as }: { wish: MyWish; as: As }) {
  const deadline = as === 'claimer' && wish.status === 'claimed' ? formatDeadline(wish.claimDeadline) : null
  return (
    <View className="my-wish__notes">
      {wish.todo && <Text className="my-wish__todo">{TODO[wish.todo]}</Text>}
      {deadline && <Text className="my-wish__deadline">{deadline}</Text>}
      {wish.rejectReason && <Text className="my-wish__reject">驳回理由：{wish.rejectReason}</Text>}
    </View>
  )
}

function MyWishes() {
  const me = useSignedIn()
  const canClaim = me.roles.some((r) => r.role === 'member' || r.role === 'volunteer')
  const [as, setAs] = useState<As>('beneficiary')
  const tabs: Chip<As>[] = [
    { value: 'beneficiary', label: '我许的心愿' },
    ...(canClaim ? [{ value: 'claimer' as const, label: '我认领的心愿' }] : [])
  ]
  const paged = usePaged((cursor) => call('wish', 'mine', { as, cursor, limit: 10 }), [as])
  return (
    <View className="my-wish">
      <Section>
        <Chips scroll label="我的心愿" options={tabs} value={as} onChange={setAs} />
      </Section>
      <PagedList
        paged={paged}
        itemKey={(w) => w.id}
        renderItem={(w) => (
          <WishCard wish={w} onOpen={openWish}>
            <MyWishNotes wish={w} as={as} />
          </WishCard>
        )}
        emptyTitle={as === 'claimer' ? '您还没有认领心愿' : '您还没有许过心愿'}
        emptyDescription={as === 'claimer' ? '去心愿墙看看，有谁需要帮助' : '一个书包、修一盏灯、陪老人聊聊天，都可以是心愿'}
        emptyAction={
          as === 'beneficiary' ? (
            <BigButton className="my-wish__post" onClick={openPostForm}>
              许个心愿
            </BigButton>
          ) : undefined
        }
      />
    </View>
  )
}

export default function MyWishesPage() {
  return (
    <PageShell>
      <MyWishes />
    </PageShell>
  )
}
