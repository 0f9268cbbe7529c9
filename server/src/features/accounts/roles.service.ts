import type { GrantableRole } from '@huzhu/shared'
import { nowIso, type Clock } from '../../clock'
import type { Db } from '../../db/open'
import { AppError, conflict, notFound } from '../../http/errors'
import { newId } from '../../ids'
import { findUnit } from '../units/units.repository'
import type { RoleGrantRow } from './role-grants.table'
import { countGrantsOfRole, deleteGrant, findGrant, findSameGrant, findUserById, insertGrant } from './users.repository'

/** Grants a role (a unit admin for one unit). Throws: no such account or unit, or already granted. */
export async function grantRole(
  db: Db, clock: Clock, input: { userId: string; role: GrantableRole; unitId: string | null; grantedBy: string | null },
): Promise<RoleGrantRow> {
  if (!(await findUserById(db, input.userId))) throw notFound()
  if (input.unitId !== null && !(await findUnit(db, input.unitId))) throw new AppError(422, 'unit_not_found')
  if (await findSameGrant(db, input.userId, input.role, input.unitId)) throw conflict('role_already_granted')
  const row: RoleGrantRow = {
    id: newId('rol', clock.now()), user_id: input.userId, role: input.role, unit_id: input.unitId, granted_at: nowIso(clock), granted_by: input.grantedBy,
  }
  await insertGrant(db, row)
  return row
}

/** Revokes a grant of this account. The last admin grant stays: someone must be able to manage roles. */
export async function revokeRole(db: Db, userId: string, grantId: string): Promise<void> {
  const grant = await findGrant(db, userId, grantId)
  if (!grant) throw notFound()
  if (grant.role === 'admin' && (await countGrantsOfRole(db, 'admin')) <= 1) throw conflict('conflict')
  await deleteGrant(db, grantId)
}
