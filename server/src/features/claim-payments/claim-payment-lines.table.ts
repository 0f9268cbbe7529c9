import type { Insertable, Selectable } from 'kysely'

/**
 * One claim in a payment batch: the account and amount sent to the bank, and
 * the bank's result once imported (`pending` until then; `paid` with the bank's
 * date and serial number, or `failed` with its reason). A claim awaits a result
 * in one batch at most (unique partial index).
 */
export interface ClaimPaymentLinesTable {
  batch_id: string
  claim_id: string
  payee_account_id: string
  amount_fen: number
  result: string
  bank_reference: string | null
  failure_reason: string | null
  settled_on: string | null
  recorded_at: string | null
  recorded_by: string | null
}
export type ClaimPaymentLineRow = Selectable<ClaimPaymentLinesTable>
export type NewClaimPaymentLineRow = Insertable<ClaimPaymentLinesTable>
