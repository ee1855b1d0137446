// 联系方式查看记录: every time someone saw a beneficiary's contact details (a claimer, or staff), newest
// first, for the staff of the community — of one wish when opened from it (`?wishId=`), else of all.
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { ContactView } from '@contract/schemas/wish'
import { PagedList } from '@/components/PagedList'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { usePaged } from '@/hooks/usePaged'
import { call } from '@/services/cloud'
import { formatDateTime } from '@/utils/date'
import { StaffOnly } from '../../party/StaffOnly'
import './index.css'

export const VIEWER_ROLE_LABELS: Record<ContactView['viewerRole'], string> = {
  staff: '社区工作人员',
  member: '在职党员',
  volunteer: '志愿者'
}

export function ContactViewRow({ view }: { view: ContactView }) {
  return (
    <View className="llt-card wish-contacts__row">
      <Text className="wish-contacts__who">
        {view.viewerName}（{VIEWER_ROLE_LABELS[view.viewerRole]}）
      </Text>
      <Text className="wish-contacts__what">查看了“{view.wishTitle}”的联系方式</Text>
      <Text className="llt-text-secondary">{formatDateTime(view.at)}</Text>
    </View>
  )
}

function ContactViews({ communityId, wishId }: { communityId: string; wishId?: string }) {
  const list = usePaged((cursor) => call('wish', 'contactViews', { communityId, wishId, cursor, limit: 20 }), [communityId, wishId])
  return (
    <>
      <Section>
        <Text className="llt-text-secondary">{wishId ? '本心愿' : '本社区心愿'}受助人的姓名、电话和地址每被查看一次，都记录在这里。</Text>
      </Section>
      <PagedList
        paged={list}
        itemKey={(v) => `${v.at}-${v.wishId}-${v.viewerName}`}
        emptyTitle="暂无查看记录"
        renderItem={(v) => <ContactViewRow view={v} />}
      />
    </>
  )
}

export default function ContactViewsPage() {
  const { params } = useRouter()
  return (
    <PageShell>
      <StaffOnly>{(communityId) => <ContactViews communityId={communityId} wishId={params.wishId || undefined} />}</StaffOnly>
    </PageShell>
  )
}
