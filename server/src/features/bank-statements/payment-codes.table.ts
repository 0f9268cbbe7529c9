import type { Insertable, Selectable } from 'kysely'

/**
 * A payment code (缴费识别码, `payment-code.ts`) and what it pays: one enrolment,
 * or a roster's enrolments together (exactly one of the two). Codes stay after
 * the payment, so a transfer that comes again is known as already paid.
 */
export interface PaymentCodesTable {
  code: string
  enrolment_id: string | null
  roster_id: string | null
  created_at: string
}
export type PaymentCodeRow = Selectable<PaymentCodesTable>
export type NewPaymentCodeRow = Insertable<PaymentCodesTable>
