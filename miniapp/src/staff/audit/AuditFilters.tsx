import { Button, View } from '@tarojs/components'
import { auditActionLabels, auditActions, auditUi } from '@huzhu/shared'
import { ChipsField } from '../components/Chips'
import { TextField } from '../components/Field'
import type { AuditForm } from './audit-query'

const ANY = 'any'

/** The audit log's filters: who did it, whose account, what, which days. */
export function AuditFilters({ form, onChange, busy, onSearch, onClear }: {
  form: AuditForm
  onChange: (form: AuditForm) => void
  busy: boolean
  onSearch: () => void
  onClear: () => void
}) {
  const set = (key: keyof AuditForm) => (value: string) => onChange({ ...form, [key]: value })
  return (
    <View id='audit-filters' className='audit-filters'>
      <View className='audit-filters__pair'>
        <TextField id='audit-actor' label={auditUi.actor} value={form.actor} onChange={set('actor')} placeholder={auditUi.userPlaceholder} />
        <TextField id='audit-subject' label={auditUi.subject} value={form.subject} onChange={set('subject')} placeholder={auditUi.userPlaceholder} />
      </View>
      <ChipsField
        label={auditUi.action}
        idPrefix='audit-action'
        options={[{ value: ANY, label: auditUi.anyAction }, ...auditActions.map((a) => ({ value: a, label: auditActionLabels[a] }))]}
        selected={[form.action === '' ? ANY : form.action]}
        onChange={([value]) => onChange({ ...form, action: value === undefined || value === ANY ? '' : value })}
      />
      <View className='audit-filters__pair'>
        <TextField id='audit-from' label={auditUi.from} value={form.from} onChange={set('from')} placeholder={auditUi.datePlaceholder} />
        <TextField id='audit-to' label={auditUi.to} value={form.to} onChange={set('to')} placeholder={auditUi.datePlaceholder} />
      </View>
      <View className='staff-row'>
        <Button id='audit-search' className='staff-button staff-button--primary' disabled={busy || undefined} onClick={onSearch}>{auditUi.search}</Button>
        <Button id='audit-clear' className='staff-button' onClick={onClear}>{auditUi.clear}</Button>
      </View>
    </View>
  )
}
