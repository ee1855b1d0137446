// 志愿者注册审核: the registrations of the staff member's community that wait for vetting, oldest first.
// Only an approved volunteer may claim wishes (docs/pillars/volunteer.md); staff call the number to vet.
import { Text } from '@tarojs/components'
import { PagedList } from '@/components/PagedList'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { usePaged } from '@/hooks/usePaged'
import { call } from '@/services/cloud'
import { StaffOnly } from '../../party/StaffOnly'
import { VolunteerItem } from './VolunteerItem'
import './index.css'

function PendingVolunteers({ communityId }: { communityId: string }) {
  const list = usePaged((cursor) => call('volunteer', 'pendingVolunteers', { communityId, cursor, limit: 10 }), [communityId])
  return (
    <>
      <Section>
        <Text className="llt-text-secondary">请电话核实本人身份后再审核。通过后，志愿者可以认领微心愿。</Text>
      </Section>
      <PagedList
        paged={list}
        itemKey={(v) => v.volunteerNo}
        emptyTitle="没有待审核的志愿者"
        renderItem={(v) => <VolunteerItem volunteer={v} onDone={() => void list.refresh().catch(() => undefined)} />}
      />
    </>
  )
}

export default function VolunteerReviewPage() {
  return (
    <PageShell>
      <StaffOnly>{(communityId) => <PendingVolunteers communityId={communityId} />}</StaffOnly>
    </PageShell>
  )
}
