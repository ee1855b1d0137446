// A labelled form row with an optional hint and the server's message for it.
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.css'

export interface FieldProps {
  label: string
  required?: boolean
  hint?: string
  error?: string
  /** e.g. "12/30" */
  counter?: string
  children: ReactNode
}

export function Field({ label, required, hint, error, counter, children }: FieldProps) {
  return (
    <View className={`wish-field${error ? ' wish-field--error' : ''}`}>
      <View className='wish-field__label'>
        <Text>
          {label}
          {required && <Text className='wish-field__required'> *</Text>}
        </Text>
        {counter && <Text className='wish-field__counter'>{counter}</Text>}
      </View>
      {children}
      {hint && !error && <Text className='wish-field__hint'>{hint}</Text>}
      {error && (
        <View className='wish-field__error' role='alert'>
          {error}
        </View>
      )}
    </View>
  )
}
