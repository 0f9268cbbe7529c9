import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { migrateToLatest } from '../../db/migrate'
import { migrations } from '../../db/migrations'
import { openDatabase } from '../../db/open'

/**
 * An installation upgraded from before payee accounts: its claims stay as they
 * were (no payee account yet), `claims.status` now also takes
 * payment_in_progress and still refuses anything else, on the writer and on a
 * reader opened before the upgrade; nothing that references claims loses it.
 */
test('the payee-accounts migration widens claims.status in place and keeps every claim and reference', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'huzhu-payee-migration-'))
  const { db, readDb, close } = await openDatabase(join(dir, 'db.sqlite'), { readPoolSize: 1 })
  try {
    await migrateToLatest(db, Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '20261128T1530')))
    const at = '2026-11-20T00:00:00.000Z'
    await sql`insert into users (id, phone_hash, phone_ciphertext, wechat_openid, created_at, last_login_at, disabled_at) values ('usr_1', 'h', null, null, ${at}, null, null)`.execute(db)
    await sql`insert into insured_persons (id, id_number_hash, id_number_ciphertext, name, sex, birth_date, mobile_ciphertext, mobile_hash, occupation, platform, basic_medical_insurance, created_at, updated_at)
      values ('per_1', 'i', 'x', '王', 'M', '1990-01-01', null, null, null, null, 1, ${at}, ${at})`.execute(db)
    await sql`insert into enrolments (id, insured_person_id, catalogue_id, mode, status, products, accepted_on, start_on, end_on, cover_from, premium_fen, premium_lines, funding_source, unit_id, event_id, roster_id, payment_id, created_by, created_at, updated_at, cancelled_at)
      values ('enr_1', 'per_1', 'c', 'instant', 'active', '[]', '2026-01-01', '2026-01-02', '2027-01-01', '{}', 100, '[]', 'member', null, null, null, null, 'usr_1', ${at}, ${at}, null)`.execute(db)
    await sql`insert into claims (id, member_user_id, enrolment_id, insured_person_id, catalogue_id, kind, event_date, diagnosis, hospital, figures, invoice_numbers, status, submitted_at, last_material_at, due_on, estimate_fen, estimate_lines, flags, flagged, decision, approved_fen, decided_by, payment_batch_id, payment_reference, paid_at, created_at, updated_at)
      values ('clm_1', 'usr_1', 'enr_1', 'per_1', 'c', 'inpatient', '2026-03-01', 'd', null, '{}', '[]', 'approved', ${at}, ${at}, '2026-12-01', 100, '[]', '[]', 0, null, 100, null, null, null, null, ${at}, ${at})`.execute(db)
    await sql`insert into claim_history (id, claim_id, at, status, actor_user_id, actor_role, note) values ('clh_1', 'clm_1', ${at}, 'approved', null, 'system', null)`.execute(db)
    // A reader that has loaded the old schema.
    expect(await readDb.selectFrom('claims').select('status').execute()).toEqual([{ status: 'approved' }])

    await migrateToLatest(db)
    expect(await db.selectFrom('claims').select(['id', 'status', 'payee_account_id']).execute()).toEqual([{ id: 'clm_1', status: 'approved', payee_account_id: null }])
    await db.updateTable('claims').set({ status: 'payment_in_progress' }).where('id', '=', 'clm_1').execute()
    expect(await readDb.selectFrom('claims').select('status').execute()).toEqual([{ status: 'payment_in_progress' }])
    await expect(db.updateTable('claims').set({ status: 'lost_at_the_bank' }).where('id', '=', 'clm_1').execute()).rejects.toThrow(/CHECK constraint failed/)
    // Whatever referenced claims still does, and holds.
    const references = await sql<{ sql: string }>`select sql from sqlite_schema where name in ('claim_history', 'claim_documents', 'claim_invoices', 'claim_payment_lines')`.execute(db)
    expect(references.rows).toHaveLength(4)
    for (const row of references.rows) expect(row.sql).toMatch(/references "?claims"? \("?id"?\)/i)
    expect((await sql`pragma foreign_key_check`.execute(db)).rows).toEqual([])
    expect((await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db)).rows).toEqual([{ integrity_check: 'ok' }])
    await expect(db.deleteFrom('claims').where('id', '=', 'clm_1').execute()).rejects.toThrow(/FOREIGN KEY constraint failed/)
  } finally {
    await close()
    rmSync(dir, { recursive: true, force: true })
  }
})
