import type { Db } from '../../db/open'
import type { ConsentRow, NewConsentRow } from './consents.table'
import type { MemberProfileRow, NewMemberProfileRow } from './member-profiles.table'

export function findProfileRow(db: Db, userId: string): Promise<MemberProfileRow | undefined> {
  return db.selectFrom('member_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst()
}

/** A profile a search found, with its account's login phone (encrypted) and whether the account is linked to the person with the profile's ID number. */
export type ProfileSearchRow = MemberProfileRow & { login_phone_ciphertext: string | null; linked: boolean }

/** Every profile that holds this ID number, oldest first (a number typed into a profile is not proof of who one is: several may). */
export async function findProfileRowsByIdHash(db: Db, idNumberHash: string): Promise<ProfileSearchRow[]> {
  const rows = await db.selectFrom('member_profiles as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .selectAll('m')
    .select('u.phone_ciphertext as login_phone_ciphertext')
    .select((eb) => eb.exists(
      eb.selectFrom('person_accounts as l').innerJoin('insured_persons as p', 'p.id', 'l.insured_person_id')
        .select('l.user_id').whereRef('l.user_id', '=', 'm.user_id').whereRef('p.id_number_hash', '=', 'm.id_number_hash'),
    ).as('linked'))
    .where('m.id_number_hash', '=', idNumberHash)
    .orderBy('m.created_at').orderBy('m.user_id')
    .execute()
  return rows.map((row) => ({ ...row, linked: Boolean(row.linked) }))
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
