// 个人报到: an in-service party member registers with the community they live in. The shared schema
// checks every field on the device with the server's own messages; the server has the last word.
import { Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { Me } from '@contract'
import {
  PARTY_LIMITS,
  RegisterMemberInput,
  SERVICE_INTENTIONS,
  SERVICE_INTENTION_LABELS,
  type ServiceIntention,
  type UnitOption
} from '@contract/schemas/party'
import { BigButton } from '@/components/BigButton'
import { CommunityPicker } from '@/components/CommunityPicker'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { useAction } from '@/hooks/useAction'
import { useSignedIn } from '@/hooks/useMe'
import { useRemote } from '@/hooks/useRemote'
import { pageUrl } from '@/routes'
import { call } from '@/services/cloud'
import { Chips } from '@/components/Chips'
import { Field, TextArea, TextInput } from '@/components/Field'
import { newRequestId, type FieldErrors } from '@/utils/form'
import { checkThenSend } from '@/utils/validate'
import { splitTags } from '../shared/text'
import './index.css'

interface Draft {
  communityId: string | null
  name: string
  phone: string
  /** null: a unit not registered with the community, typed in `workUnit`. */
  unitId: string | null
  workUnit: string
  branch: string
  skills: string
  intentions: ServiceIntention[]
  pledge: string
}

const INTENTION_OPTIONS = SERVICE_INTENTIONS.map((i) => ({ value: i, label: SERVICE_INTENTION_LABELS[i] }))
const OTHER_UNIT = '其他单位（手动填写）'

const emptyDraft = (me: Me): Draft => ({
  communityId: me.communityId,
  name: me.realName ?? '',
  phone: '',
  unitId: null,
  workUnit: '',
  branch: '',
  skills: '',
  intentions: [],
  pledge: ''
})

export const toInput = (d: Draft, requestId: string) => ({
  requestId,
  communityId: d.communityId ?? '',
  name: d.name,
  phone: d.phone,
  ...(d.unitId ? { unitId: d.unitId } : { workUnit: d.workUnit }),
  branch: d.branch,
  skills: splitTags(d.skills),
  intentions: d.intentions,
  pledge: d.pledge
})

function UnitPicker({
  units,
  value,
  onChange
}: {
  units: UnitOption[]
  value: string | null
  onChange: (unit: UnitOption | null) => void
}) {
  const names = [...units.map((u) => u.name), OTHER_UNIT]
  const index = value ? units.findIndex((u) => u.id === value) : units.length
  return (
    <Picker mode="selector" range={names} value={Math.max(index, 0)} onChange={(e) => onChange(units[Number(e.detail.value)] ?? null)}>
      <View className="llt-input party-register__picker">
        <Text>{value ? units[index]?.name : OTHER_UNIT}</Text>
        <Text className="party-register__arrow">›</Text>
      </View>
    </Picker>
  )
}

function RegisterForm() {
  const me = useSignedIn()
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(me))
  const [errors, setErrors] = useState<FieldErrors>({})
  const requestId = useRef(newRequestId())
  const mine = useRemote(() => call('party', 'myRegistration'), [])
  const units = useRemote(() => call('party', 'listUnits', { communityId: draft.communityId as string }), [draft.communityId], {
    enabled: Boolean(draft.communityId)
  })
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }))

  const submit = useAction(() =>
    checkThenSend(RegisterMemberInput, toInput(draft, requestId.current), setErrors, async () => {
      await call('party', 'registerMember', toInput(draft, requestId.current))
      void Taro.showToast({ title: '已提交，请等待社区审核', icon: 'none' })
      void Taro.redirectTo({ url: pageUrl('party', 'status') })
    })
  )

  const active = mine.data?.registration
  const supersedes = active && (active.status === 'pending' || active.status === 'approved')
  return (
    <>
      {supersedes && (
        <Section>
          <Text className="party-register__notice">
            您已在{active.communityName}提交过报到（{active.status === 'approved' ? '已通过' : '待审核'}
            ）。提交新的报到后，原来的报到将结束。
          </Text>
        </Section>
      )}
      <Section>
        <Field label="报到社区" required hint="您居住地所在的社区" error={errors.communityId}>
          <CommunityPicker value={draft.communityId} label={null} onChange={(c) => set({ communityId: c.id, unitId: null })} />
        </Field>
      </Section>
      <Section title="个人信息">
        <Field label="姓名" required error={errors.name}>
          <TextInput label="姓名" value={draft.name} onChange={(name) => set({ name })} placeholder="请填写真实姓名" />
        </Field>
        <Field label="手机号" required error={errors.phone} hint="只有您本人和社区工作人员能看到完整号码">
          <TextInput label="手机号" type="number" value={draft.phone} onChange={(phone) => set({ phone })} placeholder="11位手机号" />
        </Field>
        <Field label="工作单位" required error={errors.unitId ?? errors.workUnit} hint="单位已到本社区报到的，请从列表中选择">
          <UnitPicker
            units={units.data ?? []}
            value={draft.unitId}
            onChange={(unit) => set(unit ? { unitId: unit.id, branch: draft.branch || unit.org } : { unitId: null })}
          />
          {!draft.unitId && (
            <TextInput
              label="工作单位名称"
              value={draft.workUnit}
              onChange={(workUnit) => set({ workUnit })}
              placeholder="请填写单位名称"
            />
          )}
        </Field>
        <Field label="所在党支部" required error={errors.branch}>
          <TextInput label="所在党支部" value={draft.branch} onChange={(branch) => set({ branch })} placeholder="如：某某单位机关党支部" />
        </Field>
      </Section>
      <Section title="特长和服务意向">
        <Field label="特长" error={Object.entries(errors).find(([k]) => k.startsWith('skills'))?.[1]} hint="多个特长用空格或逗号分开">
          <TextInput label="特长" value={draft.skills} onChange={(skills) => set({ skills })} placeholder="如：法律咨询 书法 电器维修" />
        </Field>
        <Field label="服务意向" error={errors.intentions}>
          <Chips
            label="服务意向"
            multiple
            options={INTENTION_OPTIONS}
            value={draft.intentions}
            onChange={(intentions) => set({ intentions })}
          />
        </Field>
      </Section>
      <Section title="我的承诺">
        <Field
          label="公开承诺"
          required
          error={errors.pledge}
          max={PARTY_LIMITS.pledge}
          value={draft.pledge}
          hint="审核通过后，承诺会和您的党员身份一起展示"
        >
          <TextArea
            label="公开承诺"
            value={draft.pledge}
            onChange={(pledge) => set({ pledge })}
            placeholder="如：每月至少参加一次社区志愿服务"
          />
        </Field>
      </Section>
      <View className="llt-submit">
        <BigButton loading={submit.running} onClick={() => void submit.run()}>
          提交报到
        </BigButton>
      </View>
    </>
  )
}

export default function RegisterPage() {
  return (
    <PageShell>
      <RegisterForm />
    </PageShell>
  )
}
