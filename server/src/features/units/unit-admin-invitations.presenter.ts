import { maskMobile, type UnitAdminInvitation } from '@huzhu/shared'
import { unseal } from '../../crypto/personal-data'
import type { DataProtector } from '../../crypto/protector'
import type { UnitAdminInvitationRow } from './unit-admin-invitations.table'

/** An invitation with its phone masked (staff never need it in full: the invitee knows their own number). */
export function presentInvitation(row: UnitAdminInvitationRow, protector: DataProtector): UnitAdminInvitation {
  return {
    id: row.id,
    unitId: row.unit_id,
    phoneMasked: maskMobile(unseal(protector, 'unit_admin_invitations.phone', row.id, row.phone_ciphertext)),
    status: row.granted_at === null ? 'pending' : 'granted',
    createdAt: row.created_at,
    grantedAt: row.granted_at,
  }
}
