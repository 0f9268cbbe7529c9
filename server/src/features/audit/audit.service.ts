import type { AuditAction } from '@huzhu/shared'
import { nowIso, type Clock } from '../../clock'
import type { Db } from '../../db/open'
import type { AppState } from '../../http/context'
import { newId } from '../../ids'

/** Who did it and from where: the signed-in account, the client IP, the request id. */
export interface AuditActor {
  userId: string | null
  ip: string | null
  requestId: string | null
}

export interface AuditEntry {
  subjectUserId: string | null
  action: AuditAction
  /** What was touched, e.g. `member_profile`. */
  resource: string
  /** Which sensitive fields, e.g. `["idNumber", "mobile"]`. */
  fields: readonly string[]
}

/** The fields of a person's identity a roster, a new hire or a profile carries. */
export const ID_NUMBER_AND_MOBILE = ['idNumber', 'mobile'] as const

export function auditActorOf(ctx: { state: AppState; ip: string }): AuditActor {
  return { userId: ctx.state.user?.id ?? null, ip: ctx.ip || null, requestId: ctx.state.requestId }
}

/**
 * Writes one audit row. Call it in the same transaction as the read or change
 * it records, so one never happens without the other.
 */
export async function recordAudit(db: Db, clock: Clock, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await db.insertInto('audit_log').values({
    id: newId('aud', clock.now()),
    at: nowIso(clock),
    actor_user_id: actor.userId,
    subject_user_id: entry.subjectUserId,
    action: entry.action,
    resource: entry.resource,
    fields: JSON.stringify(entry.fields),
    ip: actor.ip,
    request_id: actor.requestId,
  }).execute()
}
