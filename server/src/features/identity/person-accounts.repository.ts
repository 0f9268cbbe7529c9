import { sql } from 'kysely'
import type { Db } from '../../db/open'
import { chunks } from '../enrolments/insured-persons.repository'
import type { NewPersonAccountRow } from './person-accounts.table'

/** Adds links; one that exists already stays as it was. */
export async function insertLinks(db: Db, rows: readonly NewPersonAccountRow[]): Promise<void> {
  for (const part of chunks(rows)) {
    await db.insertInto('person_accounts').values(part).onConflict((oc) => oc.columns(['insured_person_id', 'user_id']).doNothing()).execute()
  }
}

/**
 * Links every account whose profile holds a person's ID number and whose proven
 * (login) phone is the person's phone: the persons given, or those of one account.
 */
export async function linkByProvenPhone(db: Db, now: string, scope: { personIds: readonly string[] } | { userId: string }): Promise<void> {
  const select = (where: ReturnType<typeof sql>) => sql`
    insert into person_accounts (insured_person_id, user_id, via, verified_by, created_at)
    select p.id, m.user_id, 'phone', null, ${now}
    from insured_persons p
    join member_profiles m on m.id_number_hash = p.id_number_hash
    join users u on u.id = m.user_id and u.phone_hash = p.mobile_hash
    where ${where}
    on conflict (insured_person_id, user_id) do nothing`
  if ('userId' in scope) {
    await select(sql`m.user_id = ${scope.userId}`).execute(db)
    return
  }
  for (const part of chunks(scope.personIds)) await select(sql`p.id in (${sql.join(part)})`).execute(db)
}

/** Drops an account's links to persons other than the one with this ID number (its profile's number changed). */
export async function unlinkOtherPersons(db: Db, userId: string, idNumberHash: string): Promise<void> {
  await db.deleteFrom('person_accounts').where('user_id', '=', userId)
    .where('insured_person_id', 'not in', db.selectFrom('insured_persons').select('id').where('id_number_hash', '=', idNumberHash))
    .execute()
}

/** The persons an account is linked to. */
export async function linkedPersonIds(db: Db, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('person_accounts').select('insured_person_id').where('user_id', '=', userId).execute()
  return rows.map((r) => r.insured_person_id)
}

export async function isLinked(db: Db, userId: string, personId: string): Promise<boolean> {
  const row = await db.selectFrom('person_accounts').select('user_id').where('user_id', '=', userId).where('insured_person_id', '=', personId).executeTakeFirst()
  return row !== undefined
}
