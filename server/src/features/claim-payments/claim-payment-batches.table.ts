import type { Insertable, Selectable } from 'kysely'

/** A batch of approved claims sent to the bank together by staff; its lines are `claim_payment_lines`. */
export interface ClaimPaymentBatchesTable {
  id: string
  count: number
  total_fen: number
  created_at: string
  created_by: string
}
export type ClaimPaymentBatchRow = Selectable<ClaimPaymentBatchesTable>
export type NewClaimPaymentBatchRow = Insertable<ClaimPaymentBatchesTable>
