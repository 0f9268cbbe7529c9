import { sql, type Kysely } from 'kysely'
import { isPostgres, moneyType } from '../dialect'

/**
 * Claims are paid to the member's own bank account, in batches through the
 * office's bank (DOMAIN.md, "Claims"):
 * - `payee_accounts`: a member's bank accounts, the number sealed with the data
 *   key (`payee_accounts.number`), at most one default per member;
 * - `claims.payee_account_id`: where each claim is paid;
 * - `claim_payment_lines`: each claim in a payment batch and the bank's result
 *   (a claim is in at most one batch awaiting the bank's result);
 * - a new claim status, `payment_in_progress` (at the bank).
 *
 * The status is added to the CHECK of `claims.status` in place (PostgreSQL: the
 * constraint dropped and added again), on SQLite by its own
 * documented procedure for loosening a CHECK constraint ("Making Other Kinds Of
 * Table Schema Changes", https://sqlite.org/lang_altertable.html): the table's
 * SQL text in `sqlite_schema` is edited with `writable_schema`, and the schema
 * version is bumped so every connection reloads it. Rebuilding the table instead
 * is not possible here: claim_documents, claim_invoices, claim_history and
 * claim_medical_matches reference it, and foreign keys cannot be turned off
 * inside the migration's transaction. The edit only widens the list of allowed
 * values, so every row stays valid and nothing on disk changes.
 */
const OLD_STATUSES = `('submitted', 'in_review', 'needs_material', 'approved', 'rejected', 'paid', 'withdrawn')`
const NEW_STATUSES = `('submitted', 'in_review', 'needs_material', 'approved', 'payment_in_progress', 'rejected', 'paid', 'withdrawn')`

async function allowPaymentInProgress(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    // PostgreSQL replaces a CHECK constraint in place (named by PostgreSQL after the table and column).
    await sql`alter table claims drop constraint claims_status_check`.execute(db)
    await sql`alter table claims add constraint claims_status_check check (status in ${sql.raw(NEW_STATUSES)})`.execute(db)
    return
  }
  const table = await sql<{ sql: string }>`select sql from sqlite_schema where type = 'table' and name = 'claims'`.execute(db)
  const text = table.rows[0]?.sql ?? ''
  if (text.split(OLD_STATUSES).length !== 2) throw new Error('claims.status: the CHECK constraint is not the one this migration expects')
  const version = await sql<{ schema_version: number }>`pragma schema_version`.execute(db)
  await sql`pragma writable_schema = on`.execute(db)
  try {
    await sql`update sqlite_schema set sql = ${text.replace(OLD_STATUSES, NEW_STATUSES)} where type = 'table' and name = 'claims'`.execute(db)
    await sql.raw(`pragma schema_version = ${Number(version.rows[0]!.schema_version) + 1}`).execute(db)
  } finally {
    await sql`pragma writable_schema = off`.execute(db)
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  const money = moneyType(db)
  await db.schema
    .createTable('payee_accounts')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('holder_name', 'text', (c) => c.notNull())
    .addColumn('bank_name', 'text', (c) => c.notNull())
    .addColumn('number_ciphertext', 'text', (c) => c.notNull())
    .addColumn('is_default', 'integer', (c) => c.notNull().check(sql`is_default in (0, 1)`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute()
  await db.schema.createIndex('payee_accounts_user').on('payee_accounts').columns(['user_id', 'id']).execute()
  await db.schema.createIndex('payee_accounts_one_default').unique().on('payee_accounts').column('user_id')
    .where(sql.ref('is_default'), '=', sql.lit(1)).execute()

  await sql`alter table claims add column payee_account_id text references payee_accounts (id)`.execute(db)
  await db.schema.createIndex('claims_payee_account').on('claims').columns(['payee_account_id', 'status']).execute()
  await allowPaymentInProgress(db)

  await db.schema
    .createTable('claim_payment_lines')
    .addColumn('batch_id', 'text', (c) => c.notNull().references('claim_payment_batches.id'))
    .addColumn('claim_id', 'text', (c) => c.notNull().references('claims.id'))
    .addColumn('payee_account_id', 'text', (c) => c.notNull().references('payee_accounts.id'))
    .addColumn('amount_fen', money, (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull().check(sql`result in ('pending', 'paid', 'failed')`))
    .addColumn('bank_reference', 'text')
    .addColumn('failure_reason', 'text')
    .addColumn('settled_on', 'text')
    .addColumn('recorded_at', 'text')
    .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('claim_payment_lines_pk', ['batch_id', 'claim_id'])
    .execute()
  await db.schema.createIndex('claim_payment_lines_claim').on('claim_payment_lines').columns(['claim_id', 'batch_id']).execute()
  // A claim awaits the bank's result in one batch at most.
  await db.schema.createIndex('claim_payment_lines_pending').unique().on('claim_payment_lines').column('claim_id')
    .where(sql.ref('result'), '=', sql.lit('pending')).execute()
}
