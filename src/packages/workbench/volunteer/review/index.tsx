// 志愿者注册审核: the registrations of the staff member's community that wait for vetting, oldest first.
// Only an approved volunteer may claim wishes (docs/pillars/volunteer.md); staff call the number to vet.
import { Text } from '@tarojs/components'
import type { PendingVolunteer } from '@contract/schemas/volunteer'
import { PagedList } from '@/components/PagedList'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { usePaged } from '@/hooks/usePaged'
import { useDeskWidth } from '@/hooks/useDeskWidth'
import { Table, type TableColumn } from '@/components/Table'
import { formatDateTime } from '@/utils/date'
import { call } from '@/services/cloud'
import { StaffOnly } from '../../party/StaffOnly'
import { VolunteerDecision, VolunteerItem } from './VolunteerItem'
import './index.css'

/** At PC width: the registrations as a table, oldest first, filtered by name or number, the decision last. */
function VolunteerTable({ rows, onDone }: { rows: PendingVolunteer[]; onDone: () => void }) {
  const columns: Array<TableColumn<PendingVolunteer>> = [
    { key: 'name', title: '姓名', value: (v) => v.realName },
    { key: 'no', title: '志愿者编号', value: (v) => v.volunteerNo },
    { key: 'phone', title: '手机号', value: (v) => v.phone },
    { key: 'idCard', title: '身份证', value: (v) => v.idCardMasked },
    { key: 'skills', title: '特长', value: (v) => (v.skills.length ? v.skills.join('、') : null) },
    { key: 'at', title: '登记时间', value: (v) => Date.parse(v.registeredAt), render: (v) => formatDateTime(v.registeredAt) },
    {
      key: 'actions',
      title: '操作',
      fixed: true,
      grow: 1.5,
      value: () => null,
      render: (v) => <VolunteerDecision volunteer={v} onDone={onDone} />
    }
  ]
  return (
    <Table
      columns={columns}
      rows={rows}
      rowKey={(v) => v.volunteerNo}
      initialSort={{ key: 'at', order: 'asc' }}
      filter={{ placeholder: '输入姓名或志愿者编号筛选', text: (v) => `${v.realName} ${v.volunteerNo}` }}
    />
  )
}

function PendingVolunteers({ communityId }: { communityId: string }) {
  const list = usePaged((cursor) => call('volunteer', 'pendingVolunteers', { communityId, cursor, limit: 10 }), [communityId])
  const desk = useDeskWidth()
  const done = () => void list.refresh().catch(() => undefined)
  return (
    <>
      <Section>
        <Text className="llt-text-secondary">请电话核实本人身份后再审核。通过后，志愿者可以认领微心愿。</Text>
      </Section>
      <PagedList
        paged={list}
        itemKey={(v) => v.volunteerNo}
        emptyTitle="没有待审核的志愿者"
        renderItem={(v) => <VolunteerItem volunteer={v} onDone={done} />}
        renderAll={desk ? (rows) => <VolunteerTable rows={rows} onDone={done} /> : undefined}
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
