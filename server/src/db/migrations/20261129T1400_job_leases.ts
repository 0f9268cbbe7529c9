import type { Kysely } from 'kysely'

/**
 * Scheduled jobs run once however many nodes run: a job's row (its name) is
 * taken by an atomic conditional update (`holder`, `lease_until`) while its
 * lease is free, and held until the job's period ends (`jobs/job-leases.ts`).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('job_leases')
    .addColumn('name', 'text', (c) => c.primaryKey().notNull())
    .addColumn('holder', 'text')
    .addColumn('lease_until', 'text')
    .execute()
}
