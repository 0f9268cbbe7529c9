import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { migrateToLatest } from '../../db/migrate'
import { migrations } from '../../db/migrations'
import { openDatabase } from '../../db/open'

/**
 * An installation upgraded to renewals: its messages survive the rebuild of
 * `notifications` (ids, read state, the once-per-cover index on renewal
 * reminders), which now also takes a unit as subject.
 */
test('the renewals migration keeps every message and lets a unit be a subject', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'huzhu-renewals-migration-'))
  const { db, close } = await openDatabase(join(dir, 'db.sqlite'), { readPoolSize: 1 })
  try {
    await migrateToLatest(db, Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '20261129T1000')))
    const at = '2026-11-20T00:00:00.000Z'
    await db.insertInto('users').values({ id: 'usr_a', phone_hash: null, phone_ciphertext: null, wechat_openid: null, created_at: at, last_login_at: null, disabled_at: null }).execute()
    const message = (id: string, kind: string, subjectId: string, readAt: string | null) => ({
      id, user_id: 'usr_a', kind, title: '标题', body: '正文', subject_type: 'enrolment', subject_id: subjectId, created_at: at, read_at: readAt, wechat_state: 'sent',
    })
    const before = [message('ntf_1', 'enrolment_active', 'enr_a', at), message('ntf_2', 'cover_ending', 'enr_a', null)]
    await db.insertInto('notifications').values(before).execute()

    await migrateToLatest(db)
    expect(await db.selectFrom('notifications').selectAll().orderBy('id').execute()).toEqual(before)
    await expect(db.insertInto('notifications').values({ ...before[1]!, id: 'ntf_3' }).execute()).rejects.toThrow(/UNIQUE/)
    await db.insertInto('notifications').values({ ...message('ntf_4', 'unit_cover_ending', 'unt_a', null), subject_type: 'unit' }).execute()
    await expect(db.insertInto('notifications').values({ ...message('ntf_5', 'x', 'y', null), subject_type: 'other' }).execute()).rejects.toThrow(/CHECK/)
    const columns = await db.introspection.getTables().then((tables) => tables.find((t) => t.name === 'enrolments')!.columns.map((c) => c.name))
    expect(columns).toContain('renews_enrolment_id')
  } finally {
    await close()
    rmSync(dir, { recursive: true, force: true })
  }
})
