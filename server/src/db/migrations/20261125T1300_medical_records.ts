import { sql, type Kysely } from 'kysely'
import { moneyType } from '../dialect'

/**
 * Medical-insurance settlement records (医保结算数据) imported by the office,
 * found by the keyed hash of the ID number (never stored in clear), and the
 * match of a claim to one of them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const money = moneyType(db)
  await db.schema
    .createTable('medical_records')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('import_id', 'text', (c) => c.notNull())
    .addColumn('id_number_hash', 'text', (c) => c.notNull())
    .addColumn('hospital', 'text', (c) => c.notNull())
    .addColumn('admitted_on', 'text', (c) => c.notNull())
    .addColumn('discharged_on', 'text', (c) => c.notNull())
    .addColumn('total_cost_fen', money, (c) => c.notNull().check(sql`total_cost_fen >= 0`))
    .addColumn('pooled_out_of_pocket_fen', money, (c) => c.notNull().check(sql`pooled_out_of_pocket_fen >= 0`))
    .addColumn('supplementary_out_of_pocket_fen', money, (c) => c.notNull().check(sql`supplementary_out_of_pocket_fen >= 0`))
    .addColumn('deductible_fen', money, (c) => c.notNull().check(sql`deductible_fen >= 0`))
    .addColumn('imported_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute()
  // One record per person, hospital and admission: a later import replaces it. Also the index the match reads.
  await db.schema.createIndex('medical_records_stay').unique().on('medical_records').columns(['id_number_hash', 'admitted_on', 'hospital']).execute()

  await db.schema
    .createTable('claim_medical_matches')
    .addColumn('claim_id', 'text', (c) => c.primaryKey().notNull().references('claims.id'))
    .addColumn('medical_record_id', 'text', (c) => c.notNull().references('medical_records.id'))
    .addColumn('result', 'text', (c) => c.notNull().check(sql`result in ('verified', 'mismatch')`))
    .addColumn('differences', 'text', (c) => c.notNull())
    .addColumn('matched_at', 'text', (c) => c.notNull())
    .execute()
}
