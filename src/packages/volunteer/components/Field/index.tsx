// A labelled form row with an optional hint and the server's message for it (pillar 3 forms).
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.css'

export interface FieldProps {
  label: string
  required?: boolean
  hint?: string
  error?: string
  children: ReactNode
}

export function Field({ label, required, hint, error, children }: FieldProps) {
  return (
    <View className={`vol-field${error ? ' vol-field--error' : ''}`}>
      <Text className='vol-field__label'>
        {label}
        {required && <Text className='vol-field__required'> *</Text>}
      </Text>
      {children}
      {hint && !error && <Text className='vol-field__hint'>{hint}</Text>}
      {error && (
        <View className='vol-field__error' role='alert'>
          {error}
        </View>
      )}
    </View>
  )
}
