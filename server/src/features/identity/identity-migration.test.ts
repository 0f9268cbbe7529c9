import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { migrateToLatest } from '../../db/migrate'
import { migrations } from '../../db/migrations'
import { openDatabase } from '../../db/open'

/**
 * An installation upgraded from before identity links: an account keeps the
 * cover it saw only where the proof holds (its login phone is the person's
 * phone, or it enrolled the person itself); a profile that merely typed the
 * number loses it. Profiles keep every field; the ID number stops being unique.
 */
test('the person_accounts migration links only proven accounts and keeps every profile', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'huzhu-identity-migration-'))
  const { db, close } = await openDatabase(join(dir, 'db.sqlite'), { readPoolSize: 1 })
  try {
    const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '20261128T1000'))
    await migrateToLatest(db, before)
    const at = '2026-11-20T00:00:00.000Z'
    const user = (id: string, phone: string | null) => ({ id, phone_hash: phone, phone_ciphertext: null, wechat_openid: null, created_at: at, last_login_at: null, disabled_at: null })
    await db.insertInto('users').values([user('usr_rider', 'phone-rider'), user('usr_typist', 'phone-typist'), user('usr_self', 'phone-self')]).execute()
    const profile = (userId: string, idHash: string) => ({
      user_id: userId, name: '王', id_number_ciphertext: 'x', id_number_hash: idHash, sex: 'M', birth_date: '1990-01-01', mobile_ciphertext: 'x',
      mobile_hash: 'm', occupation: 'courier', platform: 'p', basic_medical_insurance: 1, union_member: 1, created_at: at, updated_at: at,
    })
    await db.insertInto('member_profiles').values([profile('usr_rider', 'id-rostered'), profile('usr_self', 'id-self')]).execute()
    const person = (id: string, idHash: string, phone: string | null) => ({
      id, id_number_hash: idHash, id_number_ciphertext: 'x', name: '王', sex: 'M', birth_date: '1990-01-01', mobile_ciphertext: null, mobile_hash: phone,
      occupation: null, platform: null, basic_medical_insurance: 1, created_at: at, updated_at: at,
    })
    await db.insertInto('insured_persons').values([person('per_rostered', 'id-rostered', 'phone-rider'), person('per_self', 'id-self', 'phone-other')]).execute()
    await db.insertInto('enrolments').values({
      id: 'enr_self', insured_person_id: 'per_self', catalogue_id: 'c', mode: 'instant', status: 'active', products: '[]', accepted_on: '2026-01-01',
      start_on: '2026-01-02', end_on: '2027-01-01', cover_from: '{}', premium_fen: 100, premium_lines: '[]', funding_source: 'member', unit_id: null,
      event_id: null, roster_id: null, payment_id: null, created_by: 'usr_self', created_at: at, updated_at: at, cancelled_at: null,
    }).execute()

    await migrateToLatest(db)
    // The typist now types the rostered rider's number too: allowed, and links nothing.
    await db.insertInto('member_profiles').values(profile('usr_typist', 'id-rostered')).execute()
    const links = await db.selectFrom('person_accounts').select(['insured_person_id', 'user_id', 'via']).orderBy('user_id').execute()
    expect(links).toEqual([
      { insured_person_id: 'per_rostered', user_id: 'usr_rider', via: 'phone' },
      { insured_person_id: 'per_self', user_id: 'usr_self', via: 'enrolment' },
    ])
    expect(await db.selectFrom('member_profiles').select(['user_id', 'id_number_hash']).orderBy('user_id').execute()).toEqual([
      { user_id: 'usr_rider', id_number_hash: 'id-rostered' }, { user_id: 'usr_self', id_number_hash: 'id-self' }, { user_id: 'usr_typist', id_number_hash: 'id-rostered' },
    ])
  } finally {
    await close()
    rmSync(dir, { recursive: true, force: true })
  }
})
