import type { ReactNode } from 'react'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'

/**
 * The staff forms' building blocks: a labelled field, a one-line or a long text
 * input with a stable id (the end-to-end tests type by it), and the end of a
 * form (its error, if any, and the submit button).
 */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className='staff-field'>
      <Text className='staff-field__label'>{label}</Text>
      {children}
    </View>
  )
}

interface InputProps {
  id: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
}

/** A one-line input without a label of its own (in a table row, next to its button); `onConfirm`: the keyboard's enter/search key. */
export function TextInput({ id, value, onChange, placeholder, type, className, onConfirm }: InputProps & { type?: 'text' | 'digit' | 'number'; className?: string; onConfirm?: () => void }) {
  return (
    <Input
      id={id}
      className={`staff-input${className ? ` ${className}` : ''}`}
      value={value}
      type={type ?? 'text'}
      placeholder={placeholder ?? ''}
      onInput={(e) => onChange(e.detail.value)}
      {...(onConfirm ? { confirmType: 'search' as const, onConfirm: () => onConfirm() } : {})}
    />
  )
}

/** A labelled one-line text input. */
export function TextField({ label, ...input }: InputProps & { label: string; type?: 'text' | 'digit' | 'number' }) {
  return (
    <Field label={label}>
      <TextInput {...input} />
    </Field>
  )
}

/** A labelled text area (a note, a pasted card payload). */
export function TextAreaField({ id, label, value, onChange, placeholder, maxlength }: InputProps & { label: string; maxlength: number }) {
  return (
    <Field label={label}>
      <Textarea
        id={id}
        className='staff-input staff-textarea'
        value={value}
        maxlength={maxlength}
        placeholder={placeholder ?? ''}
        onInput={(e) => onChange(e.detail.value)}
      />
    </Field>
  )
}

/** The end of a form: what went wrong (`${id}`'s error text, id `errorId`) and the primary button. */
export function SubmitRow({ id, errorId, error, busy, label, onSubmit }: {
  id: string
  errorId: string
  error: string | null
  busy: boolean
  label: string
  onSubmit: () => void
}) {
  return (
    <>
      {error && <Text id={errorId} className='staff-error-text'>{error}</Text>}
      <Button id={id} className='staff-button staff-button--primary' disabled={busy || undefined} onClick={onSubmit}>
        {label}
      </Button>
    </>
  )
}
