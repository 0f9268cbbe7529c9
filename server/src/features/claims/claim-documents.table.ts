import type { Insertable, Selectable } from 'kysely'

/** An upload attached to a claim, as one kind of material. An upload belongs to one claim at most (the key). */
export interface ClaimDocumentsTable {
  upload_id: string
  claim_id: string
  kind: string
  added_at: string
}
export type ClaimDocumentRow = Selectable<ClaimDocumentsTable>
export type NewClaimDocumentRow = Insertable<ClaimDocumentsTable>
