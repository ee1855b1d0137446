// A labelled form row: the control, an optional hint, and the message for this field (from the shared
// schema on the device, or from the server).
import { Input, Text, Textarea, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { charCount } from '../../shared/text'
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
    <View className={`party-field${error ? ' party-field--error' : ''}`}>
      <View className='party-field__label'>
        <Text>
          {label}
          {required && <Text className='party-field__required'> *</Text>}
        </Text>
        {max !== undefined && value !== undefined && (
          <Text className={`party-field__counter${charCount(value) > max ? ' party-field__counter--over' : ''}`}>
            {charCount(value)}/{max}
          </Text>
        )}
      </View>
      {children}
      {hint && !error && <Text className='party-field__hint'>{hint}</Text>}
      {error && (
        <View className='party-field__error' role='alert'>
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
      className='party-input'
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
      className='party-textarea'
      value={value}
      placeholder={placeholder}
      ariaLabel={label}
      maxlength={-1}
      onInput={(e) => onChange(e.detail.value)}
    />
  )
}
