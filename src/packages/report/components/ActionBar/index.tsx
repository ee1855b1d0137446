// The actions a person may take here, as big buttons; one that needs a reason or photos opens its form in
// place. After it succeeds: a toast, and the page reloads to show the new state. A screen someone else
// changed meanwhile (CONFLICT) reloads too, after the server's sentence.
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { BigButton } from '@/components/BigButton'
import { useAction } from '@/hooks/useAction'
import { CloudError } from '@/services/cloud'
import type { ActionSpec } from '../../actions'
import { ActionForm } from '../ActionForm'
import './index.css'

export interface ActionBarProps {
  actions: ActionSpec[]
  reload: () => Promise<void>
}

export function ActionBar({ actions, reload }: ActionBarProps) {
  const [open, setOpen] = useState<string | null>(null)
  const finish = async (spec: ActionSpec, work: () => Promise<unknown>) => {
    try {
      await work()
    } catch (e) {
      if (e instanceof CloudError && e.code === 'CONFLICT') await reload()
      throw e
    }
    setOpen(null)
    void Taro.showToast({ title: spec.done, icon: 'none', duration: 2000 })
    await reload()
  }
  const direct = useAction(async (spec: ActionSpec) => {
    if (spec.confirm) {
      const res = await Taro.showModal({ ...spec.confirm, confirmColor: '#C8102E', cancelText: '再想想' })
      if (!res.confirm) return
    }
    if (spec.direct) await finish(spec, spec.direct)
  })
  if (!actions.length) return null
  const opened = actions.find((a) => a.key === open)
  return (
    <View className="report-actions">
      <View className="report-actions__buttons">
        {actions.map((a) => (
          <BigButton
            key={a.key}
            size="normal"
            fill={a.main ? 'solid' : 'outline'}
            loading={direct.running && !a.form}
            onClick={() => (a.form ? setOpen(open === a.key ? null : a.key) : void direct.run(a))}
          >
            {a.label}
          </BigButton>
        ))}
      </View>
      {opened?.form && (
        <ActionForm
          key={opened.key}
          title={opened.form.title}
          fields={opened.form.fields}
          submitText={opened.form.submitText}
          onSubmit={(values) => finish(opened, () => opened.form!.submit(values))}
          onCancel={() => setOpen(null)}
        />
      )}
    </View>
  )
}
