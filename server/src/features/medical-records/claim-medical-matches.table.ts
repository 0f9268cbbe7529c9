import type { Insertable, Selectable } from 'kysely'

/**
 * The medical-insurance record a claim was matched to (at most one per claim):
 * `verified` when every figure agrees, else `mismatch` with `differences` (JSON
 * list of `{field, claimedFen, recordFen}`; the claim carries the
 * `medical_figures_mismatch` flag for the reviewer).
 */
export interface ClaimMedicalMatchesTable {
  claim_id: string
  medical_record_id: string
  result: 'verified' | 'mismatch'
  differences: string
  matched_at: string
}
export type ClaimMedicalMatchRow = Selectable<ClaimMedicalMatchesTable>
export type NewClaimMedicalMatchRow = Insertable<ClaimMedicalMatchesTable>
