import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { migrateToLatest } from '../../db/migrate'
import { migrations } from '../../db/migrations'
import { openDatabase, type Db } from '../../db/open'

/**
 * An installation upgraded to the indicators: a claim paid before gets its
 * days to pay counted on the calendar (from the bank's date on its payment
 * line, else the China date it was recorded paid); an unpaid claim gets none.
 * Every claim made before gets its enrolment's unit and cover start.
 */
/**
 * A database with the migrations before `firstUnapplied`, and a member (usr_1), their person (per_1) and a cover of
 * theirs (enr_1, from 2026-01-02) written as the schema then stood; removed after `check`.
 */
async function withMemberBefore(firstUnapplied: string, check: (db: Db, at: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'huzhu-dashboard-migration-'))
  const { db, close } = await openDatabase(join(dir, 'db.sqlite'), { readPoolSize: 1 })
  try {
    await migrateToLatest(db, Object.fromEntries(Object.entries(migrations).filter(([name]) => name < firstUnapplied)))
    const at = '2026-09-28T01:30:00.000Z'
    await sql`insert into users (id, phone_hash, phone_ciphertext, wechat_openid, created_at, last_login_at, disabled_at) values ('usr_1', 'h', null, null, ${at}, null, null)`.execute(db)
    await sql`insert into insured_persons (id, id_number_hash, id_number_ciphertext, name, sex, birth_date, mobile_ciphertext, mobile_hash, occupation, platform, basic_medical_insurance, created_at, updated_at)
      values ('per_1', 'i', 'x', '王', 'M', '1990-01-01', null, null, null, null, 1, ${at}, ${at})`.execute(db)
    await sql`insert into enrolments (id, insured_person_id, catalogue_id, mode, status, products, accepted_on, start_on, end_on, cover_from, premium_fen, premium_lines, funding_source, unit_id, event_id, roster_id, payment_id, created_by, created_at, updated_at, cancelled_at)
      values ('enr_1', 'per_1', 'c', 'instant', 'active', '[]', '2026-01-01', '2026-01-02', '2027-01-01', '{}', 100, '[]', 'member', null, null, null, null, 'usr_1', ${at}, ${at}, null)`.execute(db)
    await check(db, at)
  } finally {
    await close()
    rmSync(dir, { recursive: true, force: true })
  }
}

test('the dashboard migrations count the days to pay of claims paid before them and copy each claim’s unit and cover start', async () => {
  await withMemberBefore('20261201T1110', async (db, at) => {
    // A cover through a unit, starting 2026-03-01: its claim carries the unit and the start after the claim-scope migration.
    await sql`insert into units (id, name, created_at) values ('unt_1', '快递站', ${at})`.execute(db)
    await sql`insert into enrolments (id, insured_person_id, catalogue_id, mode, status, products, accepted_on, start_on, end_on, cover_from, premium_fen, premium_lines, funding_source, unit_id, event_id, roster_id, payment_id, created_by, created_at, updated_at, cancelled_at)
      values ('enr_2', 'per_1', 'c', 'collective', 'active', '[]', '2026-02-20', '2026-03-01', '2027-02-28', '{}', 100, '[]', 'unit', 'unt_1', null, null, null, 'usr_1', ${at}, ${at}, null)`.execute(db)
    await sql`insert into claims (id, member_user_id, enrolment_id, insured_person_id, catalogue_id, kind, event_date, diagnosis, hospital, figures, invoice_numbers, status, submitted_at, last_material_at, due_on, estimate_fen, estimate_lines, flags, flagged, decision, approved_fen, decided_by, payment_batch_id, payment_reference, paid_at, created_at, updated_at)
      values ('clm_unit', 'usr_1', 'enr_2', 'per_1', 'c', 'inpatient', '2026-09-01', 'd', null, '{}', '[]', 'submitted', ${at}, ${at}, '2026-10-16', 100, '[]', '[]', 0, null, null, null, null, null, null, ${at}, ${at})`.execute(db)
    // Last material Monday 2026-09-28 (China); recorded paid on 2026-10-12 and on 2026-09-30 (China dates of the instants), or not at all.
    for (const [id, status, paidAt] of [['clm_late', 'paid', '2026-10-12T03:00:00.000Z'], ['clm_alone', 'paid', '2026-09-29T17:00:00.000Z'], ['clm_open', 'approved', null]] as const) {
      await sql`insert into claims (id, member_user_id, enrolment_id, insured_person_id, catalogue_id, kind, event_date, diagnosis, hospital, figures, invoice_numbers, status, submitted_at, last_material_at, due_on, estimate_fen, estimate_lines, flags, flagged, decision, approved_fen, decided_by, payment_batch_id, payment_reference, paid_at, created_at, updated_at)
        values (${id}, 'usr_1', 'enr_1', 'per_1', 'c', 'inpatient', '2026-09-01', 'd', null, '{}', '[]', ${status}, ${at}, ${at}, '2026-10-16', 100, '[]', '[]', 0, null, 100, null, null, null, ${paidAt}, ${at}, ${at})`.execute(db)
    }
    await migrateToLatest(db)
    const scope = await db.selectFrom('claims').select(['id', 'unit_id', 'cover_start_on']).where('id', 'in', ['clm_unit', 'clm_open']).orderBy('id').execute()
    expect(scope).toEqual([{ id: 'clm_open', unit_id: null, cover_start_on: '2026-01-02' }, { id: 'clm_unit', unit_id: 'unt_1', cover_start_on: '2026-03-01' }])
    const rows = await db.selectFrom('claims').select(['id', 'paid_on', 'paid_working_days']).where('id', '<>', 'clm_unit').orderBy('id').execute()
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]))
    expect(byId.clm_alone).toEqual({ id: 'clm_alone', paid_on: '2026-09-30', paid_working_days: 2 })
    expect(byId.clm_open).toEqual({ id: 'clm_open', paid_on: null, paid_working_days: null })
    // 09-29, 09-30, then the National Day holiday (10-01..07), 10-08, 10-09, 10-10 (a make-up Saturday), 10-12: six working days.
    expect(byId.clm_late).toEqual({ id: 'clm_late', paid_on: '2026-10-12', paid_working_days: 6 })
  })
})

/**
 * SQLite plans from the statistics ANALYZE gathered: claims_dashboard, made
 * again wider for the public page's cases, keeps them where they were
 * gathered (without, the planner skip-scanned another index and looked up
 * each claim's row for the paid claims' figures, 3× slower over a million).
 */
test('claims_dashboard, made again, has planner statistics where the others have them (SQLite)', async () => {
  await withMemberBefore('20261202T1800', async (db, at) => {
    await sql`insert into claims (id, member_user_id, enrolment_id, insured_person_id, catalogue_id, unit_id, cover_start_on, kind, event_date, diagnosis, hospital, figures, invoice_numbers, status, submitted_at, last_material_at, due_on, estimate_fen, estimate_lines, flags, flagged, decision, approved_fen, decided_by, payment_batch_id, payment_reference, paid_at, created_at, updated_at)
      values ('clm_1', 'usr_1', 'enr_1', 'per_1', 'c', null, '2026-01-02', 'inpatient', '2026-09-01', 'd', null, '{}', '[]', 'paid', ${at}, ${at}, '2026-10-16', 100, '[]', '[]', 0, null, 100, null, null, null, ${at}, ${at}, ${at})`.execute(db)
    await sql`analyze`.execute(db)
    const statsOf = async (index: string) => (await sql<{ stat: string }>`select stat from sqlite_stat1 where idx = ${index}`.execute(db)).rows
    expect(await statsOf('claims_dashboard')).toHaveLength(1)
    await migrateToLatest(db)
    expect(await statsOf('claims_dashboard')).toHaveLength(1)
  })
})

test('claims made before the claimant’s age was kept get their age on the event date, in whole years, from the person’s birth date', async () => {
  await withMemberBefore('20261203T0100', async (db, at) => {
    // per_1 was born 1990-01-01; per_2 on 1990-12-15, whose birthday comes after the event date in the year.
    await sql`insert into insured_persons (id, id_number_hash, id_number_ciphertext, name, sex, birth_date, mobile_ciphertext, mobile_hash, occupation, platform, basic_medical_insurance, created_at, updated_at)
      values ('per_2', 'j', 'x', '李', 'F', '1990-12-15', null, null, null, null, 1, ${at}, ${at})`.execute(db)
    for (const [id, person] of [['clm_1', 'per_1'], ['clm_2', 'per_2']] as const) {
      await sql`insert into claims (id, member_user_id, enrolment_id, insured_person_id, catalogue_id, unit_id, cover_start_on, kind, event_date, diagnosis, hospital, figures, invoice_numbers, status, submitted_at, last_material_at, due_on, estimate_fen, estimate_lines, flags, flagged, decision, approved_fen, decided_by, payment_batch_id, payment_reference, paid_at, created_at, updated_at)
        values (${id}, 'usr_1', 'enr_1', ${person}, 'c', null, '2026-01-02', 'inpatient', '2026-09-01', 'd', null, '{}', '[]', 'paid', ${at}, ${at}, '2026-10-16', 100, '[]', '[]', 0, null, 100, null, null, null, ${at}, ${at}, ${at})`.execute(db)
    }
    await migrateToLatest(db)
    const rows = await db.selectFrom('claims').select(['id', 'age_at_event']).orderBy('id').execute()
    expect(rows).toEqual([{ id: 'clm_1', age_at_event: 36 }, { id: 'clm_2', age_at_event: 35 }])
  })
})
