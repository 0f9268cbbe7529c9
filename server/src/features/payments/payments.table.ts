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
  /** For an online payment, the account that paid. */
  confirmed_by: string
  /** `transfer` (confirmed by staff or matched from a bank statement) or `wechat_pay`. */
  channel: string
}
export type PaymentRow = Selectable<PaymentsTable>
export type NewPaymentRow = Insertable<PaymentsTable>
