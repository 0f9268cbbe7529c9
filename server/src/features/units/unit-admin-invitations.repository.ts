import type { Db } from '../../db/open'
import type { NewUnitAdminInvitationRow, UnitAdminInvitationRow } from './unit-admin-invitations.table'

/** Inserts the invitation unless the unit already has one for the phone (the unique index decides); true when inserted. */
export async function insertInvitation(db: Db, row: NewUnitAdminInvitationRow): Promise<boolean> {
  const inserted = await db.insertInto('unit_admin_invitations').values(row)
    .onConflict((oc) => oc.columns(['unit_id', 'phone_hash']).doNothing())
    .returning('id').executeTakeFirst()
  return inserted !== undefined
}

export function findInvitation(db: Db, unitId: string, id: string): Promise<UnitAdminInvitationRow | undefined> {
  return db.selectFrom('unit_admin_invitations').selectAll().where('unit_id', '=', unitId).where('id', '=', id).executeTakeFirst()
}

/** A unit's invitations, newest first. */
export function listInvitations(db: Db, unitId: string): Promise<UnitAdminInvitationRow[]> {
  return db.selectFrom('unit_admin_invitations').selectAll().where('unit_id', '=', unitId).orderBy('id', 'desc').execute()
}

/** Invitations of a phone not yet granted, oldest first (the partial index `unit_admin_invitations_pending`). */
export function pendingInvitationsForPhone(db: Db, phoneHash: string): Promise<UnitAdminInvitationRow[]> {
  return db.selectFrom('unit_admin_invitations').selectAll().where('phone_hash', '=', phoneHash).where('granted_at', 'is', null).orderBy('id').execute()
}

/** Marks a pending invitation granted; false when it was granted (or withdrawn) meanwhile. */
export async function markGranted(db: Db, id: string, userId: string, at: string): Promise<boolean> {
  const result = await db.updateTable('unit_admin_invitations').set({ granted_user_id: userId, granted_at: at })
    .where('id', '=', id).where('granted_at', 'is', null).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Withdraws a pending invitation; false when there is none pending with this id. */
export async function deletePendingInvitation(db: Db, unitId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('unit_admin_invitations').where('unit_id', '=', unitId).where('id', '=', id).where('granted_at', 'is', null).executeTakeFirst()
  return Number(result.numDeletedRows) === 1
}
