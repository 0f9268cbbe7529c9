import type { Insertable, Selectable } from 'kysely'

/**
 * A member's request to delete their personal data (PIPL art. 47). `scheduled`
 * while their cover runs (carried out on `effective_on`, a China date, by the
 * hourly job), `done` once carried out, `cancelled` when they withdrew it. At
 * most one scheduled request per account (unique partial index).
 */
export interface DataDeletionRequestsTable {
  id: string
  user_id: string
  status: 'scheduled' | 'done' | 'cancelled'
  requested_at: string
  effective_on: string
  done_at: string | null
  cancelled_at: string | null
}
export type DataDeletionRequestRow = Selectable<DataDeletionRequestsTable>
export type NewDataDeletionRequestRow = Insertable<DataDeletionRequestsTable>
