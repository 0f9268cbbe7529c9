import type { ReactNode } from 'react'
import { Input, Text, View } from '@tarojs/components'

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className='staff-field'>
      <Text className='staff-field__label'>{label}</Text>
      {children}
    </View>
  )
}

/** A labelled one-line text input with a stable id. */
export function TextField({ id, label, value, onChange, placeholder, type }: {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
  type?: 'text' | 'digit' | 'number'
}) {
  return (
    <Field label={label}>
      <Input
        id={id}
        className='staff-input'
        value={value}
        type={type ?? 'text'}
        placeholder={placeholder ?? ''}
        onInput={(e) => onChange(e.detail.value)}
      />
    </Field>
  )
}
