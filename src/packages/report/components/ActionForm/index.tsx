// One action on a report as a small form that opens in place: a reason, a choice, photos, a score — the
// fields the action needs and nothing more — and one button. The server's field messages land under their
// fields; any refusal is the one toast useAction shows.
import { Input, Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { BigButton } from '@/components/BigButton'
import { Chips, type Chip } from '@/components/Chips'
import { Field } from '@/components/Field'
import { useAction } from '@/hooks/useAction'
import { revealFirstError, serverFieldErrors, type FieldErrors } from '@/utils/form'
import { QuickPhrases } from '../../../wish/components/QuickPhrases'
import { Stars } from '../../../wish/components/Stars'
import { ReportPhotos, type LocalPhoto } from '../ReportPhotos'
import './index.css'

export type FieldSpec =
  | {
      kind: 'text'
      name: string
      label: string
      max: number
      required?: boolean
      /** One line (a name) instead of a text area. */
      short?: boolean
      placeholder?: string
      phrases?: readonly string[]
      hint?: string
    }
  | { kind: 'chips'; name: string; label: string; options: ReadonlyArray<Chip<string>>; required?: boolean; hint?: string }
  | { kind: 'photos'; name: string; label: string; max: number; required?: boolean; placed?: boolean; hint?: string }
  | { kind: 'stars'; name: string; label: string }

export type FormValues = Record<string, string | LocalPhoto[] | number | null>

export interface ActionFormProps {
  title: string
  fields: FieldSpec[]
  submitText: string
  /** Sends the action; throws to keep the form open (the toast is shown for it). */
  onSubmit: (values: FormValues) => Promise<unknown>
  onCancel: () => void
  initial?: FormValues
}

const emptyValue = (f: FieldSpec): FormValues[string] =>
  f.kind === 'photos' ? [] : f.kind === 'stars' ? 5 : f.kind === 'chips' ? null : ''

/** What the phone can say before sending: required fields left empty. */
function missing(fields: FieldSpec[], values: FormValues): FieldErrors {
  const errors: FieldErrors = {}
  for (const f of fields) {
    if (f.kind === 'stars' || !f.required) continue
    const v = values[f.name]
    const empty = v === null || v === '' || (Array.isArray(v) && v.length === 0) || (typeof v === 'string' && !v.trim())
    if (empty) errors[f.name] = f.kind === 'photos' ? `请上传${f.label}` : f.kind === 'chips' ? `请选择${f.label}` : `请填写${f.label}`
  }
  return errors
}

export function ActionForm({ title, fields, submitText, onSubmit, onCancel, initial }: ActionFormProps) {
  const [values, setValues] = useState<FormValues>(() => ({
    ...Object.fromEntries(fields.map((f) => [f.name, emptyValue(f)])),
    ...initial
  }))
  const [errors, setErrors] = useState<FieldErrors>({})
  const set = (name: string, value: FormValues[string]) => setValues((v) => ({ ...v, [name]: value }))

  const send = useAction(async () => {
    const local = missing(fields, values)
    setErrors(revealFirstError(local))
    if (Object.keys(local).length) return
    try {
      await onSubmit(values)
    } catch (e) {
      setErrors(revealFirstError(serverFieldErrors(e, { topLevel: true })))
      throw e
    }
  })

  return (
    <View className="report-action-form" aria-label={title}>
      <Text className="report-action-form__title">{title}</Text>
      {fields.map((f) => {
        const error = errors[f.name]
        if (f.kind === 'text') {
          const value = String(values[f.name] ?? '')
          return (
            <Field key={f.name} label={f.label} required={f.required} error={error} hint={f.hint} max={f.max} value={value}>
              {f.short ? (
                <Input
                  className="llt-input"
                  value={value}
                  maxlength={f.max}
                  placeholder={f.placeholder}
                  onInput={(e) => set(f.name, e.detail.value)}
                />
              ) : (
                <Textarea
                  className="llt-textarea"
                  value={value}
                  maxlength={f.max}
                  placeholder={f.placeholder}
                  onInput={(e) => set(f.name, e.detail.value)}
                />
              )}
              {f.phrases && <QuickPhrases phrases={f.phrases} value={value} max={f.max} onChange={(t) => set(f.name, t)} />}
            </Field>
          )
        }
        if (f.kind === 'chips') {
          return (
            <Field key={f.name} label={f.label} required={f.required} error={error} hint={f.hint}>
              <Chips
                label={f.label}
                options={f.options}
                value={(values[f.name] as string | null) ?? null}
                onChange={(v) => set(f.name, v)}
              />
            </Field>
          )
        }
        if (f.kind === 'photos') {
          return (
            <Field key={f.name} label={f.label} required={f.required} error={error} hint={f.hint}>
              <ReportPhotos value={(values[f.name] as LocalPhoto[]) ?? []} onChange={(p) => set(f.name, p)} max={f.max} placed={f.placed} />
            </Field>
          )
        }
        return (
          <Field key={f.name} label={f.label} error={error}>
            <Stars value={Number(values[f.name] ?? 5)} onChange={(n) => set(f.name, n)} />
          </Field>
        )
      })}
      <View className="report-action-form__buttons">
        <BigButton block loading={send.running} onClick={() => void send.run()}>
          {submitText}
        </BigButton>
        <BigButton block fill="none" onClick={onCancel}>
          取消
        </BigButton>
      </View>
    </View>
  )
}
