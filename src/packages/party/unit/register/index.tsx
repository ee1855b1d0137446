// 单位报到 form: the unit, its party organisation, a contact and the resources it offers. ?unitId=…
// resubmits one's own rejected registration with its fields filled in.
import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { PARTY_LIMITS, RegisterUnitInput, type Unit } from '@contract/schemas/party'
import { BigButton } from '@/components/BigButton'
import { CommunityPicker } from '@/components/CommunityPicker'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { useAction } from '@/hooks/useAction'
import { useSignedIn } from '@/hooks/useMe'
import { useRemote } from '@/hooks/useRemote'
import { pageUrl } from '@/routes'
import { call } from '@/services/cloud'
import { Field, TextInput } from '@/components/Field'
import { ResourceEditor, fromDrafts, toDraft, type ResourceDraft } from '../../components/ResourceEditor'
import { newRequestId, type FieldErrors } from '@/utils/form'
import { checkThenSend } from '@/utils/validate'

interface Draft {
  communityId: string | null
  name: string
  org: string
  contactName: string
  contactPhone: string
  resources: ResourceDraft[]
}

const fromUnit = (u: Unit): Draft => ({
  communityId: u.communityId,
  name: u.name,
  org: u.org,
  contactName: u.contactName,
  contactPhone: '',
  resources: u.resources.map(toDraft)
})

function UnitForm() {
  const me = useSignedIn()
  const { params } = useRouter()
  const unitId = typeof params.unitId === 'string' && params.unitId ? params.unitId : undefined
  const [draft, setDraft] = useState<Draft>({
    communityId: me.communityId,
    name: '',
    org: '',
    contactName: me.realName ?? '',
    contactPhone: '',
    resources: []
  })
  const [errors, setErrors] = useState<FieldErrors>({})
  const requestId = useRef(newRequestId())
  const mine = useRemote(() => call('party', 'myUnit'), [], { enabled: Boolean(unitId) })
  useEffect(() => {
    const unit = mine.data?.find((u) => u.id === unitId)
    if (unit) setDraft(fromUnit(unit))
  }, [mine.data, unitId])
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }))

  const input = () => ({
    requestId: requestId.current,
    ...(unitId ? { unitId } : {}),
    communityId: draft.communityId ?? '',
    name: draft.name,
    org: draft.org,
    contactName: draft.contactName,
    contactPhone: draft.contactPhone,
    resources: fromDrafts(draft.resources)
  })

  const submit = useAction(() =>
    checkThenSend(RegisterUnitInput, input(), setErrors, async () => {
      await call('party', 'registerUnit', input())
      void Taro.showToast({ title: '已提交，请等待社区审核', icon: 'none' })
      void Taro.redirectTo({ url: pageUrl('party', 'unit') })
    })
  )

  return (
    <>
      <Section>
        <Field label="报到社区" required error={errors.communityId}>
          <CommunityPicker value={draft.communityId} label={null} onChange={(c) => set({ communityId: c.id })} />
        </Field>
      </Section>
      <Section title="单位信息">
        <Field label="单位名称" required error={errors.name} max={PARTY_LIMITS.unitName} value={draft.name}>
          <TextInput label="单位名称" value={draft.name} onChange={(name) => set({ name })} placeholder="如：江城市某某局" />
        </Field>
        <Field label="党组织名称" required error={errors.org} max={PARTY_LIMITS.unitName} value={draft.org}>
          <TextInput label="党组织名称" value={draft.org} onChange={(org) => set({ org })} placeholder="如：某某局机关党支部" />
        </Field>
        <Field label="联系人" required error={errors.contactName}>
          <TextInput label="联系人" value={draft.contactName} onChange={(contactName) => set({ contactName })} />
        </Field>
        <Field label="联系电话" required error={errors.contactPhone} hint="只有社区工作人员和本单位管理员能看到完整号码">
          <TextInput
            label="联系电话"
            type="number"
            value={draft.contactPhone}
            onChange={(contactPhone) => set({ contactPhone })}
            placeholder="11位手机号"
          />
        </Field>
      </Section>
      <Section title="资源清单">
        <ResourceEditor value={draft.resources} onChange={(resources) => set({ resources })} errors={errors} />
      </Section>
      <View className="llt-submit">
        <BigButton loading={submit.running} onClick={() => void submit.run()}>
          {unitId ? '重新提交' : '提交单位报到'}
        </BigButton>
      </View>
    </>
  )
}

export default function UnitRegisterPage() {
  return (
    <PageShell>
      <UnitForm />
    </PageShell>
  )
}
