import type { GrantableRole } from '@huzhu/shared'
import { nowIso, type Clock } from '../../clock'
import type { Db } from '../../db/open'
import { AppError, conflict, notFound } from '../../http/errors'
import { newId } from '../../ids'
import { recordAudit, type AuditActor } from '../audit/audit.service'
import { findUnit } from '../units/units.repository'
import type { RoleGrantRow } from './role-grants.table'
import { deleteGrant, findGrant, findUserById, insertGrant, lockAdminGrants } from './users.repository'

/** Grants a role (a unit admin for one unit). Throws: no such account or unit, or already granted. */
export async function grantRole(
  db: Db, clock: Clock, input: { userId: string; role: GrantableRole; unitId: string | null; grantedBy: string | null },
): Promise<RoleGrantRow> {
  if (!(await findUserById(db, input.userId))) throw notFound()
  if (input.unitId !== null && !(await findUnit(db, input.unitId))) throw new AppError(422, 'unit_not_found')
  const row: RoleGrantRow = {
    id: newId('rol', clock.now()), user_id: input.userId, role: input.role, unit_id: input.unitId, granted_at: nowIso(clock), granted_by: input.grantedBy,
  }
  if (!(await insertGrant(db, row))) throw conflict('role_already_granted')
  return row
}

/** What an audit line names of a grant: `role_grant:reviewer`, `role_grant:unit_admin:unt_…`. */
const grantResource = (grant: Pick<RoleGrantRow, 'role' | 'unit_id'>) => `role_grant:${grant.role}${grant.unit_id === null ? '' : `:${grant.unit_id}`}`

/** An admin grants a role: `grantRole`, and the audit line naming the account, in the same transaction. */
export async function grantRoleAsAdmin(
  db: Db, clock: Clock, actor: AuditActor, input: { userId: string; role: GrantableRole; unitId: string | null },
): Promise<RoleGrantRow> {
  const row = await grantRole(db, clock, { ...input, grantedBy: actor.userId })
  await recordAudit(db, clock, actor, { subjectUserId: row.user_id, action: 'create', resource: grantResource(row), fields: ['role'] })
  return row
}

/**
 * An admin revokes a grant of this account (audited). Nobody revokes their own
 * admin role (403: another admin must). As only an admin revokes, the office
 * therefore always keeps one: the last admin can only be revoked by themselves.
 */
export async function revokeRole(db: Db, clock: Clock, actor: AuditActor, userId: string, grantId: string): Promise<void> {
  const grant = await findGrant(db, userId, grantId)
  if (!grant) throw notFound()
  if (grant.role === 'admin') {
    if (actor.userId === userId) throw new AppError(403, 'role_own_admin_not_revocable')
    // Two admins revoking each other at once: the second finds it is no longer an admin, and the office keeps one.
    const admins = await lockAdminGrants(db)
    if (!admins.some((a) => a.user_id === actor.userId)) throw new AppError(403, 'forbidden')
    if (!admins.some((a) => a.id === grantId)) throw notFound()
  }
  await deleteGrant(db, grantId)
  await recordAudit(db, clock, actor, { subjectUserId: userId, action: 'delete', resource: grantResource(grant), fields: ['role'] })
}
