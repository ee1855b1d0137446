// Create or edit a facility (staff of its community), and close it. Opening hours are typed as text,
// e.g. "周一至周五 08:30-12:00,14:00-17:30；周六 09:00-12:00" or "每天 24小时"; the server checks them.
import { Input, Picker, Switch, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { FACILITY_CATEGORIES } from '@contract/enums'
import type { FacilityDetail } from '@contract/schemas/lifeCircle'
import { BigButton } from '@/components/BigButton'
import { Field } from '@/components/Field'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { useAction } from '@/hooks/useAction'
import { useRemote } from '@/hooks/useRemote'
import { call } from '@/services/cloud'
import { newRequestId, serverFieldErrors } from '@/utils/form'
import { pageUrl } from '@/routes'
import { goBack } from '@/services/navigation'
import { EMPTY_FORM, formOf, payloadOf, type FacilityForm } from './form'
import { LocationPicker } from './LocationPicker'
import './index.css'

export function Editor({ communityId, existing }: { communityId: string; existing: FacilityDetail | null }) {
  const [form, setForm] = useState<FacilityForm>(existing ? formOf(existing) : EMPTY_FORM)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [requestId] = useState(newRequestId)
  const set = <K extends keyof FacilityForm>(key: K, value: FacilityForm[K]) => setForm((f) => ({ ...f, [key]: value }))
  const categoryIndex = Math.max(
    0,
    FACILITY_CATEGORIES.findIndex((c) => c.id === form.category)
  )

  const save = useAction(async () => {
    setErrors({})
    try {
      await call('lifeCircle', 'upsertFacility', { ...payloadOf(form), communityId, ...(existing ? { id: existing.id } : { requestId }) })
    } catch (e) {
      setErrors(serverFieldErrors(e, { topLevel: true }))
      throw e
    }
    void Taro.showToast({ title: '已保存', icon: 'success' })
    setTimeout(() => goBack(pageUrl('workbench', 'facilities')), 600)
  })

  const close = useAction(async () => {
    if (!existing) return
    const answer = await Taro.showModal({
      title: '关闭设施',
      content: '关闭后居民将看不到这个设施，记录会保留。',
      confirmText: '确定关闭',
      confirmColor: '#C8102E',
      // A text box in the dialog (base library 2.17.1+); typed loosely in Taro's declarations.
      ...({ editable: true, placeholderText: '关闭原因（可不填）' } as object)
    })
    if (!answer.confirm) return
    const reason = (answer as { content?: string }).content?.trim()
    await call('lifeCircle', 'closeFacility', { id: existing.id, ...(reason ? { reason } : {}) })
    void Taro.showToast({ title: '已关闭', icon: 'success' })
    setTimeout(() => goBack(pageUrl('workbench', 'facilities')), 600)
  })

  return (
    <View className="wb-form">
      {existing?.status === 'closed' && (
        <Section>
          <Text className="wb-form__closed">该设施已关闭，居民看不到它。</Text>
        </Section>
      )}
      <Section title="基本信息">
        <Field label="名称" required error={errors.name}>
          <Input
            className="llt-input"
            value={form.name}
            maxlength={50}
            placeholder="如：青枫社区长者饭堂"
            onInput={(e) => set('name', e.detail.value)}
          />
        </Field>
        <Field label="类别" required error={errors.category}>
          <Picker
            mode="selector"
            range={FACILITY_CATEGORIES.map((c) => `${c.name}（${c.tier}分钟）`)}
            value={categoryIndex}
            onChange={(e) => set('category', FACILITY_CATEGORIES[Number(e.detail.value)].id)}
          >
            <View className="llt-input wb-form__picker">{FACILITY_CATEGORIES[categoryIndex].name}</View>
          </Picker>
        </Field>
        <Field label="位置" required error={errors.location}>
          <LocationPicker
            communityId={communityId}
            value={form.location}
            onChange={(location, address) => setForm((f) => ({ ...f, location, address: f.address || address || '' }))}
          />
        </Field>
        <Field label="地址" error={errors.address}>
          <Input className="llt-input" value={form.address} maxlength={100} onInput={(e) => set('address', e.detail.value)} />
        </Field>
        <Field label="对外电话" error={errors.phone}>
          <Input
            className="llt-input"
            value={form.phone}
            maxlength={20}
            placeholder="如：0553-2123456"
            onInput={(e) => set('phone', e.detail.value)}
          />
        </Field>
      </Section>
      <Section title="开放时间与服务">
        <Field label="开放时间" required error={errors.hoursText}>
          <Textarea
            className="llt-textarea wb-form__textarea"
            value={form.hoursText}
            maxlength={200}
            autoHeight
            onInput={(e) => set('hoursText', e.detail.value)}
          />
          <Text className="llt-text-secondary">
            例：周一至周五 08:30-12:00,14:00-17:30；周六 09:00-12:00。没写到的日子视为休息，跨夜可写 22:00-02:00。
          </Text>
        </Field>
        <View className="wb-form__switch">
          <Text>法定节假日休息</Text>
          <Switch checked={form.holidaysClosed} color="#C8102E" onChange={(e) => set('holidaysClosed', e.detail.value)} />
        </View>
        <Field label="服务项目（用顿号分隔）" error={errors.services}>
          <Input
            className="llt-input"
            value={form.services}
            placeholder="如：老年助餐、送餐上门"
            onInput={(e) => set('services', e.detail.value)}
          />
        </Field>
      </Section>
      <View className="wb-form__actions">
        <BigButton block loading={save.running} onClick={() => void save.run()}>
          保存
        </BigButton>
        {existing?.status === 'open' && (
          <BigButton block fill="outline" loading={close.running} onClick={() => void close.run()}>
            关闭设施
          </BigButton>
        )}
      </View>
    </View>
  )
}

function EditFacility() {
  const { params } = useRouter()
  const id = params.id
  const facility = useRemote(() => call('lifeCircle', 'facility', { id: id! }), [id], { enabled: Boolean(id) })
  useEffect(() => void Taro.setNavigationBarTitle({ title: id ? '编辑设施' : '新增设施' }), [id])

  if (!id) {
    if (!params.communityId) return <StateView state="error" title="缺少社区信息，请从设施管理进入" fullPage />
    return <Editor communityId={params.communityId} existing={null} />
  }
  if (facility.error) return <StateView state="error" error={facility.error} onRetry={() => void facility.refresh()} fullPage />
  if (!facility.data) return <StateView state="loading" fullPage />
  return <Editor communityId={facility.data.communityId} existing={facility.data} />
}

export default function EditFacilityPage() {
  return (
    <PageShell>
      <EditFacility />
    </PageShell>
  )
}
