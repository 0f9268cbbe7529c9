import { sql, type Kysely } from 'kysely'

/**
 * The staff list of enrolments awaiting payment (`GET /api/v1/payments/pending-enrolments`):
 * a partial index walks the pending ones newest first whatever the number of paid ones (with
 * `status` as its first column SQLite prefers it to `enrolments_status_end` and needs no sort),
 * and persons are found by the keyed hash of their mobile number.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('enrolments_pending')
    .on('enrolments')
    .columns(['status', 'id'])
    .where(sql.ref('status'), '=', sql.lit('pending_payment'))
    .execute()
  await db.schema.createIndex('insured_persons_mobile').on('insured_persons').column('mobile_hash').execute()
}
