import type { Payment } from '@huzhu/shared'
import type { PaymentRow } from './payments.table'

export function presentPayment(row: PaymentRow): Payment {
  return {
    id: row.id, catalogueId: row.catalogue_id, reference: row.reference, amountFen: row.amount_fen, payer: row.payer,
    enrolmentCount: row.enrolment_count, confirmedAt: row.confirmed_at, confirmedBy: row.confirmed_by,
  }
}
