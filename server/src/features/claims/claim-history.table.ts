import type { Insertable, Selectable } from 'kysely'

/** Every change of a claim: the status it moved to, who, when, and a note. Never updated. */
export interface ClaimHistoryTable {
  id: string
  claim_id: string
  at: string
  status: string
  actor_user_id: string | null
  actor_role: string
  note: string | null
}
export type ClaimHistoryRow = Selectable<ClaimHistoryTable>
export type NewClaimHistoryRow = Insertable<ClaimHistoryTable>
