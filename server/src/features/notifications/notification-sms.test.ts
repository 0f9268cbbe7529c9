import { addDays, chinaDateOf, type NotificationKind } from '@huzhu/shared'
import {
  aliyunSmsEnv, aliyunTemplateCodes, claimant, createTestEnrolment, fillProfile, loginAs, startAppWithWechat, startFakeAliyunSms, startTestApp,
  submitTestClaim, type Claimant, type FakeAliyunSms, type FakeAliyunSmsServer, type FakeWechat, type TestApp,
} from '../../../test/helpers'
import { todayInChina } from '../../clock'
import { runCoverEndingReminders } from './cover-ending.service'
import { notify } from './notifications.service'

let fake: FakeAliyunSmsServer
beforeAll(async () => {
  fake = await startFakeAliyunSms()
})
afterAll(() => fake.close())

/** Notices (not login codes) the fake provider delivered to `phone`. */
const noticesTo = (phone: string): FakeAliyunSms[] => fake.sent.filter((m) => m.phone === phone && m.templateCode !== aliyunTemplateCodes.login_code)

/** Writes notices in one transaction, as a route does, then lets the outbox send them. */
async function notifyAll(app: TestApp, userId: string, notices: { kind: NotificationKind; subject: { type: 'enrolment' | 'claim'; id: string } }[]) {
  await app.db.transaction().execute(async (trx) => {
    for (const notice of notices) await notify(trx, app, { userId, ...notice })
  })
  await app.outbox.drain()
}

describe('notices by SMS to members without WeChat (through the Aliyun SDK and its fake)', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp({ env: aliyunSmsEnv(fake) })
  })
  afterAll(() => app.close())

  test('cover active, material needed, claim paid, payment failed and cover ending each reach the member’s phone with their template and a date', async () => {
    const member = await claimant(app)
    const claim = await submitTestClaim(app, member)
    const enrolment = await app.db.selectFrom('enrolments').select(['start_on', 'end_on']).where('id', '=', member.enrolmentId).executeTakeFirstOrThrow()
    const submitted = chinaDateOf(new Date(claim.submittedAt as string))
    const onEnrolment = { type: 'enrolment', id: member.enrolmentId } as const
    const onClaim = { type: 'claim', id: claim.id as string } as const
    await notifyAll(app, member.id, [
      { kind: 'enrolment_active', subject: onEnrolment },
      { kind: 'claim_needs_material', subject: onClaim },
      { kind: 'claim_paid', subject: onClaim },
      { kind: 'claim_payment_failed', subject: onClaim },
      { kind: 'cover_ending', subject: onEnrolment },
      { kind: 'claim_approved', subject: onClaim }, // in-app and WeChat only
    ])
    const signName = fake.signName
    const notices = noticesTo(member.phone)
    expect(notices).toHaveLength(5)
    expect(notices).toEqual(expect.arrayContaining([
      { phone: member.phone, templateCode: aliyunTemplateCodes.enrolment_active, params: { start: enrolment.start_on }, signName },
      { phone: member.phone, templateCode: aliyunTemplateCodes.claim_needs_material, params: { submitted }, signName },
      { phone: member.phone, templateCode: aliyunTemplateCodes.claim_paid, params: { submitted }, signName },
      { phone: member.phone, templateCode: aliyunTemplateCodes.claim_payment_failed, params: { submitted }, signName },
      { phone: member.phone, templateCode: aliyunTemplateCodes.cover_ending, params: { end: enrolment.end_on }, signName },
    ]))
    // Submitting the claim (claim_submitted) sent no SMS; nothing in the logs names the member's phone.
    expect(app.logs()).not.toContain(member.phone)
    const rows = await app.db.selectFrom('outbox').select(['payload', 'done_at']).where('kind', '=', 'notification').execute()
    expect(rows.every((r) => r.done_at !== null && !r.payload.includes(member.phone))).toBe(true)
  })

  test('a reviewer asking for material: the SMS goes out right after the decision commits, without waiting for a poll', async () => {
    const member = await claimant(app)
    const reviewer = await loginAs(app, { roles: ['reviewer'] })
    const claim = await submitTestClaim(app, member)
    const res = await app.api.post(`/api/v1/claims/${claim.id}/decisions`, { decision: 'request_material', missing: ['settlement_slip'], note: '请补充结算单' }, { token: reviewer.token })
    expect(res.status).toBe(200)
    for (let i = 0; i < 300 && noticesTo(member.phone).length === 0; i++) await new Promise((r) => setTimeout(r, 10))
    expect(noticesTo(member.phone)).toEqual([expect.objectContaining({ templateCode: aliyunTemplateCodes.claim_needs_material })])
  })

  test('the renewal reminder job reaches a member without WeChat by SMS with the last day of cover', async () => {
    const member = await claimant(app)
    const end = addDays(todayInChina(app.clock), 10)
    await app.db.updateTable('enrolments').set({ end_on: end }).where('id', '=', member.enrolmentId).execute()
    await runCoverEndingReminders({ db: app.db, config: app.config, logger: app.deps.logger, clock: app.clock, outbox: app.outbox })
    await app.outbox.drain()
    expect(noticesTo(member.phone)).toEqual([expect.objectContaining({ templateCode: aliyunTemplateCodes.cover_ending, params: { end } })])
  })

  test('a provider refusal (rate limit) is retried after 30 s; a disabled account gets nothing', async () => {
    const member = await claimant(app)
    fake.refuseNext = { count: 1, code: 'isv.BUSINESS_LIMIT_CONTROL' }
    await notifyAll(app, member.id, [{ kind: 'enrolment_active', subject: { type: 'enrolment', id: member.enrolmentId } }])
    expect(noticesTo(member.phone)).toEqual([])
    const notice = await app.db.selectFrom('notifications').select('id').where('user_id', '=', member.id).where('kind', '=', 'enrolment_active').executeTakeFirstOrThrow()
    const row = await app.db.selectFrom('outbox').selectAll().where('payload', '=', JSON.stringify({ notificationId: notice.id })).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ attempts: 1, done_at: null, last_error: 'aliyun: isv.BUSINESS_LIMIT_CONTROL' })
    app.clock.advance(30_001)
    await app.outbox.drain()
    expect(noticesTo(member.phone)).toHaveLength(1)

    const gone = await claimant(app)
    await app.db.updateTable('users').set({ disabled_at: app.clock.now().toISOString() }).where('id', '=', gone.id).execute()
    await notifyAll(app, gone.id, [{ kind: 'enrolment_active', subject: { type: 'enrolment', id: gone.enrolmentId } }])
    expect(noticesTo(gone.phone)).toEqual([])
  })
})

describe('WeChat first, SMS when the member has no WeChat subscription', () => {
  let app: TestApp
  let wechat: FakeWechat
  let close: () => Promise<void>
  beforeAll(async () => {
    ;({ app, wechat, close } = await startAppWithWechat(aliyunSmsEnv(fake)))
  })
  afterAll(() => close())

  let seq = 0
  /** A member who signed in with WeChat (no login phone), with `mobile` in their profile and an active enrolment. */
  async function wechatMember(mobile: string): Promise<Claimant> {
    const session = await app.api.post('/api/v1/auth/wechat-sessions', { code: `ok-sms-${++seq}` })
    const user = { id: session.body.user.id as string, token: session.body.token as string, phone: mobile, roles: ['member' as const] }
    await fillProfile(app, user, { mobile })
    return { ...user, ...(await createTestEnrolment(app, user)), payeeAccountId: '' }
  }
  const paidNotice = (member: Claimant) => notifyAll(app, member.id, [{ kind: 'enrolment_active', subject: { type: 'enrolment', id: member.enrolmentId } }])
  const wechatState = async (member: Claimant) =>
    (await app.db.selectFrom('notifications').select('wechat_state').where('user_id', '=', member.id).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow()).wechat_state

  test('a member who signed in with WeChat gets the subscribe message and no SMS', async () => {
    const member = await wechatMember('13700000011')
    const before = wechat.subscribeMessages.length
    await paidNotice(member)
    expect(wechat.subscribeMessages.slice(before)).toEqual([expect.objectContaining({ touser: `openid-sms-${seq}`, template_id: 'tpl-enrolment-status' })])
    expect(await wechatState(member)).toBe('sent')
    expect(noticesTo('13700000011')).toEqual([])
  })

  test('not subscribed (WeChat refuses with 43101): the notice goes by SMS to the mobile in the profile', async () => {
    const member = await wechatMember('13700000012')
    wechat.failSubscribe = { count: 1, errcode: 43101 }
    await paidNotice(member)
    expect(await wechatState(member)).toBe('failed')
    expect(noticesTo('13700000012')).toEqual([expect.objectContaining({ templateCode: aliyunTemplateCodes.enrolment_active })])
  })

  test('WeChat busy (errcode -1): retried later by WeChat, no SMS meanwhile', async () => {
    const member = await wechatMember('13700000013')
    wechat.failSubscribe = { count: 1, errcode: -1 }
    const before = wechat.subscribeMessages.length
    await paidNotice(member)
    expect(wechat.subscribeMessages).toHaveLength(before)
    expect(noticesTo('13700000013')).toEqual([])
    app.clock.advance(30_001)
    await app.outbox.drain()
    expect(wechat.subscribeMessages).toHaveLength(before + 1)
    expect(await wechatState(member)).toBe('sent')
    expect(noticesTo('13700000013')).toEqual([])
  })
})
