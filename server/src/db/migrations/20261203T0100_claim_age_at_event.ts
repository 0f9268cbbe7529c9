import { sql, type Kysely } from 'kysely'
import { analyseRemadeIndex } from '../sqlite/statistics'

/**
 * A claim keeps the claimant's age on its event date (`age_at_event`, whole
 * years), written at submission: a fact of the claim, as its event date is.
 * The public page's paid cases band it; they looked each claim's person up for
 * the birth date (200,000 paid claims of a plan year: half their time on
 * PostgreSQL went to hashing 400,000 persons). `claims_dashboard` holds it in
 * the event date's place, so the cases read that index alone, nothing else.
 * Claims made before get it from their person's birth date now. A person's
 * birth date comes from their ID number, which never changes; a PIPL erasure
 * keeps the birth year only, and the cases it paid keep the age they had.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('claims').addColumn('age_at_event', 'integer').execute()
  await sql`update claims set age_at_event = (
      select cast(substr(claims.event_date, 1, 4) as integer) - cast(substr(ip.birth_date, 1, 4) as integer)
        - case when substr(claims.event_date, 6, 5) < substr(ip.birth_date, 6, 5) then 1 else 0 end
      from insured_persons ip where ip.id = claims.insured_person_id)`.execute(db)
  await db.schema.dropIndex('claims_dashboard').execute()
  await db.schema.createIndex('claims_dashboard').on('claims')
    .columns(['catalogue_id', 'status', 'submitted_at', 'cover_start_on', 'unit_id', 'kind', 'paid_working_days', 'estimate_fen', 'approved_fen', 'decided_by',
      'insured_person_id', 'age_at_event'])
    .execute()
  await analyseRemadeIndex(db, 'claims_dashboard')
}
