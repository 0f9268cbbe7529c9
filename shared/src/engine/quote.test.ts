import { quote, toSelection } from '..'
import { request, shaanxi, shanghai } from '../../test/helpers'

function ok(result: ReturnType<typeof quote>) {
  if (!result.ok) throw new Error(`expected a quote, got ${JSON.stringify(result.violations)}`)
  return result.value
}

describe('quote: DOMAIN.md worked examples', () => {
  test('collective, A0+B0+C0, roster on 2020-03-20: 2020-04-01 to 2021-03-31, 180.00, no waiting', () => {
    const q = ok(quote(shanghai(), request(['A0', 'B0', 'C0'], 'collective', '2020-03-20')))
    expect(q.start).toBe('2020-04-01')
    expect(q.end).toBe('2021-03-31')
    expect(q.premiumFen).toBe(18000)
    expect(q.coverFrom).toEqual({ hospital: '2020-04-01', critical: '2020-04-01', accident: '2020-04-01' })
    expect(q.lines).toEqual([
      expect.objectContaining({ product: 'A0', premiumFen: 12000, kind: 'product' }),
      expect.objectContaining({ product: 'B0', premiumFen: 5500, kind: 'product' }),
      expect.objectContaining({ product: 'C0', premiumFen: 1500, kind: 'product' }),
      expect.objectContaining({ product: 'A0B0C0', premiumFen: -1000, kind: 'bundle_discount' }),
    ])
  })

  test('instant, A0+A2+C1, accepted 2020-10-14: half-year 195.00, hospital from 2020-11-14, accident from 2020-10-15', () => {
    const q = ok(quote(shanghai(), request(['A0', 'A2', 'C1'], 'instant', '2020-10-14')))
    expect(q.start).toBe('2020-10-15')
    expect(q.end).toBe('2021-03-31')
    expect(q.premiumFen).toBe(19500)
    expect(q.proration).toEqual({ rateBp: 5000, label: '半年' })
    expect(q.coverFrom).toEqual({ hospital: '2020-11-14', accident: '2020-10-15' })
  })

  test('instant, B0 alone, accepted 2020-06-09: 55.00, critical illness from 2020-08-09', () => {
    const q = ok(quote(shanghai(), request(['B0'], 'instant', '2020-06-09')))
    expect(q.start).toBe('2020-06-10')
    expect(q.premiumFen).toBe(5500)
    expect(q.proration).toBeNull()
    expect(q.coverFrom).toEqual({ critical: '2020-08-09' })
  })
})

describe('quote: premiums and dates', () => {
  test('cover starting on 30 September pays a full year, on 1 October half', () => {
    expect(ok(quote(shanghai(), request(['A0'], 'instant', '2020-09-29'))).premiumFen).toBe(12000)
    expect(ok(quote(shanghai(), request(['A0'], 'instant', '2020-09-30'))).premiumFen).toBe(6000)
  })

  test('the bundle discount is halved with the premium', () => {
    const q = ok(quote(shanghai(), request(['A0', 'B0', 'C0'], 'instant', '2020-12-01')))
    expect(q.premiumFen).toBe(9000)
    expect(q.lines.find((l) => l.kind === 'bundle_discount')?.premiumFen).toBe(-500)
  })

  test('no bundle discount unless all three basic products are chosen', () => {
    expect(ok(quote(shanghai(), request(['A0', 'B0'], 'collective', '2020-03-01'))).premiumFen).toBe(17500)
  })

  test('the Shaanxi gig plan: one year from the day after acceptance, always 100 yuan', () => {
    const q = ok(quote(shaanxi(), request(['ZY'], 'instant', '2023-11-20')))
    expect(q).toMatchObject({ start: '2023-11-21', end: '2024-11-20', premiumFen: 10000 })
    expect(q.coverFrom).toEqual({ hospital: '2023-12-21', accident: '2023-11-21' })
    const leap = ok(quote(shaanxi(), request(['ZY'], 'collective', '2024-02-28')))
    expect(leap).toMatchObject({ start: '2024-02-29', end: '2025-02-28', premiumFen: 10000 })
  })
})

describe('quote: every broken rule is named with its product', () => {
  const rules = (products: string[], mode: 'collective' | 'instant' = 'collective', on = '2020-03-01') => {
    const result = quote(shanghai(), request(products, mode, on))
    if (result.ok) throw new Error('expected violations')
    return result.violations.map((v) => [v.rule, v.product])
  }

  test('an empty selection', () => {
    expect(rules([])).toEqual([['selection_empty', null]])
  })

  test('enhanced products without a basic product', () => {
    const result = quote(shanghai(), request(['A1', 'C2'], 'collective', '2020-03-01'))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.violations.map((v) => [v.rule, v.product])).toEqual([['basic_required', 'A1'], ['basic_required', 'C2']])
    expect(result.violations[0]!.message).toBe('A1 在职住院（加强1） 是加强保障，需要同时参加至少一项基本保障（A0、B0、C0）')
  })

  test('two enhanced products of one category', () => {
    expect(rules(['A0', 'B1', 'B3'])).toEqual([['one_enhanced_per_category', 'B3']])
  })

  test('two shares of one product', () => {
    expect(rules(['A0', 'A0'])).toEqual([['max_shares', 'A0']])
  })

  test('a product the catalogue does not have, together with other violations', () => {
    expect(rules(['A9', 'B1'])).toEqual([['unknown_product', 'A9'], ['basic_required', 'B1']])
  })

  test('collective enrolment after the plan year began, instant before it', () => {
    expect(rules(['A0'], 'collective', '2020-04-01')).toEqual([['collective_closed', null]])
    expect(rules(['A0'], 'instant', '2020-03-31')).toEqual([['instant_not_open', null]])
    expect(rules(['A0'], 'instant', '2021-03-31')).toEqual([['enrolment_closed', null]])
  })

  test('the Shaanxi plan before its notice', () => {
    const result = quote(shaanxi(), request(['ZY'], 'instant', '2023-03-01'))
    expect(result.ok ? [] : result.violations.map((v) => v.rule)).toEqual(['enrolment_not_open'])
  })

  test('a new hire gets exactly the unit selection', () => {
    const unit = [{ code: 'A0', shares: 1 }, { code: 'C1', shares: 1 }]
    const same = quote(shanghai(), request(['C1', 'A0'], 'instant', '2020-05-01'), { unitSelection: unit })
    expect(same.ok).toBe(true)
    const other = quote(shanghai(), request(['A0'], 'instant', '2020-05-01'), { unitSelection: unit })
    expect(other.ok ? [] : other.violations.map((v) => v.message)).toEqual(['单位新进人员须参加与本单位集中参保相同的项目（A0、C1）'])
  })
})

describe('toSelection', () => {
  test('a repeated code is another share, in the order of first mention, for a handful of codes and for many', () => {
    expect(toSelection(['A0', 'B0', 'A0', 'C1', 'A0'])).toEqual([{ code: 'A0', shares: 3 }, { code: 'B0', shares: 1 }, { code: 'C1', shares: 1 }])
    const many = Array.from({ length: 30 }, (_, i) => `P${i % 12}`)
    expect(toSelection(many)).toEqual(Array.from({ length: 12 }, (_, i) => ({ code: `P${i}`, shares: i < 6 ? 3 : 2 })))
    expect(toSelection(many.slice(0, 16))).toEqual(Array.from({ length: 12 }, (_, i) => ({ code: `P${i}`, shares: i < 4 ? 2 : 1 })))
    expect(toSelection([])).toEqual([])
  })
})
