import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadCatalogue } from '@huzhu/shared'
import { startTestApp, type TestApp } from '../../../test/helpers'

const madeUp: unknown = JSON.parse(readFileSync(join(__dirname, '../../../test/fixtures/made-up-catalogue.json'), 'utf8'))

let app: TestApp
beforeAll(async () => {
  app = await startTestApp({
    catalogueFiles: {
      'a-hanjiang.json': madeUp,
      'broken.json': '{ "schemaVersion": 1, ',
      'wrong-shape.json': { schemaVersion: 1, id: 'no-products' },
      'z-duplicate.json': { ...(madeUp as object), name: '重复的计划' },
      'notes.txt': 'not a catalogue',
    },
  })
})
afterAll(() => app.close())

describe('catalogues', () => {
  test('lists the built-in catalogues and the data folder’s valid one; bad files are logged and skipped', async () => {
    const res = await app.api.get('/api/v1/catalogues')
    expect(res.status).toBe(200)
    const ids = res.body.catalogues.map((c: { id: string }) => c.id)
    expect(ids).toEqual(['shanghai-2020', 'shaanxi-gig-2023', 'hanjiang-rider-2028'])
    expect(res.body.catalogues[1]).toMatchObject({ id: 'shaanxi-gig-2023', illustrative: expect.any(String), modes: expect.any(Array) })
    expect(res.body.catalogues[0]).toMatchObject({
      name: expect.stringContaining('上海'), region: '上海市', issuer: expect.any(String),
      term: { kind: 'plan_year', start: '2020-04-01', end: '2021-03-31' }, modes: ['collective', 'instant'], productCount: 12,
    })
    const logs = app.logs()
    expect(logs).toMatch(/"file":"broken.json".*catalogue file skipped/)
    expect(logs).toMatch(/"file":"wrong-shape.json".*does not match the catalogue schema/)
    expect(logs).toMatch(/"file":"z-duplicate.json".*already taken/)
    expect(logs).not.toContain('notes.txt')
  })

  test('gives one catalogue in full, loadable by the shared engine', async () => {
    const res = await app.api.get('/api/v1/catalogues/shanghai-2020')
    expect(res.status).toBe(200)
    expect(loadCatalogue(res.body).ok).toBe(true)
    expect(res.body.products.map((p: { code: string }) => p.code)).toContain('A2')
    const custom = await app.api.get('/api/v1/catalogues/hanjiang-rider-2028')
    expect(custom.body.name).toBe('汉江骑手互助保障 2028（测试用虚构计划）')
  })

  test('an unknown catalogue is a 404 unknown_catalogue', async () => {
    const res = await app.api.get('/api/v1/catalogues/atlantis-1999')
    expect(res.status).toBe(404)
    expect(res.body.error).toEqual({ code: 'unknown_catalogue', message: '没有这个保障计划' })
    expect((await app.api.get(`/api/v1/catalogues/${'x'.repeat(80)}`)).status).toBe(400)
  })

  test('a catalogue dropped in the data folder quotes and pays through HTTP, with no code change', async () => {
    const quote = await app.api.post('/api/v1/quotes', { catalogueId: 'hanjiang-rider-2028', products: ['H1', 'K1'], mode: 'instant', acceptedOn: '2028-08-09' })
    expect(quote.status).toBe(200)
    expect(quote.body).toMatchObject({
      start: '2028-08-10', end: '2028-12-31', premiumFen: 3500, proration: { rateBp: 5000, label: '半年' },
      coverFrom: { ward: '2028-08-30', crash: '2028-08-10' },
    })
    const payout = await app.api.post('/api/v1/payout-estimates', {
      catalogueId: 'hanjiang-rider-2028', products: ['H1', 'K1'], mode: 'instant', acceptedOn: '2028-08-09', sex: 'F',
      event: { kind: 'inpatient', date: '2028-09-15', hospitalDays: 70 },
    })
    expect(payout.status).toBe(200)
    expect(payout.body.totalFen).toBe(300000)
    expect(payout.body.lines).toEqual([expect.objectContaining({ product: 'H1', benefit: 'ward_days', amountFen: 300000 })])
    const waiting = await app.api.post('/api/v1/payout-estimates', {
      catalogueId: 'hanjiang-rider-2028', products: ['H1'], mode: 'instant', acceptedOn: '2028-08-09', sex: 'F',
      event: { kind: 'inpatient', date: '2028-08-29', hospitalDays: 3 },
    })
    expect(waiting.body.totalFen).toBe(0)
    expect(waiting.body.lines[0]).toMatchObject({ refusal: { code: 'waiting_period', number: 2 }, reason: expect.stringContaining('等待期') })
  })
})
