import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { builtInCalendarData } from '@huzhu/shared'
import { sql } from 'kysely'
import { migrateToLatest } from '../../db/migrate'
import { migrations } from '../../db/migrations'
import { openDatabase } from '../../db/open'

/**
 * An installation upgraded to the calendar in the database: it holds the shipped
 * years, day for day; an open claim whose due date was counted past them (on
 * weekends alone) is marked provisional, a decided one and one inside them are not.
 */
test('the holiday-calendar migration seeds the shipped years and marks open claims counted past them', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'huzhu-calendar-migration-'))
  const { db, close } = await openDatabase(join(dir, 'db.sqlite'), { readPoolSize: 1 })
  try {
    await migrateToLatest(db, Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '20261129T1100')))
    const at = '2026-12-18T02:00:00.000Z'
    await sql`insert into users (id, phone_hash, phone_ciphertext, wechat_openid, created_at, last_login_at, disabled_at) values ('usr_1', 'h', null, null, ${at}, null, null)`.execute(db)
    await sql`insert into insured_persons (id, id_number_hash, id_number_ciphertext, name, sex, birth_date, mobile_ciphertext, mobile_hash, occupation, platform, basic_medical_insurance, created_at, updated_at)
      values ('per_1', 'i', 'x', '王', 'M', '1990-01-01', null, null, null, null, 1, ${at}, ${at})`.execute(db)
    await sql`insert into enrolments (id, insured_person_id, catalogue_id, mode, status, products, accepted_on, start_on, end_on, cover_from, premium_fen, premium_lines, funding_source, unit_id, event_id, roster_id, payment_id, created_by, created_at, updated_at, cancelled_at)
      values ('enr_1', 'per_1', 'c', 'instant', 'active', '[]', '2026-01-01', '2026-01-02', '2027-01-01', '{}', 100, '[]', 'member', null, null, null, null, 'usr_1', ${at}, ${at}, null)`.execute(db)
    for (const [id, status, dueOn] of [['clm_open', 'in_review', '2027-01-01'], ['clm_decided', 'approved', '2027-01-01'], ['clm_inside', 'submitted', '2026-12-08']]) {
      await sql`insert into claims (id, member_user_id, enrolment_id, insured_person_id, catalogue_id, kind, event_date, diagnosis, hospital, figures, invoice_numbers, status, submitted_at, last_material_at, due_on, estimate_fen, estimate_lines, flags, flagged, decision, approved_fen, decided_by, payment_batch_id, payment_reference, paid_at, created_at, updated_at)
        values (${id}, 'usr_1', 'enr_1', 'per_1', 'c', 'inpatient', '2026-03-01', 'd', null, '{}', '[]', ${status}, ${at}, ${at}, ${dueOn}, 100, '[]', '[]', 0, null, null, null, null, null, null, ${at}, ${at})`.execute(db)
    }

    await migrateToLatest(db)
    expect(await db.selectFrom('holiday_calendar_years').select('year').orderBy('year').execute()).toEqual([{ year: 2024 }, { year: 2025 }, { year: 2026 }])
    const days = await db.selectFrom('holiday_calendar_days').select(['date', 'kind']).orderBy('date').execute()
    expect(days.filter((d) => d.kind === 'holiday').map((d) => d.date)).toEqual([...builtInCalendarData.holidays].sort())
    expect(days.filter((d) => d.kind === 'workday').map((d) => d.date)).toEqual([...builtInCalendarData.workdays].sort())
    expect(await db.selectFrom('claims').select(['id', 'due_on_provisional']).orderBy('id').execute()).toEqual([
      { id: 'clm_decided', due_on_provisional: 0 }, { id: 'clm_inside', due_on_provisional: 0 }, { id: 'clm_open', due_on_provisional: 1 },
    ])
    // A date is one kind at most, of an entered year.
    await expect(db.insertInto('holiday_calendar_days').values({ date: '2026-10-01', year: 2026, kind: 'workday' }).execute()).rejects.toThrow(/UNIQUE constraint failed/)
    await expect(db.insertInto('holiday_calendar_days').values({ date: '2026-10-31', year: 2026, kind: 'rest' as never }).execute()).rejects.toThrow(/CHECK constraint failed/)
  } finally {
    await close()
    rmSync(dir, { recursive: true, force: true })
  }
})
