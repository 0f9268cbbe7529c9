import type { Insertable, Selectable } from 'kysely'

/** A confirmed bank transfer (缴费确认): its reference is unique per catalogue; its enrolments point at it. */
export interface PaymentsTable {
  id: string
  catalogue_id: string
  reference: string
  amount_fen: number
  payer: string | null
  unit_id: string | null
  enrolment_count: number
  confirmed_at: string
  confirmed_by: string
}
export type PaymentRow = Selectable<PaymentsTable>
export type NewPaymentRow = Insertable<PaymentsTable>
