import type { Insertable, Selectable } from 'kysely'

/**
 * A member's bank account for claim payouts (收款账户). The number is sealed
 * (`payee_accounts.number`, bound to the row's id) and shown masked; the holder
 * is the name on the member's profile when it was added. A deleted account
 * keeps its row (claims paid to it still name it) but leaves every list.
 */
export interface PayeeAccountsTable {
  id: string
  user_id: string
  holder_name: string
  bank_name: string
  number_ciphertext: string
  is_default: number
  created_at: string
  deleted_at: string | null
}
export type PayeeAccountRow = Selectable<PayeeAccountsTable>
export type NewPayeeAccountRow = Insertable<PayeeAccountsTable>
