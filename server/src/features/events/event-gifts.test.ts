import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fillProfile, loginAs, startAppWithEveryRole, type EveryRole, type TestApp, type TestUser } from '../../../test/helpers'

/** The Shaanxi plan with its accident benefits as a product of their own (YW), so a gift can give one product of two. */
function twoProductCatalogue(): unknown {
  const base = JSON.parse(readFileSync(join(__dirname, '../../../../shared/catalogues/shaanxi-gig-2023.json'), 'utf8'))
  const [zy] = base.products
  return {
    ...base, id: 'gift-test-2026', name: '赠送测试计划',
    products: [
      { ...zy, benefits: zy.benefits.filter((b: { id: string }) => b.id === 'medical') },
      { ...zy, code: 'YW', name: '意外', category: 'accident', priceFen: 2000, benefits: zy.benefits.filter((b: { id: string }) => b.id !== 'medical') },
    ],
  }
}

let app: TestApp
let users: EveryRole
beforeAll(async () => ({ app, users } = await startAppWithEveryRole({ catalogueFiles: { 'gift-test-2026.json': twoProductCatalogue() } })))
afterAll(() => app.close())

// The test clock starts on 2026-11-24 (China date).
const giftEvent = (gift: { limit: number; products: string[]; from: string; to: string }, catalogueId = 'shaanxi-gig-2023') => app.api.post('/api/v1/events', {
  name: '雁塔区骑手义诊', place: '小寨骑手驿站', date: '2026-11-24', unitId: null, catalogueId, products: [], fundingSource: 'union_gift', gift,
}, { token: users.staff.token })

async function rider(): Promise<TestUser> {
  const user = await loginAs(app)
  await fillProfile(app, user)
  return user
}

const enrol = (user: TestUser, eventId: string, products = ['ZY'], catalogueId = 'shaanxi-gig-2023') =>
  app.api.post('/api/v1/me/enrolments', { catalogueId, products, eventId }, { token: user.token })
const enrolmentsOf = async (eventId: string) => (await app.db.selectFrom('enrolments').select(['id', 'status']).where('event_id', '=', eventId).execute())

describe('a gift has a budget (DOMAIN.md "Funding": how many, which products, which dates)', () => {
  test('beyond how many members it gives, nobody is enrolled as a gift: 409 with the limit, nothing written', async () => {
    const event = (await giftEvent({ limit: 2, products: ['ZY'], from: '2026-11-20', to: '2026-12-31' })).body
    const riders = [await rider(), await rider(), await rider()]
    expect((await enrol(riders[0]!, event.id)).status).toBe(201)
    expect((await enrol(riders[1]!, event.id)).status).toBe(201)
    const refused = await enrol(riders[2]!, event.id)
    expect([refused.status, refused.body.error.code]).toEqual([409, 'event_gift_budget_exhausted'])
    expect(refused.body.error.message).toBe('本活动的赠送名额（2 人）已经用完，不能再以赠送方式参保')
    expect(await enrolmentsOf(event.id)).toHaveLength(2)
    const shown = await app.api.get(`/api/v1/events/${event.id}`, { token: users.staff.token })
    expect(shown.body.counts).toMatchObject({ enrolled: 2, gifts: 2 })

    // A gift cancelled (or expired unpaid) gives its place back.
    const first = (await enrolmentsOf(event.id))[0]!
    expect((await app.api.post(`/api/v1/enrolments/${first.id}/cancel`, {}, { token: users.staff.token })).status).toBe(200)
    expect((await enrol(riders[2]!, event.id)).status).toBe(201)
  })

  test('other products or another day are no gift: 422 naming what the gift gives, nothing written', async () => {
    const accidentOnly = await giftEvent({ limit: 5, products: ['YW'], from: '2026-11-20', to: '2026-12-31' }, 'gift-test-2026')
    expect(accidentOnly.status).toBe(201)
    const wrongProducts = accidentOnly.body
    const res = await enrol(await rider(), wrongProducts.id, ['ZY', 'YW'], 'gift-test-2026')
    expect([res.status, res.body.error.code, res.body.error.message]).toEqual([422, 'event_gift_products', '本活动只赠送“YW”，所选项目不在赠送范围内'])
    expect((await enrol(await rider(), wrongProducts.id, ['YW'], 'gift-test-2026')).status).toBe(201)
    expect(await enrolmentsOf(wrongProducts.id)).toHaveLength(1)
    const later = (await giftEvent({ limit: 5, products: ['ZY'], from: '2026-12-01', to: '2026-12-31' })).body
    const early = await enrol(await rider(), later.id)
    expect([early.status, early.body.error.code, early.body.error.message]).toEqual([422, 'event_gift_closed', '本活动的赠送参保时间为 2026-12-01 至 2026-12-31，今天不在赠送时间内'])
    expect(await enrolmentsOf(later.id)).toEqual([])
  })

  test('many gifts at once never overspend the budget (the event row is locked until each commits)', async () => {
    const event = (await giftEvent({ limit: 3, products: ['ZY'], from: '2026-11-20', to: '2026-12-31' })).body
    const riders: TestUser[] = []
    for (let i = 0; i < 8; i++) riders.push(await rider())
    const answers = await Promise.all(riders.map((r) => enrol(r, event.id)))
    const statuses = answers.map((a) => a.status).sort()
    expect(statuses).toEqual([201, 201, 201, 409, 409, 409, 409, 409])
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.error.code === 'event_gift_budget_exhausted')).toBe(true)
    expect(await enrolmentsOf(event.id)).toHaveLength(3)
  }, 60_000)
})
