import { sql } from 'kysely'
import { containsText } from '../../db/dialect'
import type { Db } from '../../db/open'
import { newestFirst } from '../../db/paging'
import type { EnrolmentRow } from '../enrolments/enrolments.table'
import { chunks } from '../enrolments/insured-persons.repository'
import type { NewPaymentRow, PaymentRow } from './payments.table'

export function findPaymentByReference(db: Db, catalogueId: string, reference: string): Promise<PaymentRow | undefined> {
  return db.selectFrom('payments').selectAll().where('catalogue_id', '=', catalogueId).where('reference', '=', reference).executeTakeFirst()
}

export function listPaymentRows(db: Db, catalogueId: string): Promise<PaymentRow[]> {
  return db.selectFrom('payments').selectAll().where('catalogue_id', '=', catalogueId).orderBy('id', 'desc').limit(1000).execute()
}

export async function insertPayment(db: Db, row: NewPaymentRow): Promise<void> {
  await db.insertInto('payments').values(row).execute()
}

/**
 * Records the payment unless its reference is taken in the catalogue (the unique
 * index `payments_reference` decides: of two confirmations at once, one); false then.
 */
export async function insertPaymentOnce(db: Db, row: NewPaymentRow): Promise<boolean> {
  const result = await db.insertInto('payments').values(row).onConflict((oc) => oc.columns(['catalogue_id', 'reference']).doNothing()).executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1
}

type Target = Pick<EnrolmentRow, 'id' | 'status' | 'catalogue_id' | 'premium_fen'>

/** The enrolments with these ids (those that exist). */
export async function findTargets(db: Db, ids: readonly string[]): Promise<Target[]> {
  const found: Target[] = []
  for (const part of chunks([...new Set(ids)])) {
    found.push(...(await db.selectFrom('enrolments').select(['id', 'status', 'catalogue_id', 'premium_fen']).where('id', 'in', part).execute()))
  }
  return found
}

/** A unit's pending enrolments in a catalogue. */
export function findPendingOfUnit(db: Db, unitId: string, catalogueId: string): Promise<Target[]> {
  return db.selectFrom('enrolments').select(['id', 'status', 'catalogue_id', 'premium_fen'])
    .where('unit_id', '=', unitId).where('catalogue_id', '=', catalogueId).where('status', '=', 'pending_payment').execute()
}

/** Which pending enrolments a search keeps: the person's mobile (its keyed hash) or part of their name. */
export interface PendingSearch {
  mobileHash?: string
  nameContains?: string
}

/**
 * Enrolments awaiting payment, newest first, `limit` of them older than `before`.
 * The status is written as the literal of the partial index `enrolments_pending`,
 * so SQLite walks only pending enrolments, in id order; a name search checks each
 * one's person by primary key on the way, a mobile search starts from the persons
 * with that hash.
 */
export function listPendingEnrolmentRows(db: Db, search: PendingSearch, before: string | undefined, limit: number): Promise<EnrolmentRow[]> {
  let query = db.selectFrom('enrolments').selectAll().where(sql<boolean>`status = 'pending_payment'`)
  const { mobileHash, nameContains } = search
  if (mobileHash !== undefined) {
    query = query.where('insured_person_id', 'in', (eb) => eb.selectFrom('insured_persons').select('insured_persons.id').where('insured_persons.mobile_hash', '=', mobileHash))
  }
  if (nameContains !== undefined) {
    query = query.where((eb) => eb.exists(eb.selectFrom('insured_persons').select(sql.lit(1).as('one'))
      .whereRef('insured_persons.id', '=', 'enrolments.insured_person_id')
      .where(containsText(db, sql.ref('insured_persons.name'), nameContains))))
  }
  return newestFirst(query, before, limit).execute()
}
