import type { Db } from '../../db/open'
import type { PaymentRow } from '../payments/payments.table'

type PaymentSeen = Pick<PaymentRow, 'id' | 'catalogue_id' | 'reference' | 'enrolment_count'>

export function findPaymentById(db: Db, id: string): Promise<PaymentSeen | undefined> {
  return db.selectFrom('payments').select(['id', 'catalogue_id', 'reference', 'enrolment_count']).where('id', '=', id).executeTakeFirst()
}

/** A payment with this reference in any of these catalogues (through the index on catalogue and reference). */
export function findPaymentByReferenceIn(db: Db, catalogueIds: readonly string[], reference: string): Promise<PaymentSeen | undefined> {
  if (catalogueIds.length === 0) return Promise.resolve(undefined)
  return db.selectFrom('payments').select(['id', 'catalogue_id', 'reference', 'enrolment_count'])
    .where('catalogue_id', 'in', catalogueIds).where('reference', '=', reference).executeTakeFirst()
}
