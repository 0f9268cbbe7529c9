import type { Insertable, Selectable } from 'kysely'

/**
 * Who read or changed whose sensitive data, when, from where. No foreign keys:
 * the log outlives the accounts it names. `fields` is a JSON array of field names.
 */
export interface AuditLogTable {
  id: string
  at: string
  actor_user_id: string | null
  subject_user_id: string | null
  action: string
  resource: string
  fields: string
  ip: string | null
  request_id: string | null
}
export type AuditLogRow = Selectable<AuditLogTable>
export type NewAuditLogRow = Insertable<AuditLogTable>
