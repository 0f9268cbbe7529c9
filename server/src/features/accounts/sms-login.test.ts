import { nextPhone, startTestApp, type TestApp } from '../../../test/helpers'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp({ env: { SMS_FIXED_CODE: '' } }) // real random codes, read from the in-memory provider
})
afterAll(() => app.close())

/** Asks for a code; the SMS goes after the commit, so the outbox is drained before the code is read. */
async function requestCode(phone: string) {
  const res = await app.api.post('/api/v1/auth/sms-codes', { phone })
  await app.outbox.drain()
  return res
}
const signIn = (phone: string, code: string) => app.api.post('/api/v1/auth/sessions', { phone, code })
const wrongCode = (code: string) => (code === '000000' ? '111111' : '000000')
/** The outbox row of the latest login-code SMS. */
const lastLoginCodeRow = () => app.db.selectFrom('outbox').selectAll().where('kind', '=', 'login_code_sms').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow()
const count = async (table: 'users' | 'sms_codes' | 'sessions') =>
  Number((await app.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

describe('SMS login', () => {
  test('a code is sent, signs in once, and creates the account; phone and code are stored only as hashes', async () => {
    const phone = nextPhone()
    expect((await requestCode(phone)).status).toBe(204)
    const code = app.sms.lastCodeFor(phone)!
    expect(code).toMatch(/^\d{6}$/)
    const res = await signIn(phone, code)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ token: expect.stringMatching(/^[\w-]{43}$/), expiresAt: expect.any(String), user: { id: expect.stringMatching(/^usr_/), roles: ['member'] } })
    expect(Date.parse(res.body.expiresAt) - app.clock.now().getTime()).toBeGreaterThan(29 * 86_400_000)
    const stored = JSON.stringify([
      await app.db.selectFrom('sms_codes').selectAll().execute(),
      await app.db.selectFrom('users').selectAll().execute(),
      await app.db.selectFrom('sessions').selectAll().execute(),
      await app.db.selectFrom('rate_limit_hits').selectAll().execute(),
    ])
    expect(stored).not.toContain(phone)
    expect(stored).not.toContain(res.body.token)
    expect(stored).not.toContain(`"${code}"`)
    expect((await signIn(phone, code)).body.error.code).toBe('sms_code_invalid') // used once
  })

  test('the same phone, however typed, signs in to the same account', async () => {
    const phone = nextPhone()
    await requestCode(phone)
    const first = await signIn(phone, app.sms.lastCodeFor(phone)!)
    app.clock.advance(61_000)
    const typed = `+86 ${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`
    expect((await requestCode(typed)).status).toBe(204)
    const second = await signIn(typed, app.sms.lastCodeFor(phone)!)
    expect(second.body.user.id).toBe(first.body.user.id)
  })

  test('five wrong tries invalidate the code, even the right one afterwards; no account is made', async () => {
    const phone = nextPhone()
    await requestCode(phone)
    const code = app.sms.lastCodeFor(phone)!
    const users = await count('users')
    const codes: string[] = []
    for (let i = 0; i < 5; i++) codes.push((await signIn(phone, wrongCode(code))).body.error.code)
    expect(codes).toEqual(['sms_code_invalid', 'sms_code_invalid', 'sms_code_invalid', 'sms_code_invalid', 'sms_code_too_many_attempts'])
    const right = await signIn(phone, code)
    expect(right.status).toBe(400)
    expect(right.body.error).toEqual({ code: 'sms_code_too_many_attempts', message: '验证码输错次数太多，请重新获取' })
    expect(await count('users')).toBe(users)
  })

  test('a code expires after 5 minutes', async () => {
    const early = nextPhone()
    const late = nextPhone()
    await requestCode(early)
    await requestCode(late)
    app.clock.advance(299_000)
    expect((await signIn(early, app.sms.lastCodeFor(early)!)).status).toBe(200)
    app.clock.advance(2_000)
    const res = await signIn(late, app.sms.lastCodeFor(late)!)
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('sms_code_expired')
  })

  test('a new code replaces the previous one', async () => {
    const phone = nextPhone()
    await requestCode(phone)
    const old = app.sms.lastCodeFor(phone)!
    app.clock.advance(61_000)
    await requestCode(phone)
    const fresh = app.sms.lastCodeFor(phone)!
    if (old !== fresh) expect((await signIn(phone, old)).body.error.code).toBe('sms_code_invalid')
    expect((await signIn(phone, fresh)).status).toBe(200)
  })

  test('no code sent is sms_code_invalid', async () => {
    expect((await signIn(nextPhone(), '123456')).body.error.code).toBe('sms_code_invalid')
  })

  test('per number: one code a minute and ten a day, with Retry-After', async () => {
    const phone = nextPhone()
    expect((await requestCode(phone)).status).toBe(204)
    const again = await requestCode(phone)
    expect(again.status).toBe(429)
    expect(again.body.error).toEqual({ code: 'rate_limited', message: '操作太频繁，请稍后再试' })
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(Number(again.headers.get('retry-after'))).toBeLessThanOrEqual(60)
    for (let i = 2; i <= 10; i++) {
      app.clock.advance(61_000)
      expect((await requestCode(phone)).status).toBe(204)
    }
    app.clock.advance(61_000)
    const eleventh = await requestCode(phone)
    expect(eleventh.status).toBe(429)
    expect(app.sms.sent.filter((s) => s.phone === phone)).toHaveLength(10)
    app.clock.advance(86_400_000)
    expect((await requestCode(phone)).status).toBe(204)
  })

  test('bad input is a 400 and sends nothing', async () => {
    const sent = app.sms.sent.length
    const codes = await count('sms_codes')
    const bad = await requestCode('12345')
    expect(bad.status).toBe(400)
    expect(bad.body.error.details).toEqual([{ path: 'phone', code: 'mobile_invalid', message: '手机号码应为11位数字，以13至19开头' }])
    expect((await app.api.post('/api/v1/auth/sms-codes', {})).body.error.details).toEqual([expect.objectContaining({ path: 'phone', code: 'mobile_required' })])
    const badCode = await signIn(nextPhone(), '12ab')
    expect(badCode.status).toBe(400)
    expect(badCode.body.error.details).toEqual([expect.objectContaining({ path: 'code', code: 'sms_code_invalid' })])
    expect(app.sms.sent.length).toBe(sent)
    expect(await count('sms_codes')).toBe(codes)
  })

  test('204 once the code is stored and queued; a provider failure is retried with back-off and fails nothing', async () => {
    const phone = nextPhone()
    app.sms.failNext = true
    const res = await app.api.post('/api/v1/auth/sms-codes', { phone })
    expect(res.status).toBe(204)
    await app.outbox.drain()
    expect(app.sms.lastCodeFor(phone)).toBeUndefined()
    // The request's transaction committed: the code is stored, its SMS waits 5 s for a second try.
    const row = await lastLoginCodeRow()
    expect(row).toMatchObject({ attempts: 1, done_at: null, failed_at: null, lease_owner: null, last_error: 'Error' })
    expect(Date.parse(row.run_after) - app.clock.now().getTime()).toBeGreaterThan(4_000)
    app.clock.advance(4_000)
    await app.outbox.drain()
    expect(app.sms.lastCodeFor(phone)).toBeUndefined()
    app.clock.advance(1_500)
    await app.outbox.drain()
    const code = app.sms.lastCodeFor(phone)!
    expect((await signIn(phone, code)).status).toBe(200)
    expect(await lastLoginCodeRow()).toMatchObject({ attempts: 2, done_at: expect.any(String), last_error: null })
    expect(app.logs()).toContain('outbox message failed, will retry')
  })

  test('the queued SMS keeps phone and code sealed', async () => {
    const phone = nextPhone()
    await requestCode(phone)
    const code = app.sms.lastCodeFor(phone)!
    const row = await lastLoginCodeRow()
    expect(JSON.parse(row.payload)).toEqual({ sealed: expect.any(String) })
    expect(row.payload).not.toContain(phone)
    expect(row.payload).not.toContain(code)
  })

  test('after five failed tries the SMS is given up, logged without phone or code; the request still answered 204', async () => {
    const phone = nextPhone()
    app.sms.down = true
    try {
      expect((await requestCode(phone)).status).toBe(204)
      for (const wait of [5, 10, 20, 40]) {
        app.clock.advance(wait * 1000 + 1)
        await app.outbox.drain()
      }
    } finally {
      app.sms.down = false
    }
    const row = await lastLoginCodeRow()
    expect(row).toMatchObject({ attempts: 5, done_at: null, failed_at: expect.any(String), last_error: 'Error' })
    app.clock.advance(3_600_000)
    await app.outbox.drain()
    expect(app.sms.lastCodeFor(phone)).toBeUndefined()
    expect(app.logs()).toContain('outbox message failed for good')
    expect(app.logs()).not.toContain(phone)
  })

  test('a code that expired while its SMS waited is never sent', async () => {
    const phone = nextPhone()
    app.sms.failNext = true
    await requestCode(phone)
    app.clock.advance(301_000)
    await app.outbox.drain()
    expect(app.sms.lastCodeFor(phone)).toBeUndefined()
    // The second take finds the code expired and gives the SMS up unsent.
    expect(await lastLoginCodeRow()).toMatchObject({ attempts: 2, done_at: null, failed_at: expect.any(String), last_error: 'expired' })
  })

  test('logs never hold a phone number, a code or a token', async () => {
    const phone = nextPhone()
    await requestCode(phone)
    const code = app.sms.lastCodeFor(phone)!
    const { body } = await signIn(phone, code)
    await app.api.get('/api/v1/me', { token: body.token })
    const logs = app.logs()
    // Random ids (a request id may end in any four digits) are set aside before looking for a phone's last four.
    const withoutIds = logs.replace(/"(reqId|outboxId|userId)":"[^"]*"/g, '"$1":""')
    for (const s of app.sms.sent) {
      expect(logs).not.toContain(s.phone)
      expect(withoutIds).not.toContain(s.phone.slice(-4) + '"')
    }
    expect(logs).not.toMatch(new RegExp(`[^0-9]${code}[^0-9]`))
    expect(logs).not.toContain(body.token)
  })
})

describe('SMS limits per IP', () => {
  let limited: TestApp
  beforeAll(async () => {
    limited = await startTestApp({ sms: { perIpHourlyLimit: 3, perIpLoginAttempts: 4 } })
  })
  afterAll(() => limited.close())

  test('codes per IP per hour', async () => {
    for (let i = 0; i < 3; i++) expect((await limited.api.post('/api/v1/auth/sms-codes', { phone: nextPhone() })).status).toBe(204)
    expect((await limited.api.post('/api/v1/auth/sms-codes', { phone: nextPhone() })).status).toBe(429)
    limited.clock.advance(3_601_000)
    expect((await limited.api.post('/api/v1/auth/sms-codes', { phone: nextPhone() })).status).toBe(204)
  })

  test('login attempts per IP in ten minutes', async () => {
    limited.clock.advance(700_000)
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) statuses.push((await limited.api.post('/api/v1/auth/sessions', { phone: nextPhone(), code: '000000' })).status)
    expect(statuses).toEqual([400, 400, 400, 400, 429])
  })
})
