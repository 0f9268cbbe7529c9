import type { HardshipFlagRequest } from '@huzhu/shared'
import { nowIso, type Clock } from '../../clock'
import { hashIdNumber, seal } from '../../crypto/personal-data'
import type { DataProtector } from '../../crypto/protector'
import type { Db } from '../../db/open'
import { notFound } from '../../http/errors'
import { newId } from '../../ids'
import { recordAudit, type AuditActor } from '../audit/audit.service'
import type { HardshipWorkerRow } from './hardship-workers.table'

/**
 * Staff flag a hardship worker (困难职工, DOMAIN.md "Funding": the union pays
 * their premium) by ID number, with the reason (e.g. the union's hardship record):
 * every enrolment made for the person afterwards has the member's share paid by
 * the union. Flagging again replaces the reason. Audited (`hardship_worker:<id>`).
 */
export async function flagHardshipWorker(db: Db, deps: { clock: Clock; protector: DataProtector }, body: HardshipFlagRequest, actor: AuditActor & { userId: string }): Promise<HardshipWorkerRow> {
  const hash = hashIdNumber(deps.protector, body.idNumber.value)
  const existing = await db.selectFrom('hardship_workers').selectAll().where('id_number_hash', '=', hash).executeTakeFirst()
  const id = existing?.id ?? newId('hdw', deps.clock.now())
  const row: HardshipWorkerRow = {
    id_number_hash: hash, id, id_number: seal(deps.protector, 'hardship_workers.id_number', id, body.idNumber.value),
    reason: body.reason, flagged_by: actor.userId, flagged_at: nowIso(deps.clock),
  }
  await db.insertInto('hardship_workers').values(row)
    .onConflict((oc) => oc.column('id_number_hash').doUpdateSet({ reason: row.reason, flagged_by: row.flagged_by, flagged_at: row.flagged_at }))
    .execute()
  await recordAudit(db, deps.clock, actor, { subjectUserId: null, action: existing ? 'update' : 'create', resource: `hardship_worker:${id}`, fields: ['idNumber', 'reason'] })
  return (await db.selectFrom('hardship_workers').selectAll().where('id_number_hash', '=', hash).executeTakeFirstOrThrow())
}

/** Staff remove the flag (audited); enrolments already made keep their shares. 404 when the number is not flagged. */
export async function unflagHardshipWorker(db: Db, deps: { clock: Clock; protector: DataProtector }, idNumber: string, actor: AuditActor): Promise<void> {
  const hash = hashIdNumber(deps.protector, idNumber)
  const removed = await db.deleteFrom('hardship_workers').where('id_number_hash', '=', hash).returning('id').executeTakeFirst()
  if (!removed) throw notFound('hardship_not_found')
  await recordAudit(db, deps.clock, actor, { subjectUserId: null, action: 'delete', resource: `hardship_worker:${removed.id}`, fields: ['idNumber'] })
}
