// The resources a unit offers (资源清单): each a kind (场地, 技能, 志愿者, 资金), a name, a quantity and a
// note. Edited as text, turned into items when the form is sent.
import { Text, View } from '@tarojs/components'
import {
  RESOURCE_KINDS,
  RESOURCE_KIND_LABELS,
  RESOURCE_QUANTITY_UNITS,
  type ResourceItem,
  type ResourceKind
} from '@contract/schemas/party'
import { BigButton } from '@/components/BigButton'
import type { FieldErrors } from '@/utils/form'
import { Chips } from '@/components/Chips'
import { Field, TextInput } from '@/components/Field'
import './index.css'

export interface ResourceDraft {
  kind: ResourceKind
  name: string
  quantity: string
  detail: string
}

export const toDraft = (r: ResourceItem): ResourceDraft => ({
  kind: r.kind,
  name: r.name,
  quantity: r.quantity === undefined ? '' : String(r.quantity),
  detail: r.detail ?? ''
})

/** Drafts as the schema expects them; a quantity that is not a number is passed on for the schema to refuse. */
export const fromDrafts = (drafts: ResourceDraft[]) =>
  drafts.map((d) => ({
    kind: d.kind,
    name: d.name,
    ...(d.detail.trim() ? { detail: d.detail } : {}),
    ...(d.quantity.trim() ? { quantity: Number(d.quantity) } : {})
  }))

const KIND_OPTIONS = RESOURCE_KINDS.map((k) => ({ value: k, label: RESOURCE_KIND_LABELS[k] }))

export interface ResourceEditorProps {
  value: ResourceDraft[]
  onChange: (value: ResourceDraft[]) => void
  errors?: FieldErrors
  /** The path of the list in the form's errors, e.g. "resources". */
  path?: string
}

export function ResourceEditor({ value, onChange, errors = {}, path = 'resources' }: ResourceEditorProps) {
  const patch = (i: number, change: Partial<ResourceDraft>) => onChange(value.map((d, k) => (k === i ? { ...d, ...change } : d)))
  const error = (i: number, field: string) => errors[`${path}.${i}.${field}`]
  return (
    <View className="party-resources">
      {value.length === 0 && <Text className="llt-text-secondary">还没有资源，点下面的按钮添加</Text>}
      {value.map((d, i) => (
        <View key={i} className="party-resources__item">
          <View className="party-resources__head">
            <Text className="party-resources__index">资源 {i + 1}</Text>
            <Text className="party-resources__remove" onClick={() => onChange(value.filter((_, k) => k !== i))}>
              删除
            </Text>
          </View>
          <Field label="类型" required error={error(i, 'kind')}>
            <Chips label="资源类型" options={KIND_OPTIONS} value={d.kind} onChange={(kind) => patch(i, { kind })} />
          </Field>
          <Field label="名称" required error={error(i, 'name')} max={30} value={d.name}>
            <TextInput label="资源名称" value={d.name} onChange={(name) => patch(i, { name })} placeholder="如：党员活动室、法律咨询" />
          </Field>
          <Field label={`数量（${RESOURCE_QUANTITY_UNITS[d.kind]}）`} error={error(i, 'quantity')}>
            <TextInput label="数量" type="number" value={d.quantity} onChange={(quantity) => patch(i, { quantity })} placeholder="可不填" />
          </Field>
          <Field label="说明" error={error(i, 'detail')} max={200} value={d.detail}>
            <TextInput label="资源说明" value={d.detail} onChange={(detail) => patch(i, { detail })} placeholder="开放时间、使用条件等" />
          </Field>
        </View>
      ))}
      {errors[path] && (
        <View className="llt-field__error" role="alert">
          {errors[path]}
        </View>
      )}
      <BigButton type="default" onClick={() => onChange([...value, { kind: 'venue', name: '', quantity: '', detail: '' }])}>
        添加一项资源
      </BigButton>
    </View>
  )
}
