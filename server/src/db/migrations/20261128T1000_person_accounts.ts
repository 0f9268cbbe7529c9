import { sql, type Kysely } from 'kysely'
import { isPostgres } from '../dialect'

/**
 * Identity (DOMAIN.md): an account is linked to an insured person only by a
 * proven phone, by enrolling the person itself, or by staff verification
 * (`person_accounts`). A profile's ID number no longer links by itself, so it
 * is no longer unique either: a second account that types someone's ID number
 * neither blocks the real person nor learns that the number is enrolled.
 * Existing accounts keep what they had only where the proof holds: the login
 * phone is the person's phone, or the account made the enrolment.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('person_accounts')
    .addColumn('insured_person_id', 'text', (c) => c.notNull().references('insured_persons.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('via', 'text', (c) => c.notNull().check(sql`via in ('phone', 'enrolment', 'staff')`))
    .addColumn('verified_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_accounts_pk', ['insured_person_id', 'user_id'])
    .execute()
  await db.schema.createIndex('person_accounts_user').on('person_accounts').columns(['user_id']).execute()

  await sql`
    insert into person_accounts (insured_person_id, user_id, via, verified_by, created_at)
    select distinct p.id, m.user_id, 'phone', null, m.updated_at
    from member_profiles m
    join users u on u.id = m.user_id
    join insured_persons p on p.id_number_hash = m.id_number_hash and p.mobile_hash = u.phone_hash`.execute(db)
  await sql`
    insert into person_accounts (insured_person_id, user_id, via, verified_by, created_at)
    select e.insured_person_id, e.created_by, 'enrolment', null, min(e.created_at)
    from enrolments e
    join member_profiles m on m.user_id = e.created_by
    join insured_persons p on p.id = e.insured_person_id and p.id_number_hash = m.id_number_hash
    where e.unit_id is null and e.roster_id is null
      and not exists (select 1 from person_accounts l where l.insured_person_id = e.insured_person_id and l.user_id = e.created_by)
    group by e.insured_person_id, e.created_by`.execute(db)

  // member_profiles.id_number_hash loses its unique constraint. PostgreSQL drops it in place (the constraint
  // and its index carry the name PostgreSQL gave them); SQLite cannot, so there the table is rebuilt.
  if (isPostgres(db)) {
    await sql`alter table member_profiles drop constraint member_profiles_id_number_hash_key`.execute(db)
    await db.schema.createIndex('member_profiles_id_number').on('member_profiles').columns(['id_number_hash']).execute()
    return
  }
  await sql`alter table member_profiles rename to member_profiles_old`.execute(db)
  await sql`drop index if exists member_profiles_mobile`.execute(db)
  await db.schema
    .createTable('member_profiles')
    .addColumn('user_id', 'text', (c) => c.primaryKey().notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('id_number_ciphertext', 'text', (c) => c.notNull())
    .addColumn('id_number_hash', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull().check(sql`sex in ('M', 'F')`))
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('mobile_ciphertext', 'text', (c) => c.notNull())
    .addColumn('mobile_hash', 'text', (c) => c.notNull())
    .addColumn('occupation', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('basic_medical_insurance', 'integer', (c) => c.notNull().check(sql`basic_medical_insurance in (0, 1)`))
    .addColumn('union_member', 'integer', (c) => c.notNull().check(sql`union_member in (0, 1)`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await sql`insert into member_profiles select * from member_profiles_old`.execute(db)
  await sql`drop table member_profiles_old`.execute(db)
  await db.schema.createIndex('member_profiles_mobile').on('member_profiles').columns(['mobile_hash']).execute()
  await db.schema.createIndex('member_profiles_id_number').on('member_profiles').columns(['id_number_hash']).execute()
}
