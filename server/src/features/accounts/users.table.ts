import type { Insertable, Selectable, Updateable } from 'kysely'

/** An account. The login phone is kept as a keyed hash (to find it) and encrypted (to show it). */
export interface UsersTable {
  id: string
  phone_hash: string | null
  phone_ciphertext: string | null
  wechat_openid: string | null
  created_at: string
  last_login_at: string | null
  disabled_at: string | null
}
export type UserRow = Selectable<UsersTable>
export type NewUserRow = Insertable<UsersTable>
export type UserUpdate = Updateable<UsersTable>
