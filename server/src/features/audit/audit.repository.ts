import type { AuditAction } from '@huzhu/shared'
import type { Db } from '../../db/open'
import { newestFirst } from '../../db/paging'
import type { AuditLogRow } from './audit-log.table'

export interface AuditFilter {
  subjectUserId?: string | undefined
  actorUserId?: string | undefined
  action?: AuditAction | undefined
  /** Entries at or after this instant (ISO UTC). */
  from?: string | undefined
  /** Entries before this instant (ISO UTC). */
  until?: string | undefined
}

/**
 * Newest first, `limit` entries older than the id `before` when given. Read
 * along the primary key (ids sort by creation time) and filtered as it goes:
 * the recent days an admin mostly asks for are read first.
 */
export function listAuditEntries(db: Db, filter: AuditFilter & { before?: string | undefined; limit: number }): Promise<AuditLogRow[]> {
  let query = newestFirst(db.selectFrom('audit_log').selectAll(), filter.before, filter.limit)
  if (filter.subjectUserId !== undefined) query = query.where('subject_user_id', '=', filter.subjectUserId)
  if (filter.actorUserId !== undefined) query = query.where('actor_user_id', '=', filter.actorUserId)
  if (filter.action !== undefined) query = query.where('action', '=', filter.action)
  if (filter.from !== undefined) query = query.where('at', '>=', filter.from)
  if (filter.until !== undefined) query = query.where('at', '<', filter.until)
  return query.execute()
}

/** The sealed login phones of these accounts (for showing them masked). */
export function loginPhonesOf(db: Db, userIds: readonly string[]): Promise<{ id: string; phone_ciphertext: string | null }[]> {
  if (userIds.length === 0) return Promise.resolve([])
  return db.selectFrom('users').select(['id', 'phone_ciphertext']).where('id', 'in', [...userIds]).execute()
}
