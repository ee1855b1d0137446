// 共建项目 (项目清单): projects agreed between the community and its registered units — listed, added
// and updated by staff.
import { Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import {
  PARTY_LIMITS,
  PROJECT_STATUSES,
  PROJECT_STATUS_LABELS,
  UpsertProjectInput,
  type Project,
  type ProjectStatus
} from '@contract/schemas/party'
import { BigButton } from '@/components/BigButton'
import { PagedList } from '@/components/PagedList'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { useAction } from '@/hooks/useAction'
import { usePaged } from '@/hooks/usePaged'
import { useRemote } from '@/hooks/useRemote'
import { call } from '@/services/cloud'
import { Chips } from '@/components/Chips'
import { Field, TextArea, TextInput } from '@/components/Field'
import { newRequestId, type FieldErrors } from '@/utils/form'
import { checkThenSend } from '@/utils/validate'
import { StaffOnly } from '../StaffOnly'
import '../review/index.css'

const STATUS_OPTIONS = PROJECT_STATUSES.map((s) => ({ value: s, label: PROJECT_STATUS_LABELS[s] }))

interface Draft {
  projectId?: string
  unitId: string | null
  title: string
  content: string
  status: ProjectStatus
}
const EMPTY: Draft = { unitId: null, title: '', content: '', status: 'planned' }

function ProjectForm({
  communityId,
  draft,
  setDraft,
  onSaved
}: {
  communityId: string
  draft: Draft
  setDraft: (d: Draft) => void
  onSaved: () => void
}) {
  const units = useRemote(() => call('party', 'listUnits', { communityId }), [communityId])
  const options = units.data ?? []
  const [errors, setErrors] = useState<FieldErrors>({})
  const requestId = useRef(newRequestId())
  const save = useAction(async () => {
    const input = {
      requestId: requestId.current,
      ...(draft.projectId ? { projectId: draft.projectId } : {}),
      unitId: draft.unitId ?? '',
      title: draft.title,
      content: draft.content,
      status: draft.status
    }
    await checkThenSend(
      UpsertProjectInput,
      input,
      setErrors,
      async () => {
        await call('party', 'upsertProject', input)
        requestId.current = newRequestId()
        setDraft(EMPTY)
        onSaved()
        void Taro.showToast({ title: '已保存', icon: 'success' })
      },
      { toast: false }
    )
  })
  const index = options.findIndex((u) => u.id === draft.unitId)
  return (
    <Section title={draft.projectId ? '修改项目' : '登记共建项目'}>
      <Field label="共建单位" required error={errors.unitId}>
        <Picker
          mode="selector"
          range={options.map((u) => u.name)}
          value={Math.max(index, 0)}
          onChange={(e) => setDraft({ ...draft, unitId: options[Number(e.detail.value)]?.id ?? null })}
        >
          <View className="llt-input">
            <Text>{index >= 0 ? options[index].name : '请选择已报到的单位'}</Text>
          </View>
        </Picker>
      </Field>
      <Field label="项目名称" required error={errors.title} max={PARTY_LIMITS.projectTitle} value={draft.title}>
        <TextInput label="项目名称" value={draft.title} onChange={(title) => setDraft({ ...draft, title })} />
      </Field>
      <Field label="项目内容" required error={errors.content} max={PARTY_LIMITS.projectContent} value={draft.content}>
        <TextArea label="项目内容" value={draft.content} onChange={(content) => setDraft({ ...draft, content })} />
      </Field>
      <Field label="状态">
        <Chips label="项目状态" options={STATUS_OPTIONS} value={draft.status} onChange={(status) => setDraft({ ...draft, status })} />
      </Field>
      <View className="llt-actions">
        <BigButton loading={save.running} onClick={() => void save.run()}>
          保存
        </BigButton>
        {draft.projectId && (
          <BigButton type="default" onClick={() => setDraft(EMPTY)}>
            取消修改
          </BigButton>
        )}
      </View>
    </Section>
  )
}

function ProjectRow({ project, onEdit }: { project: Project; onEdit: () => void }) {
  return (
    <View className="llt-card review__card">
      <View className="review__head">
        <Text className="review__name">{project.title}</Text>
        <Text>{PROJECT_STATUS_LABELS[project.status]}</Text>
      </View>
      <Text className="llt-text-secondary">{project.unitName}</Text>
      <Text>{project.content}</Text>
      <Text className="review__more" onClick={onEdit}>
        修改
      </Text>
    </View>
  )
}

function Projects({ communityId }: { communityId: string }) {
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const list = usePaged((cursor) => call('party', 'listProjects', { communityId, cursor, limit: 20 }), [communityId])
  return (
    <>
      <ProjectForm communityId={communityId} draft={draft} setDraft={setDraft} onSaved={() => void list.refresh()} />
      <PagedList
        paged={list}
        itemKey={(p) => p.id}
        emptyTitle="还没有共建项目"
        renderItem={(p) => (
          <ProjectRow
            project={p}
            onEdit={() => setDraft({ projectId: p.id, unitId: p.unitId, title: p.title, content: p.content, status: p.status })}
          />
        )}
      />
    </>
  )
}

export default function ProjectsPage() {
  return (
    <PageShell>
      <StaffOnly>{(communityId) => <Projects communityId={communityId} />}</StaffOnly>
    </PageShell>
  )
}
