import type { Insertable, Selectable } from 'kysely'

/**
 * An online payment order (WeChat Pay, 微信支付): made by the server for pending
 * enrolments at the premiums the engine computed, never at an amount from the
 * client. Its id is the merchant's `out_trade_no`. `open` until WeChat Pay
 * reports it paid (the notice, or a query when the payer returns) or the
 * server closes it (expired, or its enrolments were paid otherwise).
 */
export interface PaymentOrdersTable {
  id: string
  channel: string
  catalogue_id: string
  unit_id: string | null
  amount_fen: number
  /** Whose shares of its enrolments' premiums it pays: union, unit or member. */
  payer: string | null
  description: string
  status: string
  /** JSAPI: the prepay id the payer's `wx.requestPayment` needs (re-signed on each request). */
  prepay_id: string | null
  /** H5: the cashier link; Native: the `code_url` shown as a QR code. */
  pay_url: string | null
  created_by: string
  created_at: string
  expires_at: string
  paid_at: string | null
  transaction_id: string | null
  payment_id: string | null
  closed_at: string | null
}
export type PaymentOrderRow = Selectable<PaymentOrdersTable>
export type NewPaymentOrderRow = Insertable<PaymentOrdersTable>

/** The enrolments an order pays for. */
export interface PaymentOrderEnrolmentsTable {
  order_id: string
  enrolment_id: string
}

/** A refund of an online payment (an enrolment cancelled before its cover started, or paid twice), sent after the commit. */
export interface PaymentRefundsTable {
  id: string
  order_id: string
  enrolment_id: string | null
  amount_fen: number
  reason: string
  status: string
  refund_id: string | null
  attempts: number
  created_at: string
  done_at: string | null
}
export type PaymentRefundRow = Selectable<PaymentRefundsTable>
export type NewPaymentRefundRow = Insertable<PaymentRefundsTable>
