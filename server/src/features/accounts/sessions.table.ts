import type { Insertable, Selectable } from 'kysely'

/** A login. Only the SHA-256 of the bearer token is stored. */
export interface SessionsTable {
  id: string
  user_id: string
  token_hash: string
  method: string
  created_at: string
  expires_at: string
  revoked_at: string | null
}
export type SessionRow = Selectable<SessionsTable>
export type NewSessionRow = Insertable<SessionsTable>
