import { nowIso, type Clock } from '../../clock'
import { hashPhone, seal } from '../../crypto/personal-data'
import type { DataProtector } from '../../crypto/protector'
import type { Db } from '../../db/open'
import { AppError, conflict } from '../../http/errors'
import { newId } from '../../ids'
import { findUserByPhoneHash, insertGrant } from '../accounts/users.repository'
import type { UserRow } from '../accounts/users.table'
import { recordAudit, type AuditActor } from '../audit/audit.service'
import { deletePendingInvitation, findInvitation, insertInvitation, markGranted, pendingInvitationsForPhone } from './unit-admin-invitations.repository'
import type { UnitAdminInvitationRow } from './unit-admin-invitations.table'
import { unitOr404 } from './units.service'

export interface InvitationDeps {
  clock: Clock
  protector: DataProtector
}

/**
 * The invitation's role for this account: the unit-admin grant of its unit
 * (unless the account holds it already), the invitation marked granted, and
 * the grant audited as an admin's grant is. Nothing when it was granted meanwhile.
 */
async function grantInvitation(db: Db, clock: Clock, invitation: UnitAdminInvitationRow, userId: string, actor: AuditActor): Promise<void> {
  const now = nowIso(clock)
  if (!(await markGranted(db, invitation.id, userId, now))) return
  const granted = await insertGrant(db, {
    id: newId('rol', clock.now()), user_id: userId, role: 'unit_admin', unit_id: invitation.unit_id, granted_at: now, granted_by: invitation.created_by,
  })
  if (!granted) return
  await recordAudit(db, clock, actor, { subjectUserId: userId, action: 'create', resource: `role_grant:unit_admin:${invitation.unit_id}`, fields: ['role'] })
}

/**
 * Office staff invite a phone to be the unit's admin (经办人): one invitation
 * per unit and phone (409 `unit_admin_invitation_exists`, by the unique index).
 * An account whose login phone it is holds the role at once; otherwise the
 * account gets it when it signs in with the phone (`applyUnitAdminInvitations`). Audited.
 */
export async function inviteUnitAdmin(db: Db, deps: InvitationDeps, unitId: string, phone: string, actor: AuditActor): Promise<UnitAdminInvitationRow> {
  await unitOr404(db, unitId)
  const id = newId('uai', deps.clock.now())
  const phoneHash = hashPhone(deps.protector, phone)
  const row: UnitAdminInvitationRow = {
    id, unit_id: unitId, phone_hash: phoneHash, phone_ciphertext: seal(deps.protector, 'unit_admin_invitations.phone', id, phone),
    created_by: actor.userId, created_at: nowIso(deps.clock), granted_user_id: null, granted_at: null,
  }
  if (!(await insertInvitation(db, row))) throw conflict('unit_admin_invitation_exists', { details: [{ path: 'phone', code: 'unit_admin_invitation_exists' }] })
  const account = await findUserByPhoneHash(db, phoneHash)
  await recordAudit(db, deps.clock, actor, { subjectUserId: account?.id ?? null, action: 'create', resource: `unit_admin_invitation:${id}`, fields: ['mobile'] })
  if (account && account.disabled_at === null) await grantInvitation(db, deps.clock, row, account.id, actor)
  return (await findInvitation(db, unitId, id))!
}

/**
 * At a sign-in with a phone: every pending invitation of that phone gives its
 * unit-admin role to the account now (the signing-in account is the actor).
 * Only the account that proved the phone: the hash is of its login phone. A
 * disabled account, which is refused the session, gets nothing.
 */
export async function applyUnitAdminInvitations(db: Db, clock: Clock, user: Pick<UserRow, 'id' | 'phone_hash' | 'disabled_at'>, actor: AuditActor): Promise<void> {
  if (user.phone_hash === null || user.disabled_at !== null) return
  for (const invitation of await pendingInvitationsForPhone(db, user.phone_hash)) await grantInvitation(db, clock, invitation, user.id, actor)
}

/** Withdraws a pending invitation (a phone typed wrong); a granted one stays (409: revoke the role instead). Audited. */
export async function withdrawInvitation(db: Db, clock: Clock, unitId: string, invitationId: string, actor: AuditActor): Promise<void> {
  const invitation = await findInvitation(db, unitId, invitationId)
  if (!invitation) throw new AppError(404, 'unit_admin_invitation_not_found')
  if (invitation.granted_at !== null) throw conflict('unit_admin_invitation_granted')
  if (!(await deletePendingInvitation(db, unitId, invitationId))) throw conflict('unit_admin_invitation_granted')
  await recordAudit(db, clock, actor, { subjectUserId: null, action: 'delete', resource: `unit_admin_invitation:${invitationId}`, fields: ['mobile'] })
}
