import { Writable } from 'node:stream'
import {
  claimant, fillProfile, setChinaDate, startAppWithWechat, startTestApp, createTestEnrolment,
  type Claimant, type FakeWechat, type TestApp, type TestEnrolmentOptions,
} from '../../../test/helpers'
import type { Db } from '../../db/open'
import { createLogger } from '../../logger'
import { runCoverEndingReminders, scheduleCoverEndingReminders } from './cover-ending.service'

function capturedLogger() {
  let text = ''
  const logger = createLogger('info', new Writable({ write(chunk: Buffer, _encoding, done) { text += chunk.toString(); done() } }))
  return { logger, text: () => text }
}

/** A member with a profile and an enrolment whose last day is `endOn`. */
async function memberEndingOn(app: TestApp, endOn: string, enrolment: TestEnrolmentOptions = {}): Promise<Claimant> {
  const member = await claimant(app, { enrolment })
  await app.db.updateTable('enrolments').set({ end_on: endOn }).where('id', '=', member.enrolmentId).execute()
  return member
}

/** One run of the job, then the outbox sends what it queued. */
async function run(app: TestApp): Promise<string[]> {
  const reminded = await runCoverEndingReminders({ db: app.db, config: app.config, logger: capturedLogger().logger, clock: app.clock, outbox: app.outbox })
  await app.outbox.drain()
  return reminded.map((row) => row.subject_id)
}

async function coverEndingMessages(app: TestApp, member: Claimant) {
  const res = await app.api.get('/api/v1/me/notifications', { token: member.token })
  expect(res.status).toBe(200)
  return (res.body.notifications as Array<{ kind: string; subject: { id: string } }>).filter((n) => n.kind === 'cover_ending')
}

describe('cover-ending reminders', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp()
    setChinaDate(app, '2026-11-24')
  })
  afterAll(() => app.close())

  test('an active enrolment ending in 14 days is reminded, one ending in 15 days not yet; the member sees it', async () => {
    const in14 = await memberEndingOn(app, '2026-12-08')
    const in15 = await memberEndingOn(app, '2026-12-09')
    const today = await memberEndingOn(app, '2026-11-24')

    expect((await run(app)).sort()).toEqual([in14.enrolmentId, today.enrolmentId].sort())

    const res = await app.api.get('/api/v1/me/notifications', { token: in14.token })
    expect(res.body.unread).toBe(1)
    expect(res.body.notifications[0]).toEqual({
      id: expect.stringMatching(/^ntf_/), kind: 'cover_ending', title: '保障即将到期', body: '您的保障将于 2026-12-08 到期，点开即可一键续保，新保障从到期次日起接续。',
      subject: { type: 'enrolment', id: in14.enrolmentId }, createdAt: expect.any(String), readAt: null,
    })
    expect(await coverEndingMessages(app, in15)).toEqual([])

    // A day later the 15-day one is due; the others are not reminded again.
    setChinaDate(app, '2026-11-25')
    expect(await run(app)).toEqual([in15.enrolmentId])
    expect(await coverEndingMessages(app, in15)).toHaveLength(1)
    expect(await coverEndingMessages(app, in14)).toHaveLength(1)
  })

  test('a member who has already renewed is not reminded', async () => {
    const member = await memberEndingOn(app, '2026-12-03')
    const { enrolmentId: renewal } = await createTestEnrolment(app, member, { status: 'pending_payment' })
    await app.db.updateTable('enrolments').set({ start_on: '2026-12-04', end_on: '2027-12-03' }).where('id', '=', renewal).execute()
    expect(await run(app)).not.toContain(member.enrolmentId)
    await app.db.updateTable('enrolments').set({ status: 'cancelled' }).where('id', '=', renewal).execute()
    expect(await run(app)).toContain(member.enrolmentId)
  })

  test('a second run reminds nobody twice, and the database refuses a second reminder', async () => {
    const member = await memberEndingOn(app, '2026-12-01')
    expect(await run(app)).toEqual([member.enrolmentId])
    expect(await run(app)).toEqual([])
    expect(await run(app)).toEqual([])
    expect(await coverEndingMessages(app, member)).toHaveLength(1)

    const first = await app.db.selectFrom('notifications').selectAll().where('subject_id', '=', member.enrolmentId).executeTakeFirstOrThrow()
    await expect(app.db.insertInto('notifications').values({ ...first, id: `${first.id}x` }).execute()).rejects.toThrow(/UNIQUE|unique constraint/)
  })

  test('not for pending, cancelled or ended enrolments, nor a disabled account', async () => {
    const pending = await memberEndingOn(app, '2026-12-02', { status: 'pending_payment' })
    const cancelled = await memberEndingOn(app, '2026-12-02', { status: 'cancelled' })
    const ended = await memberEndingOn(app, '2026-11-24') // today is 2026-11-25
    const disabled = await memberEndingOn(app, '2026-12-02')
    await app.db.updateTable('users').set({ disabled_at: app.clock.now().toISOString() }).where('id', '=', disabled.id).execute()

    expect(await run(app)).toEqual([])
    for (const member of [pending, cancelled, ended]) expect(await coverEndingMessages(app, member)).toEqual([])
    expect(await app.db.selectFrom('notifications').select('id').where('kind', '=', 'cover_ending').where('user_id', '=', disabled.id).execute()).toEqual([])
  })

  test('a member with two enrolments ending soon gets one reminder for each', async () => {
    const member = await memberEndingOn(app, '2026-12-03')
    const second = await createTestEnrolment(app, member, { catalogueId: 'shanghai-2020', acceptedOn: '2020-03-20' })
    await app.db.updateTable('enrolments').set({ end_on: '2026-12-04' }).where('id', '=', second.enrolmentId).execute()
    expect((await run(app)).sort()).toEqual([member.enrolmentId, second.enrolmentId].sort())
    expect((await coverEndingMessages(app, member)).map((n) => n.subject.id).sort()).toEqual([member.enrolmentId, second.enrolmentId].sort())
  })

  test('the schedule runs at once; a failed run is logged, not thrown', async () => {
    const member = await memberEndingOn(app, '2026-12-05')
    const ok = capturedLogger()
    await scheduleCoverEndingReminders({ db: app.db, config: app.config, logger: ok.logger, clock: app.clock, outbox: app.outbox }).stop()
    expect(await coverEndingMessages(app, member)).toHaveLength(1)
    expect(ok.text()).toContain('cover ending reminders written')

    const broken = capturedLogger()
    const db = { transaction: () => { throw new Error('database gone') } } as unknown as Db
    await scheduleCoverEndingReminders({ db, config: app.config, logger: broken.logger, clock: app.clock, outbox: app.outbox }).stop()
    expect(broken.text()).toContain('scheduled job failed')
    expect(broken.text()).toContain('cover_ending_reminders')
    expect(broken.text()).toContain('database gone')
  })
})

describe('cover-ending reminders on two nodes', () => {
  // Two apps on one database file: each with its own connections, clock, outbox worker and server.
  let a: TestApp
  let b: TestApp
  beforeAll(async () => {
    a = await startTestApp()
    b = await startTestApp({ sameDatabaseAs: a })
    setChinaDate(a, '2026-11-24')
    setChinaDate(b, '2026-11-24')
  })
  afterAll(async () => {
    await b.close()
    await a.close()
  })

  test('both nodes start the hourly job at once: one of them runs it, each member gets one reminder, sent once', async () => {
    const members = [await memberEndingOn(a, '2026-12-05'), await memberEndingOn(b, '2026-12-06'), await memberEndingOn(a, '2026-12-07')]
    const logs = [capturedLogger(), capturedLogger()]
    const nodes = [a, b].map((node, i) => ({ db: node.db, config: node.config, logger: logs[i]!.logger, clock: node.clock, outbox: node.outbox }))
    await Promise.all([
      scheduleCoverEndingReminders(nodes[0]!, a.outbox.nodeId).stop(),
      scheduleCoverEndingReminders(nodes[1]!, b.outbox.nodeId).stop(),
    ])
    await Promise.all([a.outbox.drain(), b.outbox.drain()])
    for (const member of members) expect(await coverEndingMessages(a, member)).toHaveLength(1)
    expect(logs.filter((l) => l.text().includes('cover ending reminders written'))).toHaveLength(1)
    const lease = await a.db.selectFrom('job_leases').selectAll().where('name', '=', 'cover_ending_reminders').executeTakeFirstOrThrow()
    expect([a.outbox.nodeId, b.outbox.nodeId]).toContain(lease.holder)
    // Each reminder's delivery was taken once, by one node.
    const deliveries = await a.db.selectFrom('outbox').select(['attempts', 'done_at']).where('kind', '=', 'notification').execute()
    expect(deliveries).toHaveLength(members.length)
    expect(deliveries.every((d) => d.attempts === 1 && d.done_at !== null)).toBe(true)
    // Later the same hour the other node's tick does nothing; and a second run would remind nobody twice anyway.
    await scheduleCoverEndingReminders(nodes[1]!, b.outbox.nodeId).stop()
    expect(await run(b)).toEqual([])
    for (const member of members) expect(await coverEndingMessages(a, member)).toHaveLength(1)
  })
})

describe('cover-ending reminders over WeChat', () => {
  let app: TestApp
  let wechat: FakeWechat
  let close: () => Promise<void>
  beforeAll(async () => {
    ;({ app, wechat, close } = await startAppWithWechat())
    setChinaDate(app, '2026-11-24')
  })
  afterAll(() => close())

  test('after the commit, a subscribe message opens the enrolment’s card', async () => {
    const session = await app.api.post('/api/v1/auth/wechat-sessions', { code: 'ok-carol' })
    const user = { id: session.body.user.id as string, token: session.body.token as string, phone: '13700000000', roles: ['member' as const] }
    await fillProfile(app, user, { mobile: '13700000002' })
    const { enrolmentId } = await createTestEnrolment(app, user)
    await app.db.updateTable('enrolments').set({ end_on: '2026-12-08' }).where('id', '=', enrolmentId).execute()

    expect(await run(app)).toEqual([enrolmentId])
    expect(wechat.subscribeMessages.at(-1)).toEqual({
      touser: 'openid-carol', template_id: 'tpl-enrolment-status', page: `enrol/card/index?enrolment=${enrolmentId}`, lang: 'zh_CN',
      data: { thing1: { value: '保障即将到期' }, thing2: { value: expect.any(String) }, time3: { value: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/) } },
    })
    const row = await app.db.selectFrom('notifications').select('wechat_state').where('subject_id', '=', enrolmentId).executeTakeFirstOrThrow()
    expect(row.wechat_state).toBe('sent')
    const sent = wechat.subscribeMessages.length
    expect(await run(app)).toEqual([])
    expect(wechat.subscribeMessages).toHaveLength(sent)
  })
})
