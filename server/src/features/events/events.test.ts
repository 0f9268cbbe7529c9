import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { fillProfile, loginAs, startAppWithEveryRole, startTestApp, type EveryRole, type TestApp, type TestUser } from '../../../test/helpers'

let app: TestApp
let users: EveryRole
beforeAll(async () => ({ app, users } = await startAppWithEveryRole()))
afterAll(() => app.close())

/** A gift budget wide enough for these tests (they are about events, not budgets: `event-gifts.test.ts`). */
const GIFT = { limit: 50, products: ['ZY'], from: '2020-01-01', to: '2099-12-31' }
const event = { name: '长安区骑手健康义诊', place: '长安区美团站点', date: '2026-11-28', unitId: null, catalogueId: 'shaanxi-gig-2023', products: ['ZY'], fundingSource: 'union_gift', gift: GIFT }
const create = (body: unknown, token = users.staff.token) => app.api.post('/api/v1/events', body, { token })
const eventCount = async () => (await app.db.selectFrom('outreach_events').select('id').execute()).length

describe('outreach events', () => {
  test('staff create an event: a short code, its H5 link and mini-program scene, zero counts', async () => {
    const res = await create({ ...event, unitId: users.unitId })
    expect(res.status).toBe(201)
    const code = res.body.code as string
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/)
    expect(res.body).toEqual({
      id: expect.stringMatching(/^evt_/), code, name: event.name, place: event.place, date: event.date, unitId: users.unitId, unitName: '测试快递站',
      catalogueId: 'shaanxi-gig-2023', products: ['ZY'], fundingSource: 'union_gift', gift: GIFT,
      link: `${app.baseUrl}/pages/index/index?event=${code}`, scene: `e=${code}`,
      counts: { scanned: 0, enrolled: 0, pendingPayment: 0, gifts: 0 }, createdAt: expect.any(String), createdBy: users.staff.id,
    })
    const list = await app.api.get('/api/v1/events', { token: users.admin.token })
    expect(list.body.events.map((e: { id: string }) => e.id)).toContain(res.body.id)
  })

  test('bad input is refused and creates nothing; only staff and admins create or read events', async () => {
    const before = await eventCount()
    expect((await create({ ...event, name: ' ' })).status).toBe(400)
    expect((await create({ ...event, date: '2026-02-30' })).status).toBe(400)
    expect((await create({ ...event, fundingSource: 'unit' })).status).toBe(400)
    expect((await create({ ...event, catalogueId: 'atlantis' })).body.error.code).toBe('unknown_catalogue')
    expect((await create({ ...event, products: ['ZY', 'ZY'] })).body.error.code).toBe('selection_invalid')
    expect((await create({ ...event, unitId: 'unt_01JAAAAAAAAAAAAAAAAAAAAAAA' })).body.error.code).toBe('unit_not_found')
    // A gift has a budget; an event the rider pays for has none.
    expect((await create({ ...event, gift: null })).body.error.code).toBe('event_gift_budget_required')
    expect((await create({ ...event, fundingSource: 'member' })).body.error.code).toBe('event_gift_budget_invalid')
    expect((await create({ ...event, gift: { ...GIFT, products: ['NOPE'] } })).body.error.code).toBe('event_gift_budget_invalid')
    expect((await create({ ...event, gift: { ...GIFT, from: '2027-01-02', to: '2027-01-01' } })).body.error.code).toBe('event_gift_budget_invalid')
    expect((await create({ ...event, gift: { ...GIFT, limit: 0 } })).status).toBe(400)
    for (const user of [users.member, users.unit_admin, users.reviewer]) {
      expect((await create(event, user.token)).status).toBe(403)
      expect((await app.api.get('/api/v1/events', { token: user.token })).status).toBe(403)
    }
    expect(await eventCount()).toBe(before)
    expect((await app.api.get('/api/v1/events/evt_01JAAAAAAAAAAAAAAAAAAAAAAA', { token: users.staff.token })).body.error.code).toBe('event_not_found')
    expect((await app.api.get('/api/v1/events/nope', { token: users.staff.token })).status).toBe(400)
  })

  test('a rider scans the code: the public view (no counts), a counted scan, then an enrolment attributed to the event', async () => {
    const created = (await create(event)).body
    const view = await app.api.get(`/api/v1/event-codes/${created.code}`)
    expect(view.status).toBe(200)
    expect(view.body).toEqual({ id: created.id, code: created.code, name: event.name, place: event.place, date: event.date, unitName: null, catalogueId: 'shaanxi-gig-2023', products: ['ZY'], fundingSource: 'union_gift', gift: GIFT })
    expect((await app.api.post(`/api/v1/event-codes/${created.code}/scans`)).status).toBe(204)
    expect((await app.api.post(`/api/v1/event-codes/${created.code}/scans`)).status).toBe(204)
    expect((await app.api.get('/api/v1/event-codes/ZZZZZZ')).body.error.code).toBe('event_not_found')
    expect((await app.api.post('/api/v1/event-codes/ZZZZZZ/scans')).status).toBe(404)
    expect((await app.api.get('/api/v1/event-codes/a-b')).status).toBe(400)

    const rider: TestUser = await loginAs(app)
    await fillProfile(app, rider)
    const enrolled = await app.api.post('/api/v1/me/enrolments', { catalogueId: 'shaanxi-gig-2023', products: ['ZY'], eventId: created.id }, { token: rider.token })
    expect(enrolled.status).toBe(201)
    expect(enrolled.body).toMatchObject({ eventId: created.id, fundingSource: 'union_gift' })
    const counts = async () => (await app.api.get(`/api/v1/events/${created.id}`, { token: users.staff.token })).body.counts
    expect(await counts()).toEqual({ scanned: 2, enrolled: 1, pendingPayment: 1, gifts: 1 })
    await app.api.post('/api/v1/payments', { catalogueId: 'shaanxi-gig-2023', reference: 'EVENT-GIFT-1', amountFen: 10000, enrolmentIds: [enrolled.body.id] }, { token: users.staff.token })
    expect(await counts()).toEqual({ scanned: 2, enrolled: 1, pendingPayment: 0, gifts: 1 })
    const byEvent = await app.api.get(`/api/v1/enrolments?eventId=${created.id}`, { token: users.staff.token })
    expect(byEvent.body.enrolments.map((e: { id: string }) => e.id)).toEqual([enrolled.body.id])
    const other = await create({ ...event, catalogueId: 'shanghai-2020', products: [], gift: { ...GIFT, products: ['A0'] } })
    const mismatch = await app.api.post('/api/v1/me/enrolments', { catalogueId: 'shaanxi-gig-2023', products: ['ZY'], eventId: other.body.id }, { token: (await loginAs(app)).token })
    expect(mismatch.status).toBe(422)
  })

  test('the QR code is a PNG that decodes to the event’s link', async () => {
    const created = (await create(event)).body
    const res = await fetch(`${app.baseUrl}/api/v1/events/${created.id}/qr.png`, { headers: { authorization: `Bearer ${users.staff.token}` } })
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'image/png'])
    const png = PNG.sync.read(Buffer.from(await res.arrayBuffer()))
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(created.link)
    expect((await app.api.get(`/api/v1/events/${created.id}/qr.png`, { token: users.member.token })).status).toBe(403)
  }, 30_000) // decoding a 512 px QR image in JavaScript takes seconds on a busy machine

  test('scans are rate-limited per client (429 with Retry-After), and the count stops', async () => {
    app.clock.advance(3_601_000) // past the earlier tests' scans
    const created = (await create(event)).body
    const statuses: number[] = []
    for (let i = 0; i < 32; i++) statuses.push((await app.api.post(`/api/v1/event-codes/${created.code}/scans`)).status)
    expect(statuses.filter((s) => s === 204)).toHaveLength(30)
    const limited = await app.api.post(`/api/v1/event-codes/${created.code}/scans`)
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, expect.stringMatching(/^\d+$/)])
    expect((await app.db.selectFrom('outreach_events').select('scans').where('id', '=', created.id).executeTakeFirstOrThrow()).scans).toBe(30)
    app.clock.advance(61_000)
  })
})

test('with HUZHU_PUBLIC_URL the link uses it', async () => {
  const other = await startTestApp({ env: { HUZHU_PUBLIC_URL: 'https://huzhu.example.org/' } })
  try {
    const staff = await loginAs(other, { roles: ['staff'] })
    const res = await other.api.post('/api/v1/events', event, { token: staff.token })
    expect(res.body.link).toBe(`https://huzhu.example.org/pages/index/index?event=${res.body.code}`)
  } finally {
    await other.close()
  }
})
