import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { migrateToLatest } from '../../db/migrate'
import { migrations } from '../../db/migrations'
import { openDatabase } from '../../db/open'
import { isPaymentCode } from './payment-code'

/**
 * An installation upgraded from before payment codes: what is still awaiting
 * payment gets its code, by the rule new records follow (a roster its unit pays
 * has one; every other pending enrolment its own); what is paid or cancelled
 * gets none.
 */
test('the payment_codes migration gives codes to what is still pending', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'huzhu-payment-codes-migration-'))
  const { db, close } = await openDatabase(join(dir, 'db.sqlite'), { readPoolSize: 1 })
  try {
    await migrateToLatest(db, Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '20261128T1610')))
    const at = '2026-11-20T00:00:00.000Z'
    await db.insertInto('users').values({ id: 'usr_staff', phone_hash: null, phone_ciphertext: null, wechat_openid: null, created_at: at, last_login_at: null, disabled_at: null }).execute()
    await db.insertInto('units').values({ id: 'unt_a', name: '单位', created_at: at }).execute()
    await db.insertInto('insured_persons').values({
      id: 'per_a', id_number_hash: 'h', id_number_ciphertext: 'x', name: '王', sex: 'M', birth_date: '1990-01-01', mobile_ciphertext: null, mobile_hash: null,
      occupation: null, platform: null, basic_medical_insurance: 1, created_at: at, updated_at: at,
    }).execute()
    const roster = (id: string) => ({
      id, unit_id: 'unt_a', catalogue_id: 'c', file_name: null, file_sha256: 's', mode: 'instant', accepted_on: '2026-11-20', status: 'imported',
      row_count: 1, valid_count: 1, errors: '[]', imported_count: 1, premium_fen: 100, created_by: 'usr_staff', created_at: at, imported_at: at,
    })
    await db.insertInto('rosters').values([roster('rst_unit'), roster('rst_members'), roster('rst_paid')]).execute()
    const enrolment = (id: string, status: string, funding: string, rosterId: string | null) => ({
      id, insured_person_id: 'per_a', catalogue_id: 'c', mode: 'instant', status, products: '[]', accepted_on: '2026-11-20', start_on: '2026-11-21',
      end_on: '2027-11-20', cover_from: '{}', premium_fen: 100, premium_lines: '[]', funding_source: funding, unit_id: rosterId ? 'unt_a' : null,
      event_id: null, roster_id: rosterId, payment_id: null, created_by: null, created_at: at, updated_at: at, cancelled_at: null,
    })
    await db.insertInto('enrolments').values([
      enrolment('enr_alone', 'pending_payment', 'member', null),
      enrolment('enr_gift', 'pending_payment', 'union_gift', null),
      enrolment('enr_paid', 'active', 'member', null),
      enrolment('enr_unit1', 'pending_payment', 'unit', 'rst_unit'),
      enrolment('enr_unit2', 'pending_payment', 'unit', 'rst_unit'),
      enrolment('enr_member1', 'pending_payment', 'member', 'rst_members'),
      enrolment('enr_member2', 'cancelled', 'member', 'rst_members'),
      enrolment('enr_rosterpaid', 'active', 'unit', 'rst_paid'),
    ]).execute()

    await migrateToLatest(db)
    const codes = await db.selectFrom('payment_codes').selectAll().orderBy('enrolment_id').orderBy('roster_id').execute()
    expect(codes.map((c) => [c.enrolment_id, c.roster_id])).toEqual([
      [null, 'rst_unit'], ['enr_alone', null], ['enr_gift', null], ['enr_member1', null],
    ])
    expect(codes.every((c) => isPaymentCode(c.code))).toBe(true)
    expect(new Set(codes.map((c) => c.code)).size).toBe(codes.length)
  } finally {
    await close()
    rmSync(dir, { recursive: true, force: true })
  }
})
