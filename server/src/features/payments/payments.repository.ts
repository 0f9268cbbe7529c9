import type { Db } from '../../db/open'
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

/** Marks pending enrolments paid by this payment: they become active. Returns how many changed. */
export async function activateEnrolments(db: Db, ids: readonly string[], paymentId: string, at: string): Promise<number> {
  let changed = 0
  for (const part of chunks(ids)) {
    const result = await db.updateTable('enrolments').set({ status: 'active', payment_id: paymentId, updated_at: at })
      .where('id', 'in', part).where('status', '=', 'pending_payment').executeTakeFirst()
    changed += Number(result.numUpdatedRows)
  }
  return changed
}
