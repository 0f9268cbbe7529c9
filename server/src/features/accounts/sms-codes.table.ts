import type { Insertable, Selectable } from 'kysely'

/** A login code sent by SMS. Phone and code are stored only as keyed hashes. */
export interface SmsCodesTable {
  id: string
  phone_hash: string
  code_hash: string
  created_at: string
  expires_at: string
  attempts: number
  consumed_at: string | null
  invalidated_at: string | null
}
export type SmsCodeRow = Selectable<SmsCodesTable>
export type NewSmsCodeRow = Insertable<SmsCodesTable>
