import type { HardshipFlagRequest } from '@huzhu/shared'
import { nowIso, type Clock } from '../../clock'
import { hashIdNumber, seal } from '../../crypto/personal-data'
import type { DataProtector } from '../../crypto/protector'
import type { Db } from '../../db/open'
import { newestFirst } from '../../db/paging'
import { notFound } from '../../http/errors'
import { newId } from '../../ids'
import { recordAudit, type AuditActor } from '../audit/audit.service'
import type { HardshipWorkerRow } from './hardship-workers.table'

/**
 * Staff flag a hardship worker (困难职工, DOMAIN.md "Funding": the union pays
 * their premium) by name and ID number, with the reason (e.g. the union's
 * hardship record): every enrolment made for the person afterwards has the
 * member's share paid by the union. Flagging again replaces the name and the
 * reason. Audited (`hardship_worker:<id>`).
 */
export async function flagHardshipWorker(db: Db, deps: { clock: Clock; protector: DataProtector }, body: HardshipFlagRequest, actor: AuditActor & { userId: string }): Promise<HardshipWorkerRow> {
  const hash = hashIdNumber(deps.protector, body.idNumber.value)
  const existing = await db.selectFrom('hardship_workers').selectAll().where('id_number_hash', '=', hash).executeTakeFirst()
  const id = existing?.id ?? newId('hdw', deps.clock.now())
  const sealName = (owner: string) => seal(deps.protector, 'hardship_workers.name', owner, body.name)
  const row: HardshipWorkerRow = {
    id_number_hash: hash, id, id_number: seal(deps.protector, 'hardship_workers.id_number', id, body.idNumber.value), name: sealName(id),
    reason: body.reason, flagged_by: actor.userId, flagged_at: nowIso(deps.clock), erased_at: null,
  }
  await db.insertInto('hardship_workers').values(row)
    .onConflict((oc) => oc.column('id_number_hash').doUpdateSet({ name: row.name, reason: row.reason, flagged_by: row.flagged_by, flagged_at: row.flagged_at }))
    .execute()
  const stored = await db.selectFrom('hardship_workers').selectAll().where('id_number_hash', '=', hash).executeTakeFirstOrThrow()
  // Flagged at the same moment by someone else: the row kept its own id, which the name is sealed to.
  if (stored.id !== id) await db.updateTable('hardship_workers').set({ name: sealName(stored.id) }).where('id', '=', stored.id).execute()
  await recordAudit(db, deps.clock, actor, { subjectUserId: null, action: existing ? 'update' : 'create', resource: `hardship_worker:${stored.id}`, fields: ['name', 'idNumber', 'reason'] })
  return stored.id === id ? stored : { ...stored, name: sealName(stored.id) }
}

/** Flags in force (erased ones are not), newest first, `limit` after the id `before`. */
export function listHardshipWorkers(db: Db, page: { before?: string | undefined; limit: number }): Promise<HardshipWorkerRow[]> {
  return newestFirst(db.selectFrom('hardship_workers').selectAll().where('erased_at', 'is', null), page.before, page.limit).execute()
}

/** Staff remove the flag (audited); enrolments already made keep their shares. 404 when the number is not flagged. */
export async function unflagHardshipWorker(db: Db, deps: { clock: Clock; protector: DataProtector }, idNumber: string, actor: AuditActor): Promise<void> {
  const hash = hashIdNumber(deps.protector, idNumber)
  await removeFlag(db, deps, 'id_number_hash', hash, actor)
}

/** The same, by the flag's id (from the list, where the number is masked). */
export async function unflagHardshipWorkerById(db: Db, deps: { clock: Clock }, flagId: string, actor: AuditActor): Promise<void> {
  await removeFlag(db, deps, 'id', flagId, actor)
}

async function removeFlag(db: Db, deps: { clock: Clock }, column: 'id' | 'id_number_hash', value: string, actor: AuditActor): Promise<void> {
  const removed = await db.deleteFrom('hardship_workers').where(column, '=', value).where('erased_at', 'is', null).returning('id').executeTakeFirst()
  if (!removed) throw notFound('hardship_not_found')
  await recordAudit(db, deps.clock, actor, { subjectUserId: null, action: 'delete', resource: `hardship_worker:${removed.id}`, fields: ['name', 'idNumber'] })
}
