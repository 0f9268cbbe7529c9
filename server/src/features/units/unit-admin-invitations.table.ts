import type { Insertable, Selectable } from 'kysely'

/**
 * A phone invited to be a unit's admin (经办人). The account with that login
 * phone gets the unit_admin role for the unit: at once when it exists, else
 * when it signs in with the phone. Unique per unit and phone hash.
 */
export interface UnitAdminInvitationsTable {
  id: string
  unit_id: string
  /** Keyed hash of the phone (`hashPhone`), as `users.phone_hash`. */
  phone_hash: string
  /** The phone, sealed for `unit_admin_invitations.phone` and this row's id. */
  phone_ciphertext: string
  created_by: string | null
  created_at: string
  granted_user_id: string | null
  granted_at: string | null
}
export type UnitAdminInvitationRow = Selectable<UnitAdminInvitationsTable>
export type NewUnitAdminInvitationRow = Insertable<UnitAdminInvitationsTable>
