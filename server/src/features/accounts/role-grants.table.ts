import type { Insertable, Selectable } from 'kysely'

/** A role granted to an account; `unit_id` is set exactly for `unit_admin`. `member` is never stored: every account has it. */
export interface RoleGrantsTable {
  id: string
  user_id: string
  role: string
  unit_id: string | null
  granted_at: string
  granted_by: string | null
}
export type RoleGrantRow = Selectable<RoleGrantsTable>
export type NewRoleGrantRow = Insertable<RoleGrantsTable>
