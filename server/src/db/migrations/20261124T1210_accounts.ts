import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('phone_hash', 'text', (c) => c.unique())
    .addColumn('phone_ciphertext', 'text')
    .addColumn('wechat_openid', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_login_at', 'text')
    .addColumn('disabled_at', 'text')
    .execute()

  await db.schema
    .createTable('role_grants')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('unit_admin', 'staff', 'reviewer', 'admin')`))
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('granted_at', 'text', (c) => c.notNull())
    .addColumn('granted_by', 'text')
    .addCheckConstraint('role_grants_unit_only_for_unit_admin', sql`(role = 'unit_admin') = (unit_id is not null)`)
    .execute()
  await db.schema
    .createIndex('role_grants_unique')
    .unique()
    .on('role_grants')
    .expression(sql`user_id, role, coalesce(unit_id, '')`)
    .execute()

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute()
  await db.schema.createIndex('sessions_user').on('sessions').columns(['user_id']).execute()

  await db.schema
    .createTable('sms_codes')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('phone_hash', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('consumed_at', 'text')
    .addColumn('invalidated_at', 'text')
    .execute()
  await db.schema.createIndex('sms_codes_phone').on('sms_codes').columns(['phone_hash', 'created_at']).execute()
}
