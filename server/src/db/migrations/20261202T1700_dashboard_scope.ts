import { sql, type Kysely } from 'kysely'

/**
 * What the indicators read, so that each figure over a million enrolments and
 * a million claims is one scan of one index:
 * - a claim carries what the figures filter it by from its enrolment, which
 *   never changes once a claim can be made on it (the cover is active): the
 *   enrolling unit (`unit_id`, whose region the dashboard filters by; null when
 *   not through a unit) and the day the cover starts (`cover_start_on`, which
 *   places the claim in its catalogue's plan year). The claim figures then read
 *   the claims alone (`claims_dashboard` holds every column they read), instead
 *   of looking up a million enrolments one by one;
 * - the people of each unit (adverse selection) in unit and person order with
 *   what the population is filtered by (`enrolments_unit_people`), and each
 *   person's birth date beside their id (`insured_persons_birth`): no table
 *   row is read for either.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('claims').addColumn('unit_id', 'text').execute()
  await db.schema.alterTable('claims').addColumn('cover_start_on', 'text').execute()
  await sql`update claims set
    unit_id = (select e.unit_id from enrolments e where e.id = claims.enrolment_id),
    cover_start_on = (select e.start_on from enrolments e where e.id = claims.enrolment_id)`.execute(db)
  // It covers days to pay too: the partial index on paid claims by days to pay goes (the planner chose it and then read
  // every paid claim's row for its catalogue and cover start).
  await db.schema.dropIndex('claims_paid_days').execute()
  // Catalogue first: the reviewer queue (status, in due order) keeps reading its partial indexes, never this one.
  await db.schema.createIndex('claims_dashboard').on('claims')
    .columns(['catalogue_id', 'status', 'submitted_at', 'cover_start_on', 'unit_id', 'kind', 'paid_working_days', 'estimate_fen', 'approved_fen', 'decided_by'])
    .execute()
  await db.schema.createIndex('enrolments_unit_people').on('enrolments')
    .columns(['unit_id', 'insured_person_id', 'status', 'catalogue_id', 'start_on', 'accepted_on']).execute()
  await db.schema.createIndex('insured_persons_birth').on('insured_persons').columns(['id', 'birth_date']).execute()
}
