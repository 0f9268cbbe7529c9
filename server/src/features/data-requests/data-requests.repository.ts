import { sql } from 'kysely'
import type { Db } from '../../db/open'
import { forUpdate } from '../../db/dialect'
import type { DataDeletionRequestRow, NewDataDeletionRequestRow } from './data-deletion-requests.table'

/**
 * Queries of a member's personal-data requests. Everything here is scoped by
 * the account (`user_id`) or by the persons it is linked to with proof
 * (`person_accounts`), never by anything the client names.
 */

export function findUserRow(db: Db, userId: string) {
  return forUpdate(db, db.selectFrom('users').selectAll().where('id', '=', userId)).executeTakeFirst()
}

export async function roleNamesOf(db: Db, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('role_grants').select('role').where('user_id', '=', userId).orderBy('role').execute()
  return [...new Set(rows.map((r) => r.role))]
}

export function linkRowsOf(db: Db, userId: string) {
  return db.selectFrom('person_accounts').selectAll().where('user_id', '=', userId).orderBy('insured_person_id').execute()
}

/** The persons, locked (PostgreSQL) so a claim decision or an enrolment on them waits for the erasure. */
export function lockPersonRows(db: Db, personIds: readonly string[]) {
  if (personIds.length === 0) return Promise.resolve([])
  return forUpdate(db, db.selectFrom('insured_persons').selectAll().where('id', 'in', personIds).orderBy('id')).execute()
}

/** Claims the member filed, or made on the cover of a person they are. */
export function claimRowsOf(db: Db, userId: string, personIds: readonly string[]) {
  return db.selectFrom('claims').selectAll()
    .where((eb) => personIds.length === 0 ? eb('member_user_id', '=', userId) : eb.or([eb('member_user_id', '=', userId), eb('insured_person_id', 'in', personIds)]))
    .orderBy('id')
    .execute()
}

export function enrolmentRowsOf(db: Db, personIds: readonly string[]) {
  if (personIds.length === 0) return Promise.resolve([])
  return db.selectFrom('enrolments').selectAll().where('insured_person_id', 'in', personIds).orderBy('id', 'desc').execute()
}

/** What was paid for each enrolment: its premium, by which channel, when. */
export function paidEnrolmentsOf(db: Db, personIds: readonly string[]) {
  if (personIds.length === 0) return Promise.resolve([])
  return db.selectFrom('enrolments as e').innerJoin('payments as p', 'p.id', 'e.payment_id')
    .select(['e.id as enrolment_id', 'e.premium_fen', 'p.channel', 'p.confirmed_at'])
    .where('e.insured_person_id', 'in', personIds)
    .orderBy('p.confirmed_at')
    .execute()
}

/** Online orders that paid for these persons' enrolments and no one else's. */
export function paymentOrdersOf(db: Db, personIds: readonly string[]) {
  if (personIds.length === 0) return Promise.resolve([])
  return db.selectFrom('payment_orders as o').selectAll('o')
    .where((eb) => eb.exists(eb.selectFrom('payment_order_enrolments as oe').innerJoin('enrolments as e', 'e.id', 'oe.enrolment_id')
      .select('oe.order_id').whereRef('oe.order_id', '=', 'o.id').where('e.insured_person_id', 'in', personIds)))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('payment_order_enrolments as oe').innerJoin('enrolments as e', 'e.id', 'oe.enrolment_id')
      .select('oe.order_id').whereRef('oe.order_id', '=', 'o.id').where('e.insured_person_id', 'not in', personIds))))
    .orderBy('o.id')
    .execute()
}

export function refundRowsOf(db: Db, orderIds: readonly string[]) {
  if (orderIds.length === 0) return Promise.resolve([])
  return db.selectFrom('payment_refunds').selectAll().where('order_id', 'in', orderIds).orderBy('id').execute()
}

export function uploadRowsOf(db: Db, userId: string) {
  return db.selectFrom('uploads as u').leftJoin('claim_documents as d', 'd.upload_id', 'u.id')
    .select(['u.id', 'u.sha256', 'u.media_type', 'u.size', 'u.created_at', 'd.claim_id'])
    .where('u.owner_user_id', '=', userId)
    .orderBy('u.id')
    .execute()
}

export function payeeAccountRowsOf(db: Db, userId: string) {
  return db.selectFrom('payee_accounts').selectAll().where('user_id', '=', userId).orderBy('id').execute()
}

export function medicalRecordRowsOf(db: Db, idNumberHashes: readonly string[]) {
  if (idNumberHashes.length === 0) return Promise.resolve([])
  return db.selectFrom('medical_records').selectAll().where('id_number_hash', 'in', idNumberHashes).orderBy('admitted_on').execute()
}

export function auditRowsAbout(db: Db, userId: string) {
  return db.selectFrom('audit_log').selectAll().where('subject_user_id', '=', userId).orderBy('id').execute()
}

export function notificationRowsOf(db: Db, userId: string) {
  return db.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('id').execute()
}

export function sessionRowsOf(db: Db, userId: string) {
  return db.selectFrom('sessions').select(['method', 'created_at', 'expires_at', 'revoked_at']).where('user_id', '=', userId).orderBy('id').execute()
}

export function deletionRequestRowsOf(db: Db, userId: string) {
  return db.selectFrom('data_deletion_requests').selectAll().where('user_id', '=', userId).orderBy('id').execute()
}

export function scheduledRequestOf(db: Db, userId: string): Promise<DataDeletionRequestRow | undefined> {
  return db.selectFrom('data_deletion_requests').selectAll().where('user_id', '=', userId).where('status', '=', 'scheduled').executeTakeFirst()
}

/** Writes a scheduled request unless the account has one (the unique partial index decides); the one it has. */
export async function insertScheduledRequest(db: Db, row: NewDataDeletionRequestRow): Promise<DataDeletionRequestRow> {
  await db.insertInto('data_deletion_requests').values(row)
    .onConflict((oc) => oc.column('user_id').where(sql.ref('status'), '=', sql.lit('scheduled')).doNothing())
    .execute()
  const kept = await scheduledRequestOf(db, row.user_id)
  if (!kept) throw new Error('scheduled deletion request missing after insert')
  return kept
}

export async function insertDoneRequest(db: Db, row: NewDataDeletionRequestRow): Promise<void> {
  await db.insertInto('data_deletion_requests').values(row).execute()
}

export async function settleRequest(db: Db, id: string, change: { status: 'done' | 'cancelled'; at: string }): Promise<boolean> {
  const result = await db.updateTable('data_deletion_requests')
    .set(change.status === 'done' ? { status: 'done', done_at: change.at } : { status: 'cancelled', cancelled_at: change.at })
    .where('id', '=', id).where('status', '=', 'scheduled')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function moveRequest(db: Db, id: string, effectiveOn: string): Promise<void> {
  await db.updateTable('data_deletion_requests').set({ effective_on: effectiveOn }).where('id', '=', id).where('status', '=', 'scheduled').execute()
}

/** Scheduled requests due on or before this China date, oldest first. */
export function dueRequests(db: Db, today: string, limit: number) {
  return db.selectFrom('data_deletion_requests').selectAll().where('status', '=', 'scheduled').where('effective_on', '<=', today).orderBy('effective_on').orderBy('id').limit(limit).execute()
}
