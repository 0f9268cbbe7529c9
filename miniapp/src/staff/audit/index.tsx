import { useEffect, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { AUDIT_EXPORT_LIMIT, auditUi, fillTemplate, staffPageTitles, type AuditEntry } from '@huzhu/shared'
import { ApiError } from '../../api/errors'
import { StaffGate } from '../components/StaffGate'
import { downloadAuditLog, fetchAuditLog, lookupUser, type AuditQuery } from '../lib/admin-api'
import { param } from '../lib/staff-routes'
import { useSubmit } from '../lib/use-submit'
import { AuditEntryRow } from './AuditEntryRow'
import { AuditFilters } from './AuditFilters'
import { emptyForm, queryOf, type AuditForm } from './audit-query'
import '../staff.scss'
import './audit.scss'

const PAGE = '50'

/** A login phone's account id, or null when no account signs in with it. */
async function accountIdOf(phone: string): Promise<string | null> {
  try {
    return (await lookupUser(phone)).id
  } catch (failure) {
    if (failure instanceof ApiError && failure.status === 404) return null
    throw failure
  }
}

/**
 * The audit log for an admin: who read or changed what, newest first, filtered
 * by who did it, whose account, what and which days (accounts by login phone or
 * id), a page at a time; and the same filters exported as a spreadsheet.
 */
function AuditDesk() {
  const params = useRouter().params
  const [form, setForm] = useState<AuditForm>({ ...emptyForm, actor: param(params, 'actorUserId') ?? '', subject: param(params, 'subjectUserId') ?? '' })
  const [applied, setApplied] = useState<AuditQuery | null>(null)
  const [entries, setEntries] = useState<AuditEntry[] | null>(null)
  const [nextBefore, setNextBefore] = useState<string | null>(null)
  const list = useSubmit()
  const exporting = useSubmit()

  const search = (current: AuditForm) => list.run(async () => {
    const result = await queryOf(current, accountIdOf)
    if (!result.ok) throw new ApiError('http', { status: 400, message: result.message })
    const page = await fetchAuditLog({ ...result.query, limit: PAGE })
    setApplied(result.query)
    setEntries(page.entries)
    setNextBefore(page.nextBefore)
  })

  const more = () => list.run(async () => {
    if (applied === null || nextBefore === null) return
    const page = await fetchAuditLog({ ...applied, before: nextBefore, limit: PAGE })
    setEntries((shown) => [...(shown ?? []), ...page.entries])
    setNextBefore(page.nextBefore)
  })

  // Opened: the newest entries (of the account the link names).
  useEffect(() => {
    void search(form)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, with the link's filters
  }, [])

  return (
    <View id='audit-desk' className='staff-wrap audit-desk'>
      <View className='staff-card'>
        <Text className='staff-card__title'>{staffPageTitles.audit}</Text>
        <AuditFilters
          form={form}
          onChange={setForm}
          busy={list.busy}
          onSearch={() => void search(form)}
          onClear={() => {
            setForm(emptyForm)
            void search(emptyForm)
          }}
        />
        {list.error && <Text id='audit-error' className='staff-error-text'>{list.error}</Text>}
        {applied && (
          <View className='staff-row audit-export'>
            <Button id='audit-export' className='staff-button' disabled={exporting.busy || undefined} onClick={() => void exporting.run(() => downloadAuditLog(applied))}>
              {auditUi.export}
            </Button>
            <Text className='staff-muted'>{fillTemplate(auditUi.exportHint, { limit: AUDIT_EXPORT_LIMIT })}</Text>
          </View>
        )}
        {exporting.error && <Text id='audit-export-error' className='staff-error-text'>{exporting.error}</Text>}
      </View>
      {entries && (
        <View id='audit-entries' className='staff-card audit-entries' data-count={entries.length}>
          {entries.length === 0 && <Text id='audit-empty' className='staff-muted'>{auditUi.empty}</Text>}
          {entries.map((entry) => <AuditEntryRow key={entry.id} entry={entry} />)}
          {entries.length > 0 && <Text className='staff-muted'>{fillTemplate(auditUi.count, { count: entries.length })}</Text>}
          {nextBefore && (
            <Button id='audit-more' className='staff-button' disabled={list.busy || undefined} onClick={() => void more()}>{auditUi.more}</Button>
          )}
        </View>
      )}
    </View>
  )
}

export default function AuditPage() {
  return (
    <View className='staff-page'>
      <StaffGate page='audit'>{() => <AuditDesk />}</StaffGate>
    </View>
  )
}
