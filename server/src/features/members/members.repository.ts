import type { Db } from '../../db/open'
import type { ConsentRow, NewConsentRow } from './consents.table'
import type { MemberProfileRow, NewMemberProfileRow } from './member-profiles.table'

export function findProfileRow(db: Db, userId: string): Promise<MemberProfileRow | undefined> {
  return db.selectFrom('member_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst()
}

/** Every profile that holds this ID number (a number typed into a profile is not proof of who one is: several may). */
export function findProfileRowsByIdHash(db: Db, idNumberHash: string): Promise<MemberProfileRow[]> {
  return db.selectFrom('member_profiles').selectAll().where('id_number_hash', '=', idNumberHash).orderBy('created_at').execute()
}

export async function hasProfile(db: Db, userId: string): Promise<boolean> {
  const row = await db.selectFrom('member_profiles').select('user_id').where('user_id', '=', userId).executeTakeFirst()
  return row !== undefined
}

export async function insertProfileRow(db: Db, row: NewMemberProfileRow): Promise<void> {
  await db.insertInto('member_profiles').values(row).execute()
}

export async function updateProfileRow(db: Db, row: MemberProfileRow): Promise<void> {
  const { user_id, created_at: _created, ...changes } = row
  await db.updateTable('member_profiles').set(changes).where('user_id', '=', user_id).execute()
}

export function listConsentRows(db: Db, userId: string): Promise<ConsentRow[]> {
  return db.selectFrom('consents').selectAll().where('user_id', '=', userId).orderBy('given_at', 'desc').orderBy('id', 'desc').execute()
}

/** The latest consent of a kind that is not withdrawn. */
export function activeConsentRow(db: Db, userId: string, kind: string): Promise<ConsentRow | undefined> {
  return db
    .selectFrom('consents')
    .selectAll()
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .where('withdrawn_at', 'is', null)
    .orderBy('given_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
}

/** A consent of this account only: another account's id is simply not found. */
export function findConsentRow(db: Db, userId: string, consentId: string): Promise<ConsentRow | undefined> {
  return db.selectFrom('consents').selectAll().where('user_id', '=', userId).where('id', '=', consentId).executeTakeFirst()
}

export async function insertConsentRow(db: Db, row: NewConsentRow): Promise<void> {
  await db.insertInto('consents').values(row).execute()
}

export async function withdrawConsentRow(db: Db, consentId: string, at: string): Promise<void> {
  await db.updateTable('consents').set({ withdrawn_at: at }).where('id', '=', consentId).where('withdrawn_at', 'is', null).execute()
}
