import type { Db } from '../../db/open'
import { newestFirst } from '../../db/paging'
import type { AuditLogRow } from './audit-log.table'

export interface AuditFilter {
  subjectUserId?: string
  actorUserId?: string
  /** Entries with an id before this one (ids sort by time). */
  before?: string
  limit: number
}

/** Newest first. */
export function listAuditEntries(db: Db, filter: AuditFilter): Promise<AuditLogRow[]> {
  let query = newestFirst(db.selectFrom('audit_log').selectAll(), filter.before, filter.limit)
  if (filter.subjectUserId !== undefined) query = query.where('subject_user_id', '=', filter.subjectUserId)
  if (filter.actorUserId !== undefined) query = query.where('actor_user_id', '=', filter.actorUserId)
  return query.execute()
}
