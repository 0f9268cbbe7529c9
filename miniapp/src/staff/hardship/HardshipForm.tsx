import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { hardshipUi, message, normaliseIdNumber, parseIdNumber, personNameSchema, type HardshipWorker } from '@huzhu/shared'
import { idFieldError } from '../../lib/id-field'
import { useToday } from '../../lib/today'
import { Field, SubmitRow, TextInput } from '../components/Field'
import { useSubmit } from '../lib/use-submit'
import { flagHardshipWorker } from './hardship-api'

/** The name and reason as the server checks them: the shared name rule, a reason of 2 to 200 characters. */
function checkForm(name: string, reason: string): string | null {
  const parsed = personNameSchema.safeParse(name)
  if (!parsed.success) return message(parsed.error.issues[0]?.message === 'name_invalid' ? 'name_invalid' : 'name_required')
  const trimmed = reason.trim()
  if (trimmed.length < 2 || trimmed.length > 200) return hardshipUi.reasonRequired
  return null
}

/** Flags a person by name and ID number (the shared ID check, as typed and on submit), with the reason. */
export function HardshipForm({ onFlagged }: { onFlagged: (worker: HardshipWorker) => void }) {
  const today = useToday()
  const [name, setName] = useState('')
  const [idNumber, setIdNumber] = useState('')
  const [reason, setReason] = useState('')
  const { busy, error, run, fail } = useSubmit()
  const idError = idFieldError(idNumber, today)

  const submit = () => {
    const formError = checkForm(name, reason)
    if (formError) return fail(formError)
    const id = parseIdNumber(normaliseIdNumber(idNumber), today)
    if (!id.ok) return fail(message(id.code, id.params))
    void run(async () => {
      const flagged = await flagHardshipWorker({ name: name.trim(), idNumber: id.value.value, reason: reason.trim() })
      setName('')
      setIdNumber('')
      setReason('')
      onFlagged(flagged)
    })
  }

  return (
    <View id='hardship-form' className='staff-card hardship-form'>
      <Text className='staff-card__title'>{hardshipUi.flagTitle}</Text>
      <Text className='staff-muted'>{hardshipUi.intro}</Text>
      <Field label={hardshipUi.name}>
        <TextInput id='hardship-name' value={name} onChange={setName} placeholder={hardshipUi.namePlaceholder} />
      </Field>
      <Field label={hardshipUi.idNumber}>
        <TextInput id='hardship-id-number' className='hardship-form__id' value={idNumber} onChange={setIdNumber} placeholder={hardshipUi.idNumberPlaceholder} />
        {idError && <Text id='hardship-id-number-error' className='staff-error-text'>{idError}</Text>}
      </Field>
      <Field label={hardshipUi.reason}>
        <TextInput id='hardship-reason' value={reason} onChange={setReason} placeholder={hardshipUi.reasonPlaceholder} />
      </Field>
      <SubmitRow id='hardship-submit' errorId='hardship-error' error={error} busy={busy} label={hardshipUi.submit} onSubmit={submit} />
    </View>
  )
}
