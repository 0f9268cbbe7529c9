import { claimant, startAppWithEveryRole, submitTestClaim, type Claimant, type EveryRole, type TestApp } from '../../../test/helpers'

/**
 * The holiday calendar the office keeps (DOMAIN.md: paid within 10 working days;
 * issue 11 item 2): seeded with the shipped years, replaced a year at a time by
 * an admin, and every open claim's due date counted again with it in the same
 * transaction. Past the years entered, due dates count weekends alone and say so.
 */
let app: TestApp
let users: EveryRole
beforeAll(async () => ({ app, users } = await startAppWithEveryRole()))
afterAll(() => app.close())

const asAdmin = () => ({ token: users.admin.token })
const put = (year: number | string, body: unknown, token = users.admin.token) => app.api.put(`/api/v1/calendar/${year}`, body, { token })
const claimRow = (id: string) => app.db.selectFrom('claims').select(['status', 'due_on', 'due_on_provisional']).where('id', '=', id).executeTakeFirstOrThrow()
const decide = (claimId: string, body: unknown) => app.api.post(`/api/v1/claims/${claimId}/decisions`, body, { token: users.reviewer.token })
const dayRows = () => app.db.selectFrom('holiday_calendar_days').selectAll().orderBy('date').execute()

/** A made-up 2027 (the State Council publishes the real one in December): New Year's Day, the weekend after, one make-up Saturday. */
const year2027 = { holidays: ['2027-01-02', '2027-01-01', '2027-01-03'], workdays: ['2027-01-09'] }

describe('the seeded calendar', () => {
  test('holds the shipped years; a year not entered reads as empty and unpublished', async () => {
    app.clock.set('2026-11-01T02:00:00.000Z')
    const overview = await app.api.get('/api/v1/calendar', { token: users.staff.token })
    expect(overview.status).toBe(200)
    expect(overview.body).toMatchObject({ today: '2026-11-01', coveredThrough: '2026-12-31', nextYear: 2027, daysLeft: 61, warning: false, warningDays: 60 })
    expect(overview.body.years.map((y: { year: number }) => y.year)).toEqual([2024, 2025, 2026])
    expect(overview.body.years[1]).toEqual({ year: 2025, holidayCount: 28, workdayCount: 5, updatedAt: expect.any(String) })

    const y2025 = await app.api.get('/api/v1/calendar/2025', { token: users.reviewer.token })
    expect(y2025.body).toMatchObject({ year: 2025, published: true, updatedAt: expect.any(String) })
    expect(y2025.body.holidays).toContain('2025-10-01')
    expect(y2025.body.workdays).toContain('2025-10-11')
    expect((await app.api.get('/api/v1/calendar/2027', asAdmin())).body).toEqual({ year: 2027, published: false, holidays: [], workdays: [], updatedAt: null })
  })

  test('the admin home is warned from 60 days before the calendar runs out', async () => {
    app.clock.set('2026-11-02T02:00:00.000Z')
    expect((await app.api.get('/api/v1/calendar', asAdmin())).body).toMatchObject({ daysLeft: 60, warning: true, nextYear: 2027 })
  })
})

describe('a due date beyond the calendar, and an admin entering the year', () => {
  let open: Claimant
  let other: Claimant
  let claims: Record<'submitted' | 'inReview' | 'needsMaterial' | 'approved' | 'early', string>
  beforeAll(async () => {
    // Signed in on 10 December: sessions last 30 days, past the last step on 31 December.
    app.clock.set('2026-12-10T02:00:00.000Z')
    open = await claimant(app)
    other = await claimant(app)
    app.clock.set('2026-11-24T02:00:00.000Z')
    const early = await submitTestClaim(app, other)
    // Friday 18 December 2026, 10:00 in China: material in, 10 working days to go, no 2027 calendar yet.
    app.clock.set('2026-12-18T02:00:00.000Z')
    const ids = []
    for (let i = 0; i < 4; i++) ids.push((await submitTestClaim(app, i === 0 ? open : other)).id)
    const [submitted, inReview, needsMaterial, approved] = ids as [string, string, string, string]
    expect((await app.api.post(`/api/v1/claims/${inReview}/review`, undefined, { token: users.reviewer.token })).status).toBe(200)
    expect((await decide(needsMaterial, { decision: 'request_material', missing: ['invoice'], note: '请补交发票' })).status).toBe(200)
    expect((await decide(approved, { decision: 'approve' })).status).toBe(200)
    claims = { submitted, inReview, needsMaterial, approved, early: early.id }
  })

  test('is counted on weekends alone and marked provisional, for the member and for staff; the claim decided says nothing of it', async () => {
    const mine = await app.api.get(`/api/v1/claims/${claims.submitted}`, { token: open.token })
    // 21–25 and 28–31 December, then Friday 1 January 2027 (New Year's Day, unknown to the calendar).
    expect(mine.body).toMatchObject({ dueOn: '2027-01-01', dueOnProvisional: true })
    const queue = await app.api.get('/api/v1/review/claims?limit=100', { token: users.reviewer.token })
    expect(queue.body.claims.find((c: { id: string }) => c.id === claims.submitted)).toMatchObject({ dueOn: '2027-01-01', dueOnProvisional: true })
    const approved = await app.api.get(`/api/v1/claims/${claims.approved}`, { token: users.staff.token })
    expect(approved.body).toMatchObject({ status: 'approved', dueOn: '2027-01-01', dueOnProvisional: false })
    expect(await claimRow(claims.early)).toEqual({ status: 'submitted', due_on: '2026-12-08', due_on_provisional: 0 })
  })

  test('refused with every problem’s code and path, and nothing changes: a date outside the year, both kinds, a weekday as a make-up day', async () => {
    const before = await dayRows()
    const res = await put(2027, { holidays: ['2027-01-01', '2026-12-31'], workdays: ['2027-01-01', '2027-01-11', '2028-01-08'] })
    expect(res.status).toBe(422)
    expect(res.body.error.code).toBe('calendar_year_invalid')
    expect(res.body.error.message).toBe('节假日安排有误，请按提示修改')
    expect(res.body.error.details.map((d: { path: string; code: string }) => [d.path, d.code])).toEqual([
      ['holidays.1', 'calendar_date_outside_year'],
      ['workdays.0', 'calendar_date_both_kinds'],
      ['workdays.1', 'calendar_workday_not_weekend'],
      ['workdays.2', 'calendar_date_outside_year'],
    ])
    expect(res.body.error.details[2]).toMatchObject({ date: '2027-01-11', message: expect.stringContaining('2027-01-11') })
    const empty = await put(2027, { holidays: [], workdays: [] })
    expect([empty.status, empty.body.error.details[0].code]).toEqual([422, 'calendar_no_holidays'])
    const malformed = await put(2027, { holidays: ['2027-02-30'], workdays: [] })
    expect([malformed.status, malformed.body.error.code, malformed.body.error.details[0]]).toEqual([400, 'validation_failed', expect.objectContaining({ path: 'holidays.0', code: 'date_invalid' })])
    expect((await put('27', year2027)).status).toBe(400)
    expect((await put(1999, year2027)).status).toBe(400)

    expect(await dayRows()).toEqual(before)
    expect(await claimRow(claims.submitted)).toMatchObject({ due_on: '2027-01-01', due_on_provisional: 1 })
    expect((await app.api.get('/api/v1/calendar/2027', asAdmin())).body.published).toBe(false)
  })

  test('only an admin enters a year', async () => {
    for (const role of ['staff', 'reviewer', 'unit_admin', 'member'] as const) {
      const res = await put(2027, year2027, users[role].token)
      expect([role, res.status, res.body.error.code]).toEqual([role, 403, 'forbidden'])
    }
    expect((await app.api.get('/api/v1/calendar/2027', { token: users.member.token })).status).toBe(403)
    expect((await app.db.selectFrom('holiday_calendar_years').select('year').where('year', '=', 2027).execute())).toEqual([])
  })

  test('entering 2027 moves the due dates of the open claims (no longer provisional), not of the decided one nor of a claim the year does not touch; audited', async () => {
    const res = await put(2027, year2027)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      year: 2027, published: true, holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: ['2027-01-09'], updatedAt: expect.any(String), claimsMoved: 3,
    })
    for (const id of [claims.submitted, claims.inReview, claims.needsMaterial]) {
      expect(await claimRow(id)).toMatchObject({ due_on: '2027-01-04', due_on_provisional: 0 })
    }
    expect(await claimRow(claims.approved)).toEqual({ status: 'approved', due_on: '2027-01-01', due_on_provisional: 1 })
    expect(await claimRow(claims.early)).toEqual({ status: 'submitted', due_on: '2026-12-08', due_on_provisional: 0 })
    expect((await app.api.get(`/api/v1/claims/${claims.submitted}`, { token: open.token })).body).toMatchObject({ dueOn: '2027-01-04', dueOnProvisional: false })

    const audit = await app.api.get(`/api/v1/audit-log?actorUserId=${users.admin.id}&limit=1`, asAdmin())
    expect(audit.body.entries[0]).toMatchObject({ action: 'create', resource: 'holiday_calendar:2027', fields: ['holidays', 'workdays'], subjectUserId: null })
    const overview = await app.api.get('/api/v1/calendar', asAdmin())
    expect(overview.body).toMatchObject({ coveredThrough: '2027-12-31', nextYear: 2028, warning: false })
  })

  test('a change of an entered year moves them again: a holiday added on Monday 4 January', async () => {
    const res = await put(2027, { holidays: [...year2027.holidays, '2027-01-04'], workdays: year2027.workdays })
    expect(res.body.claimsMoved).toBe(3)
    expect(await claimRow(claims.inReview)).toMatchObject({ status: 'in_review', due_on: '2027-01-05', due_on_provisional: 0 })
    expect(await claimRow(claims.approved)).toMatchObject({ due_on: '2027-01-01' })
    const audit = await app.api.get(`/api/v1/audit-log?actorUserId=${users.admin.id}&limit=1`, asAdmin())
    expect(audit.body.entries[0]).toMatchObject({ action: 'update', resource: 'holiday_calendar:2027', fields: ['holidays'] })
    // The same year saved again as it is: nothing moves.
    expect((await put(2027, { holidays: [...year2027.holidays, '2027-01-04'], workdays: year2027.workdays })).body.claimsMoved).toBe(0)
  })

  test('material sent later is counted on the calendar as the database holds it (its make-up Saturday too), not on the shipped file', async () => {
    // Thursday 31 December 2026: 5–8 January, Saturday 9 (worked), 11–15: due Friday 15 (the shipped file would say Thursday 14).
    app.clock.set('2026-12-31T02:00:00.000Z')
    const res = await app.api.post(`/api/v1/claims/${claims.needsMaterial}/material`, { figures: { pooledOutOfPocketFen: 700_000 } }, { token: other.token })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ status: 'submitted', dueOn: '2027-01-15', dueOnProvisional: false })
  })
})
