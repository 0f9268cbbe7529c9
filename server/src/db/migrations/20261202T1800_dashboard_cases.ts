import type { Kysely } from 'kysely'
import { analyseRemadeIndex } from '../sqlite/statistics'

/**
 * The public transparency page's paid cases (`features/transparency`) group
 * each paid claim of a catalogue's plan year by kind, amount, the person's age
 * on the event date, the unit's place and days to pay, and count the people.
 * `claims_dashboard` held neither the event date nor the person, so every paid
 * claim's row was read (2.2 s over 200,000 paid claims of a plan year). It
 * holds them now, last, and stays the one index the claim figures read: a
 * second index led by status or catalogue for the cases drew the planner to
 * it for other figures, looking up each claim's row (claims by status 4 s).
 * SQLite: the index, made again, has no planner statistics while the others
 * keep theirs, so the planner took a skip-scan of another index over it (paid
 * claims by catalogue 3× slower); where statistics were gathered, they are
 * gathered for it too. (PostgreSQL's planner reads the table's statistics.)
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('claims_dashboard').execute()
  await db.schema.createIndex('claims_dashboard').on('claims')
    .columns(['catalogue_id', 'status', 'submitted_at', 'cover_start_on', 'unit_id', 'kind', 'paid_working_days', 'estimate_fen', 'approved_fen', 'decided_by',
      'insured_person_id', 'event_date'])
    .execute()
  await analyseRemadeIndex(db, 'claims_dashboard')
}
