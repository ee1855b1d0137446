// A button that opens a reason box before acting: 驳回, 放弃认领, 退回, 取消需求, 退出报到.
import { View } from '@tarojs/components'
import { useState } from 'react'
import { BigButton } from '@/components/BigButton'
import { Field, TextArea } from '@/components/Field'
import './index.css'

export interface ReasonFormProps {
  /** The button that opens the box, e.g. "驳回". */
  action: string
  /** e.g. "驳回理由" */
  label: string
  placeholder?: string
  /** A reason may be left empty (the server fills in a default). */
  optional?: boolean
  max?: number
  running?: boolean
  onSubmit: (reason: string) => Promise<unknown>
}

export function ReasonForm({ action, label, placeholder, optional = false, max = 200, running = false, onSubmit }: ReasonFormProps) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string>()

  if (!open) {
    return (
      <BigButton type="default" className="party-reason__open" onClick={() => setOpen(true)}>
        {action}
      </BigButton>
    )
  }
  const submit = async () => {
    const text = reason.trim()
    if (!optional && !text) return setError(`请填写${label}`)
    if ([...text].length > max) return setError(`${label}不能超过${max}个字`)
    setError(undefined)
    const done = await onSubmit(text)
    if (done !== undefined) setOpen(false)
  }
  return (
    <View className="party-reason">
      <Field label={label} required={!optional} error={error} max={max} value={reason}>
        <TextArea value={reason} onChange={setReason} placeholder={placeholder} label={label} />
      </Field>
      <View className="party-reason__buttons">
        <BigButton type="primary" loading={running} onClick={() => void submit()}>
          确定{action}
        </BigButton>
        <BigButton type="default" onClick={() => setOpen(false)}>
          取消
        </BigButton>
      </View>
    </View>
  )
}
