import type { Insertable, Selectable } from 'kysely'

/** A batch of approved claims marked paid together by staff; each claim holds its own reference. */
export interface ClaimPaymentBatchesTable {
  id: string
  count: number
  total_fen: number
  created_at: string
  created_by: string
}
export type ClaimPaymentBatchRow = Selectable<ClaimPaymentBatchesTable>
export type NewClaimPaymentBatchRow = Insertable<ClaimPaymentBatchesTable>
