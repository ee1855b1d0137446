// A labelled form row: the control, an optional hint, a "12/100" counter, and the message for this field
// (from the shared schema on the device, or from the server). Inputs take the `llt-input` class (plus
// `llt-input--round` for the rounder look of the volunteer and mall forms); text areas `llt-textarea`.
import { Input, Text, Textarea, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { charCount } from '@/utils/form'
import './index.css'

export interface FieldProps {
  label: string
  required?: boolean
  hint?: string
  error?: string
  /** Shows "12/100" when given with `value`. */
  max?: number
  value?: string
  children: ReactNode
}

export function Field({ label, required, hint, error, max, value, children }: FieldProps) {
  return (
    <View className={`llt-field${error ? ' llt-field--error' : ''}`}>
      <View className="llt-field__head">
        <Text className="llt-field__label">
          {label}
          {required && <Text className="llt-field__required"> *</Text>}
        </Text>
        {max !== undefined && value !== undefined && (
          <Text
            className={`llt-field__counter${charCount(value) > max ? ' llt-field__counter--over' : ''}`}
          >{`${charCount(value)}/${max}`}</Text>
        )}
      </View>
      {children}
      {hint && !error && <Text className="llt-field__hint">{hint}</Text>}
      {error && (
        <View className="llt-field__error" role="alert">
          {error}
        </View>
      )}
    </View>
  )
}

export interface TextInputProps {
  value: string
  onChange: (value: string) => void
  placeholder?: string
  type?: 'text' | 'number'
  label?: string
}

export function TextInput({ value, onChange, placeholder, type = 'text', label }: TextInputProps) {
  return (
    <Input
      className="llt-input"
      type={type}
      value={value}
      placeholder={placeholder}
      ariaLabel={label}
      onInput={(e) => onChange(e.detail.value)}
    />
  )
}

export function TextArea({ value, onChange, placeholder, label }: Omit<TextInputProps, 'type'>) {
  return (
    <Textarea
      className="llt-textarea"
      value={value}
      placeholder={placeholder}
      ariaLabel={label}
      maxlength={-1}
      onInput={(e) => onChange(e.detail.value)}
    />
  )
}
