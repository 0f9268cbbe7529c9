import { forUpdate } from '../../db/dialect'
import type { Db } from '../../db/open'
import type { NewRoleGrantRow, RoleGrantRow } from './role-grants.table'
import type { NewUserRow, UserRow } from './users.table'

export function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
}

export function findUserByPhoneHash(db: Db, phoneHash: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('phone_hash', '=', phoneHash).executeTakeFirst()
}

export function findUserByWechatOpenid(db: Db, openid: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('wechat_openid', '=', openid).executeTakeFirst()
}

/**
 * Inserts the account unless one with the same login phone or WeChat openid
 * exists (the unique column decides, so two first sign-ins at once make one
 * account); false when it existed.
 */
export async function insertUserIfAbsent(db: Db, row: NewUserRow, by: 'phone_hash' | 'wechat_openid'): Promise<boolean> {
  const result = await db.insertInto('users').values(row).onConflict((oc) => oc.column(by).doNothing()).executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1
}

export async function setLastLogin(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('users').set({ last_login_at: at }).where('id', '=', id).execute()
}

export function listGrants(db: Db, userId: string): Promise<RoleGrantRow[]> {
  return db.selectFrom('role_grants').selectAll().where('user_id', '=', userId).orderBy('granted_at').orderBy('id').execute()
}

export function findGrant(db: Db, userId: string, grantId: string): Promise<RoleGrantRow | undefined> {
  return db.selectFrom('role_grants').selectAll().where('user_id', '=', userId).where('id', '=', grantId).executeTakeFirst()
}

export function findSameGrant(db: Db, userId: string, role: string, unitId: string | null): Promise<RoleGrantRow | undefined> {
  let query = db.selectFrom('role_grants').selectAll().where('user_id', '=', userId).where('role', '=', role)
  query = unitId === null ? query.where('unit_id', 'is', null) : query.where('unit_id', '=', unitId)
  return query.executeTakeFirst()
}

/**
 * Inserts a grant unless the account already holds that role (for that unit):
 * the unique index `role_grants_unique` decides, so two grants at once make one.
 * False when it was already held.
 */
export async function insertGrant(db: Db, row: NewRoleGrantRow): Promise<boolean> {
  const result = await db.insertInto('role_grants').values(row).onConflict((oc) => oc.doNothing()).executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1
}

/**
 * Locks every admin grant until the transaction ends (in id order), so that
 * revocations of admin roles take turns: each sees whether its actor is still
 * an admin after the one before.
 */
export async function lockAdminGrants(db: Db): Promise<RoleGrantRow[]> {
  return forUpdate(db, db.selectFrom('role_grants').selectAll().where('role', '=', 'admin').orderBy('id')).execute()
}

export async function deleteGrant(db: Db, grantId: string): Promise<void> {
  await db.deleteFrom('role_grants').where('id', '=', grantId).execute()
}
