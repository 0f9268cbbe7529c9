import type { Insertable, Selectable } from 'kysely'

/** A consent given (PIPL): which kind, which text version, when, from where. Withdrawal is a date, the row stays. */
export interface ConsentsTable {
  id: string
  user_id: string
  kind: string
  text_version: string
  given_at: string
  ip: string | null
  request_id: string | null
  withdrawn_at: string | null
}
export type ConsentRow = Selectable<ConsentsTable>
export type NewConsentRow = Insertable<ConsentsTable>
