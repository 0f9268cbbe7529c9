import type { DataProtector } from '../../crypto/protector'
import { seal } from '../../crypto/personal-data'
import { forUpdate } from '../../db/dialect'
import type { Db } from '../../db/open'
import type { AssistedEnrolmentRow, NewAssistedEnrolmentRow } from './assisted-enrolments.table'

/** A row with its event's name and funding and, once confirmed, its enrolment's status. */
export type AssistedEnrolmentView = AssistedEnrolmentRow & {
  event_name: string
  catalogue_id: string
  funding_source: string
  enrolment_status: string | null
}

export async function insertAssistedEnrolment(db: Db, row: NewAssistedEnrolmentRow): Promise<void> {
  await db.insertInto('assisted_enrolments').values(row).execute()
}

/** The row, locked until the transaction ends (PostgreSQL): of two confirmations at once, the second reads it confirmed. */
export function lockAssistedEnrolment(db: Db, id: string): Promise<AssistedEnrolmentRow | undefined> {
  return forUpdate(db, db.selectFrom('assisted_enrolments').selectAll().where('id', '=', id)).executeTakeFirst()
}

/** Marks it confirmed, only if it still waits; false when another confirmation came first. */
export async function markConfirmed(db: Db, id: string, values: { confirmed_at: string; confirmed_by: string; enrolment_id: string; consent_id: string }): Promise<boolean> {
  const result = await db.updateTable('assisted_enrolments').set(values).where('id', '=', id).where('confirmed_at', 'is', null).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

function views(db: Db) {
  return db.selectFrom('assisted_enrolments as a')
    .innerJoin('outreach_events as e', 'e.id', 'a.event_id')
    .leftJoin('enrolments as n', 'n.id', 'a.enrolment_id')
    .selectAll('a')
    .select(['e.name as event_name', 'e.catalogue_id as catalogue_id', 'e.funding_source as funding_source', 'n.status as enrolment_status'])
}

export function findAssistedView(db: Db, id: string): Promise<AssistedEnrolmentView | undefined> {
  return views(db).where('a.id', '=', id).executeTakeFirst()
}

/** An event's assisted enrolments, newest first. */
export function listForEvent(db: Db, eventId: string, limit = 200): Promise<AssistedEnrolmentView[]> {
  return views(db).where('a.event_id', '=', eventId).orderBy('a.id', 'desc').limit(limit).execute()
}

/** Those entered for a phone (by its keyed hash), newest first. */
export function listForPhone(db: Db, mobileHash: string, limit = 20): Promise<AssistedEnrolmentView[]> {
  return views(db).where('a.mobile_hash', '=', mobileHash).orderBy('a.id', 'desc').limit(limit).execute()
}

/** Removes entries never confirmed that expired before `before`: their ID numbers and phones are not kept without the rider's consent. */
export async function deleteExpiredUnconfirmed(db: Db, before: string): Promise<number> {
  const result = await db.deleteFrom('assisted_enrolments').where('confirmed_at', 'is', null).where('expires_at', '<=', before).executeTakeFirst()
  return Number(result.numDeletedRows)
}

/**
 * A deleted person's entries (PIPL, `eraseAccount`), in the caller's transaction:
 * unconfirmed ones go; a confirmed one stays as the record of who enrolled whom
 * at which event, its name, ID number and phone removed and its hashes no longer
 * matching anyone.
 */
export async function eraseAssistedEnrolments(db: Db, protector: DataProtector, match: { idHashes: readonly string[]; phoneHash: string | null }, erasedName: string): Promise<void> {
  const hashes = [...match.idHashes]
  if (hashes.length === 0 && match.phoneHash === null) return
  const rows = await db.selectFrom('assisted_enrolments').select(['id', 'enrolment_id'])
    .where((eb) => eb.or([
      ...(hashes.length > 0 ? [eb('id_number_hash', 'in', hashes)] : []),
      ...(match.phoneHash !== null ? [eb('mobile_hash', '=', match.phoneHash)] : []),
    ])).execute()
  const unconfirmed = rows.filter((r) => r.enrolment_id === null).map((r) => r.id)
  if (unconfirmed.length > 0) await db.deleteFrom('assisted_enrolments').where('id', 'in', unconfirmed).execute()
  for (const { id } of rows.filter((r) => r.enrolment_id !== null)) {
    await db.updateTable('assisted_enrolments').set({
      name: erasedName,
      id_number_hash: `erased:${id}`,
      id_number_ciphertext: seal(protector, 'assisted_enrolments.id_number', id, ''),
      mobile_hash: `erased:${id}`,
      mobile_ciphertext: seal(protector, 'assisted_enrolments.mobile', id, ''),
    }).where('id', '=', id).execute()
  }
}
