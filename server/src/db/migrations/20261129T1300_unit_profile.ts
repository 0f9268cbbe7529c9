import { sql, type Kysely } from 'kysely'

/**
 * A unit's profile as the office keeps it, and its admins invited by phone.
 *
 * - `units.credit_code`: 统一社会信用代码 (GB 32100), canonical form; unique
 *   when present (a unique index: NULLs never collide), so one unit is not
 *   registered twice. `region_code` (GB/T 2260), `industry` (an occupation),
 *   `union_member_headcount` (the coverage rate's denominator).
 * - `units.split_*_fen`: who pays how much of a member's full-year premium
 *   when `funding_source` is `split` (written together by the service, else null).
 * - `unit_admin_invitations`: a phone invited to be a unit admin (经办人). The
 *   phone is kept as a keyed hash (to find it when an account signs in with it)
 *   and sealed (to show it masked). One invitation per unit and phone (a unique
 *   index, not a read before the insert); `granted_at` once the role was given.
 *   Pending invitations are found by phone through a partial index.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('units').addColumn('credit_code', 'text').execute()
  await db.schema.alterTable('units').addColumn('region_code', 'text').execute()
  await db.schema
    .alterTable('units')
    .addColumn('industry', 'text', (c) => c.check(sql`industry in ('food_delivery', 'courier', 'ride_hailing', 'truck_driver', 'other')`))
    .execute()
  await db.schema.alterTable('units').addColumn('union_member_headcount', 'integer', (c) => c.check(sql`union_member_headcount >= 0`)).execute()
  await db.schema.alterTable('units').addColumn('split_union_fen', 'bigint', (c) => c.check(sql`split_union_fen >= 0`)).execute()
  await db.schema.alterTable('units').addColumn('split_unit_fen', 'bigint', (c) => c.check(sql`split_unit_fen >= 0`)).execute()
  await db.schema.alterTable('units').addColumn('split_member_fen', 'bigint', (c) => c.check(sql`split_member_fen >= 0`)).execute()
  await db.schema.createIndex('units_credit_code').unique().on('units').column('credit_code').execute()

  await db.schema
    .createTable('unit_admin_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('phone_hash', 'text', (c) => c.notNull())
    .addColumn('phone_ciphertext', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('granted_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('granted_at', 'text')
    .addCheckConstraint('unit_admin_invitations_granted_together', sql`(granted_user_id is null) = (granted_at is null)`)
    .execute()
  await db.schema.createIndex('unit_admin_invitations_once').unique().on('unit_admin_invitations').columns(['unit_id', 'phone_hash']).execute()
  await db.schema
    .createIndex('unit_admin_invitations_pending')
    .on('unit_admin_invitations')
    .column('phone_hash')
    .where(sql.ref('granted_at'), 'is', null)
    .execute()
}
