import { startTestApp, type TestApp } from '../../../test/helpers'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app.close())

const sh = (products: string[], mode: 'collective' | 'instant', acceptedOn: string) => ({ catalogueId: 'shanghai-2020', products, mode, acceptedOn })
const sumOf = (lines: { product: string; amountFen: number }[], product: string) =>
  lines.filter((l) => l.product === product).reduce((s, l) => s + l.amountFen, 0)

describe('POST /api/v1/quotes (DOMAIN.md worked examples)', () => {
  test('collective A0+B0+C0 on 2020-03-20: 1 April to 31 March, 180.00 with the bundle, no waiting', async () => {
    const res = await app.api.post('/api/v1/quotes', sh(['A0', 'B0', 'C0'], 'collective', '2020-03-20'))
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      start: '2020-04-01', end: '2021-03-31', premiumFen: 18000,
      coverFrom: { hospital: '2020-04-01', critical: '2020-04-01', accident: '2020-04-01' },
    })
    expect(res.body.lines).toEqual(expect.arrayContaining([{ product: 'A0B0C0', name: expect.any(String), kind: 'bundle_discount', shares: 1, premiumFen: -1000 }]))
  })

  test('instant A0+A2+C1 accepted 2020-10-14: half-year 195.00, hospital from 2020-11-14, accident from 2020-10-15', async () => {
    const res = await app.api.post('/api/v1/quotes', sh(['A0', 'A2', 'C1'], 'instant', '2020-10-14'))
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      start: '2020-10-15', end: '2021-03-31', premiumFen: 19500, proration: { rateBp: 5000 },
      coverFrom: { hospital: '2020-11-14', accident: '2020-10-15' },
    })
  })

  test('instant B0 accepted 2020-06-09: 55.00, critical illness from 2020-08-09', async () => {
    const res = await app.api.post('/api/v1/quotes', sh(['B0'], 'instant', '2020-06-09'))
    expect(res.body).toMatchObject({ start: '2020-06-10', premiumFen: 5500, coverFrom: { critical: '2020-08-09' } })
  })

  test('a selection that breaks rules is a 422 naming each rule and product', async () => {
    const res = await app.api.post('/api/v1/quotes', sh(['A1', 'A2', 'Z9'], 'instant', '2020-06-09'))
    expect(res.status).toBe(422)
    expect(res.body.error.code).toBe('selection_invalid')
    expect(res.body.error.message).toBe('所选保障项目不符合参保规则')
    const details = res.body.error.details as { rule: string; product: string | null; message: string }[]
    expect(details.map((d) => [d.rule, d.product])).toEqual(expect.arrayContaining([
      ['unknown_product', 'Z9'], ['basic_required', 'A1'], ['basic_required', 'A2'], ['one_enhanced_per_category', 'A2'],
    ]))
    for (const d of details) expect(d.message).toMatch(/[\u4e00-\u9fff]/)
    const shares = await app.api.post('/api/v1/quotes', sh(['A0', 'A0'], 'collective', '2020-03-20'))
    expect(shares.body.error.details).toEqual([expect.objectContaining({ rule: 'max_shares', product: 'A0' })])
    const empty = await app.api.post('/api/v1/quotes', sh([], 'collective', '2020-03-20'))
    expect(empty.body.error.details).toEqual([expect.objectContaining({ rule: 'selection_empty', product: null })])
  })

  test('an unknown catalogue is a 422 unknown_catalogue; malformed fields are 400', async () => {
    const unknown = await app.api.post('/api/v1/quotes', { ...sh(['A0'], 'collective', '2020-03-20'), catalogueId: 'atlantis' })
    expect(unknown.status).toBe(422)
    expect(unknown.body.error.code).toBe('unknown_catalogue')
    const bad = await app.api.post('/api/v1/quotes', { catalogueId: 'shanghai-2020', products: 'A0', mode: 'collective', acceptedOn: '20200320' })
    expect(bad.status).toBe(400)
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['acceptedOn', 'products'])
    const code = await app.api.post('/api/v1/quotes', sh(['A0; drop table'], 'collective', '2020-03-20'))
    expect(code.status).toBe(400)
  })
})

describe('POST /api/v1/payout-estimates (DOMAIN.md worked examples)', () => {
  const estimate = (products: string[], sex: 'M' | 'F', event: Record<string, unknown>, mode: 'collective' | 'instant' = 'collective', acceptedOn = '2020-03-20') =>
    app.api.post('/api/v1/payout-estimates', { ...sh(products, mode, acceptedOn), sex, event })

  test('A0 inpatient: 8,000 × 60 % + 2,000 × 70 % = 6,200.00', async () => {
    const res = await estimate(['A0'], 'M', { kind: 'inpatient', date: '2020-06-01', pooledOutOfPocketFen: 800000, supplementaryOutOfPocketFen: 200000 })
    expect(res.status).toBe(200)
    expect(res.body.totalFen).toBe(620000)
    for (const line of res.body.lines) expect(line).toMatchObject({ product: 'A0', rule: expect.any(String), reason: expect.stringMatching(/[\u4e00-\u9fff]/) })
  })

  test('A2: 12 days and a 1,500.00 deductible pay 2,400.00 + 1,200.00', async () => {
    const res = await estimate(['A0', 'A2'], 'M', { kind: 'inpatient', date: '2020-06-01', hospitalDays: 12, deductiblePaidFen: 150000 })
    expect(sumOf(res.body.lines, 'A2')).toBe(360000)
  })

  test('B2, a woman with carcinoma in situ of the cervix: 30,000.00', async () => {
    const res = await estimate(['B0', 'B2'], 'F', { kind: 'critical_illness', date: '2020-06-01', inSitu: true, femaleCancer: true })
    expect(sumOf(res.body.lines, 'B2')).toBe(3000000)
  })

  test('C1, accident disability grade 5: 30,000.00', async () => {
    const res = await estimate(['C0', 'C1'], 'M', { kind: 'accident_disability', date: '2020-06-01', disabilityGrade: 5 })
    expect(sumOf(res.body.lines, 'C1')).toBe(3000000)
  })

  test('an event in the waiting period or outside cover pays 0 with a line saying why', async () => {
    const waiting = await estimate(['A0'], 'M', { kind: 'inpatient', date: '2020-11-13', pooledOutOfPocketFen: 100000 }, 'instant', '2020-10-14')
    expect(waiting.body.totalFen).toBe(0)
    expect(waiting.body.lines[0]).toMatchObject({ refusal: { code: 'waiting_period', number: 2 }, reason: expect.stringContaining('2020-11-14') })
    const firstDay = await estimate(['A0'], 'M', { kind: 'inpatient', date: '2020-11-14', pooledOutOfPocketFen: 100000 }, 'instant', '2020-10-14')
    expect(firstDay.body.totalFen).toBe(60000)
    const outside = await estimate(['A0'], 'M', { kind: 'inpatient', date: '2021-04-01', pooledOutOfPocketFen: 100000 })
    expect(outside.body.totalFen).toBe(0)
    expect(outside.body.lines[0]).toMatchObject({ refusal: { code: 'no_cover', number: 1 } })
  })

  test('bad input: 400 for a bad event, 422 for a bad selection', async () => {
    const kind = await estimate(['A0'], 'M', { kind: 'sunburn', date: '2020-06-01' })
    expect(kind.status).toBe(400)
    expect(kind.body.error.details).toEqual([expect.objectContaining({ path: 'event.kind' })])
    const money = await estimate(['A0'], 'M', { kind: 'inpatient', date: '2020-06-01', pooledOutOfPocketFen: 12.5 })
    expect(money.body.error.details).toEqual([expect.objectContaining({ path: 'event.pooledOutOfPocketFen', code: 'money_not_integer_fen' })])
    const sex = await app.api.post('/api/v1/payout-estimates', { ...sh(['A0'], 'collective', '2020-03-20'), event: { kind: 'inpatient', date: '2020-06-01' } })
    expect(sex.status).toBe(400)
    const rules = await estimate(['A2'], 'M', { kind: 'inpatient', date: '2020-06-01' })
    expect(rules.status).toBe(422)
    expect(rules.body.error.code).toBe('selection_invalid')
  })
})
