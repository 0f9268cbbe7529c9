import { auditUi, fillTemplate, isCivilDate, parseMobile } from '@huzhu/shared'
import type { AuditQuery } from '../lib/admin-api'

/** What the admin typed in an account field: nothing, an account id, or a login phone to look up first. */
export type AccountField = { kind: 'empty' } | { kind: 'id'; id: string } | { kind: 'phone'; phone: string } | { kind: 'invalid' }

const USER_ID = /^usr_[0-9A-HJKMNP-TV-Z]{26}$/

export function readAccountField(typed: string): AccountField {
  const value = typed.trim()
  if (value === '') return { kind: 'empty' }
  if (USER_ID.test(value)) return { kind: 'id', id: value }
  const phone = parseMobile(value)
  return phone.ok ? { kind: 'phone', phone: phone.value } : { kind: 'invalid' }
}

/** The filters as typed. */
export interface AuditForm {
  actor: string
  subject: string
  action: string
  from: string
  to: string
}

export const emptyForm: AuditForm = { actor: '', subject: '', action: '', from: '', to: '' }

/**
 * The form as the server's query: phones turned into account ids by `lookup`
 * (a phone with no account is said so), dates checked. Either the query or the
 * Chinese message of what is wrong.
 */
export async function queryOf(form: AuditForm, lookup: (phone: string) => Promise<string | null>): Promise<{ ok: true; query: AuditQuery } | { ok: false; message: string }> {
  const query: AuditQuery = {}
  for (const [key, typed] of [['actorUserId', form.actor], ['subjectUserId', form.subject]] as const) {
    const field = readAccountField(typed)
    if (field.kind === 'invalid') return { ok: false, message: auditUi.userInvalid }
    if (field.kind === 'id') query[key] = field.id
    if (field.kind === 'phone') {
      const id = await lookup(field.phone)
      if (id === null) return { ok: false, message: fillTemplate(auditUi.userNotFound, { phone: field.phone }) }
      query[key] = id
    }
  }
  for (const [key, typed] of [['from', form.from], ['to', form.to]] as const) {
    const value = typed.trim()
    if (value === '') continue
    if (!isCivilDate(value)) return { ok: false, message: auditUi.dateInvalid }
    query[key] = value
  }
  if (query.from !== undefined && query.to !== undefined && query.to < query.from) return { ok: false, message: auditUi.rangeInvalid }
  if (form.action !== '') query.action = form.action
  return { ok: true, query }
}
