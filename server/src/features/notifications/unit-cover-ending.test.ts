import { Writable } from 'node:stream'
import {
  createTestEnrolment, createUnit, fillProfile, grantRoles, loginAs, setChinaDate, startTestApp, type TestApp, type TestUser,
} from '../../../test/helpers'
import { createLogger } from '../../logger'
import { runCoverEndingReminders } from './cover-ending.service'

/** Unit admins get the renewal reminder for their unit: how many of its covers end soon, once for those it counted. */
let app: TestApp
let unitId: string
let admin: TestUser
beforeAll(async () => {
  app = await startTestApp()
  setChinaDate(app, '2026-11-24')
  unitId = await createUnit(app, '碑林区外卖骑手站')
  admin = await loginAs(app)
  await grantRoles(app, admin.id, [{ role: 'unit_admin', unitId }])
})
afterAll(() => app.close())

const quietLogger = () => createLogger('info', new Writable({ write(_chunk, _encoding, done) { done() } }))
async function run(): Promise<Array<{ user_id: string; kind: string; subject_type: string; subject_id: string; body: string }>> {
  const rows = await runCoverEndingReminders({ db: app.db, config: app.config, logger: quietLogger(), clock: app.clock, outbox: app.outbox })
  await app.outbox.drain()
  return rows.filter((r) => r.kind === 'unit_cover_ending')
}

/** A rider of the unit (with the app) whose active cover ends on `endOn`. */
async function unitCoverEnding(endOn: string, options: { unit?: string } = {}): Promise<{ member: TestUser; enrolmentId: string }> {
  const member = await loginAs(app)
  await fillProfile(app, member)
  const { enrolmentId } = await createTestEnrolment(app, member, { unitId: options.unit ?? unitId })
  await app.db.updateTable('enrolments').set({ end_on: endOn }).where('id', '=', enrolmentId).execute()
  return { member, enrolmentId }
}

test('the unit admin learns how many of the unit’s covers end within 14 days and are not renewed; once for those', async () => {
  await unitCoverEnding('2026-11-29')
  await unitCoverEnding('2026-12-04')
  await unitCoverEnding('2026-12-14') // 20 days away: not yet
  const renewed = await unitCoverEnding('2026-12-01')
  const { enrolmentId: renewal } = await createTestEnrolment(app, renewed.member, { status: 'pending_payment' })
  await app.db.updateTable('enrolments').set({ start_on: '2026-12-02', end_on: '2027-12-01' }).where('id', '=', renewal).execute()

  const first = await run()
  expect(first).toEqual([expect.objectContaining({
    user_id: admin.id, subject_type: 'unit', subject_id: unitId,
    body: '碑林区外卖骑手站有 2 人的保障将在 2026-12-04 前到期。请在单位页下载续保名单，删除离职人员、添加新入职人员后上传。',
  })])
  const seen = await app.api.get('/api/v1/me/notifications', { token: admin.token })
  expect(seen.body.notifications[0]).toMatchObject({ kind: 'unit_cover_ending', title: '本单位保障即将到期', subject: { type: 'unit', id: unitId } })

  // The same covers again: nothing new.
  expect(await run()).toEqual([])
  setChinaDate(app, '2026-11-26')
  expect(await run()).toEqual([])

  // A cover ending later comes into the window: a new reminder counting every cover still to renew (the one ended on 11-29 no more).
  setChinaDate(app, '2026-11-30')
  expect((await run()).map((r) => r.body)).toEqual(['碑林区外卖骑手站有 2 人的保障将在 2026-12-14 前到期。请在单位页下载续保名单，删除离职人员、添加新入职人员后上传。'])
  expect(await run()).toEqual([])
})

test('only the unit’s own admins, not disabled ones; the database refuses a second reminder for the same covers', async () => {
  setChinaDate(app, '2027-03-01')
  const otherUnit = await createUnit(app, '雁塔区快递网点')
  const theirs = await loginAs(app)
  await grantRoles(app, theirs.id, [{ role: 'unit_admin', unitId: otherUnit }])
  const gone = await loginAs(app)
  await grantRoles(app, gone.id, [{ role: 'unit_admin', unitId: otherUnit }])
  await app.db.updateTable('users').set({ disabled_at: app.clock.now().toISOString() }).where('id', '=', gone.id).execute()
  await unitCoverEnding('2027-03-05', { unit: otherUnit })

  const reminded = await run()
  expect(reminded.map((r) => [r.user_id, r.subject_id])).toEqual([[theirs.id, otherUnit]])
  const row = await app.db.selectFrom('unit_renewal_reminders').selectAll().where('user_id', '=', theirs.id).executeTakeFirstOrThrow()
  expect(row).toMatchObject({ unit_id: otherUnit, through_on: '2027-03-05' })
  await expect(app.db.insertInto('unit_renewal_reminders').values(row).execute()).rejects.toThrow(/UNIQUE|unique|PRIMARY/)
})
