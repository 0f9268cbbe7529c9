import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('member_profiles')
    .addColumn('user_id', 'text', (c) => c.primaryKey().notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('id_number_ciphertext', 'text', (c) => c.notNull())
    .addColumn('id_number_hash', 'text', (c) => c.notNull().unique())
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
  await db.schema.createIndex('member_profiles_mobile').on('member_profiles').columns(['mobile_hash']).execute()

  await db.schema
    .createTable('consents')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text_version', 'text', (c) => c.notNull())
    .addColumn('given_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('request_id', 'text')
    .addColumn('withdrawn_at', 'text')
    .execute()
  await db.schema.createIndex('consents_user_kind').on('consents').columns(['user_id', 'kind', 'given_at']).execute()
}
