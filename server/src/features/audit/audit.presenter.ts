import { auditActions, type AuditAction, type auditEntrySchema } from '@huzhu/shared'
import type { z } from 'zod'
import type { AuditLogRow } from './audit-log.table'

function parseFields(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text)
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
  } catch {
    return []
  }
}

export function presentAuditEntry(row: AuditLogRow): z.infer<typeof auditEntrySchema> {
  return {
    id: row.id,
    at: row.at,
    actorUserId: row.actor_user_id,
    subjectUserId: row.subject_user_id,
    action: (auditActions as readonly string[]).includes(row.action) ? (row.action as AuditAction) : 'read',
    resource: row.resource,
    fields: parseFields(row.fields),
    ip: row.ip,
    requestId: row.request_id,
  }
}
