// 资源清单: the unit's admin keeps the resources it offers the community up to date.
import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { UpdateResourcesInput } from '@contract/schemas/party'
import { BigButton } from '@/components/BigButton'
import { PageShell } from '@/components/PageShell'
import { Section } from '@/components/Section'
import { StateView } from '@/components/StateView'
import { useAction } from '@/hooks/useAction'
import { useRemote } from '@/hooks/useRemote'
import { call } from '@/services/cloud'
import { ResourceEditor, fromDrafts, toDraft, type ResourceDraft } from '../../components/ResourceEditor'
import type { FieldErrors } from '@/utils/form'
import { checkThenSend } from '@/utils/validate'

function ResourcesForm() {
  const { params } = useRouter()
  const unitId = String(params.unitId ?? '')
  const units = useRemote(() => call('party', 'myUnit'), [])
  const unit = units.data?.find((u) => u.id === unitId)
  const [drafts, setDrafts] = useState<ResourceDraft[] | null>(null)
  const [errors, setErrors] = useState<FieldErrors>({})
  useEffect(() => {
    if (unit && drafts === null) setDrafts(unit.resources.map(toDraft))
  }, [unit, drafts])

  const save = useAction(() => {
    const input = { unitId, resources: fromDrafts(drafts ?? []) }
    return checkThenSend(UpdateResourcesInput, input, setErrors, async () => {
      await call('party', 'updateResources', input)
      void Taro.showToast({ title: '资源清单已保存', icon: 'success' })
    })
  })

  if (!units.data)
    return <StateView state={units.error ? 'error' : 'loading'} error={units.error} onRetry={() => void units.refresh()} fullPage />
  if (!unit) return <StateView state="empty" title="没有找到这个单位" fullPage />
  if (drafts === null) return <StateView state="loading" fullPage />
  return (
    <>
      <Section title={`${unit.name} · 资源清单`}>
        <ResourceEditor value={drafts} onChange={setDrafts} errors={errors} />
      </Section>
      <View className="llt-submit">
        <BigButton loading={save.running} onClick={() => void save.run()}>
          保存
        </BigButton>
      </View>
    </>
  )
}

export default function UnitResourcesPage() {
  return (
    <PageShell>
      <ResourcesForm />
    </PageShell>
  )
}
