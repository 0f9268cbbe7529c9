import fc from 'fast-check'
import {
  addDays, benefitCategory, computePayout, coverOfQuote, eventKinds, fromDayNumber, isMessageCode, message,
  parseIdNumber, quote, toDayNumber, type ClaimEvent, type PriorPayout, type SelectedProduct,
} from '../src'
import { shanghai, withCheck } from './helpers'

const runs = { numRuns: 1000 }
const cat = shanghai()
const products = [...cat.products.values()]

/** Any valid Shanghai selection: a non-empty set of basic products and at most one enhanced product per category. */
const validSelection = fc
  .record({
    basics: fc.subarray(['A0', 'B0', 'C0'], { minLength: 1 }),
    a: fc.constantFrom(null, 'A1', 'A2', 'A3'),
    b: fc.constantFrom(null, 'B1', 'B2', 'B3'),
    c: fc.constantFrom(null, 'C1', 'C2', 'C3'),
  })
  .map(({ basics, a, b, c }): SelectedProduct[] =>
    [...basics, a, b, c].filter((x): x is string => x !== null).map((code) => ({ code, shares: 1 })))

const planDays = fc.integer({ min: toDayNumber('2020-04-01'), max: toDayNumber('2021-03-30') })
const anyDate = fc.integer({ min: toDayNumber('2020-01-01'), max: toDayNumber('2021-06-30') }).map(fromDayNumber)
const fen = fc.integer({ min: 0, max: 50_000_000 })

const event: fc.Arbitrary<ClaimEvent> = fc.record({
  kind: fc.constantFrom(...eventKinds),
  date: anyDate,
  pooledOutOfPocketFen: fc.option(fen, { nil: undefined }),
  supplementaryOutOfPocketFen: fc.option(fen, { nil: undefined }),
  hospitalDays: fc.option(fc.integer({ min: 0, max: 366 }), { nil: undefined }),
  deductiblePaidFen: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }),
  inSitu: fc.option(fc.boolean(), { nil: undefined }),
  femaleCancer: fc.option(fc.boolean(), { nil: undefined }),
  disabilityGrade: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
})

const priorPayouts: fc.Arbitrary<PriorPayout[]> = fc.array(
  fc.constantFrom(...products.flatMap((p) => p.benefits.map((b) => ({ product: p.code, benefit: b.id })))).chain((pb) =>
    fc.record({ catalogueId: fc.constant('shanghai-2020'), product: fc.constant(pb.product), benefit: fc.constant(pb.benefit), eventDate: anyDate, amountFen: fc.integer({ min: 0, max: 40_000_000 }) })),
  { maxLength: 6 },
)

const enrolment = fc.record({
  selection: validSelection,
  mode: fc.constantFrom('collective' as const, 'instant' as const),
  acceptedDay: planDays,
}).map(({ selection, mode, acceptedDay }) => {
  const acceptedOn = mode === 'collective' ? '2020-03-15' : fromDayNumber(acceptedDay)
  const q = quote(cat, { selection, mode, acceptedOn })
  if (!q.ok) throw new Error(JSON.stringify(q.violations))
  return q.value
})

function capOf(productCode: string, benefitId: string): number | null {
  const benefit = cat.products.get(productCode)!.benefits.find((b) => b.id === benefitId)!
  switch (benefit.kind) {
    case 'percent_of_out_of_pocket':
    case 'daily_allowance':
    case 'deductible_refund':
      return benefit.annualCapFen
    case 'disability_by_grade':
      return benefit.maxFen
    default:
      return null
  }
}

describe('engine properties (fast-check, 1,000 runs each)', () => {
  test('a payout never exceeds any cap, net of earlier payouts in the plan year, and its total is the sum of its lines', () => {
    fc.assert(fc.property(fc.array(enrolment, { minLength: 1, maxLength: 2 }), event, priorPayouts, fc.constantFrom('M' as const, 'F' as const), (quotes, ev, prior, sex) => {
      const covers = quotes.map(coverOfQuote)
      const payout = computePayout(cat, { covers, sex, event: ev, prior })
      expect(payout.totalFen).toBe(payout.lines.reduce((s, l) => s + l.amountFen, 0))
      const byBenefit = new Map<string, number>()
      for (const line of payout.lines) {
        expect(line.amountFen).toBeGreaterThanOrEqual(0)
        expect(Number.isInteger(line.amountFen)).toBe(true)
        if (line.benefit === null) continue
        const key = `${line.product}/${line.benefit}`
        byBenefit.set(key, (byBenefit.get(key) ?? 0) + line.amountFen)
      }
      for (const [key, paid] of byBenefit) {
        const [product, benefit] = key.split('/') as [string, string]
        const cap = capOf(product, benefit)
        if (cap === null) continue
        const before = prior
          .filter((p) => p.product === product && p.benefit === benefit && p.eventDate >= '2020-04-01' && p.eventDate <= '2021-03-31')
          .reduce((s, p) => s + p.amountFen, 0)
        expect(paid).toBeLessThanOrEqual(Math.max(0, cap - before))
      }
    }), runs)
  })

  test('an event outside cover or inside a waiting period never pays', () => {
    fc.assert(fc.property(enrolment, event, (q, ev) => {
      const payout = computePayout(cat, { covers: [coverOfQuote(q)], sex: 'F', event: ev })
      for (const line of payout.lines) {
        if (line.amountFen === 0) continue
        const product = cat.products.get(line.product)!
        const benefit = product.benefits.find((b) => b.id === line.benefit)!
        expect(ev.date >= q.start && ev.date <= q.end).toBe(true)
        expect(ev.date >= q.coverFrom[benefitCategory(product, benefit)]!).toBe(true)
      }
      if (ev.date < q.start || ev.date > q.end) expect(payout.totalFen).toBe(0)
    }), runs)
  })

  test('a half-year premium is exactly half of the full-year premium', () => {
    fc.assert(fc.property(validSelection, fc.integer({ min: toDayNumber('2020-09-30'), max: toDayNumber('2021-03-30') }), (selection, day) => {
      const half = quote(cat, { selection, mode: 'instant', acceptedOn: fromDayNumber(day) })
      const full = quote(cat, { selection, mode: 'collective', acceptedOn: '2020-03-01' })
      if (!half.ok || !full.ok) throw new Error('valid selection refused')
      expect(half.value.proration?.rateBp).toBe(5000)
      expect(half.value.premiumFen * 2).toBe(full.value.premiumFen)
    }), runs)
  })

  test('the premium of any valid selection is the sum of its lines', () => {
    fc.assert(fc.property(validSelection, planDays, (selection, day) => {
      const q = quote(cat, { selection, mode: 'instant', acceptedOn: fromDayNumber(day) })
      if (!q.ok) throw new Error('valid selection refused')
      expect(q.value.premiumFen).toBe(q.value.lines.reduce((s, l) => s + l.premiumFen, 0))
      expect(q.value.premiumFen).toBeGreaterThan(0)
    }), runs)
  })

  const idLike = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.stringMatching(/^\d{17}[0-9Xx]$/),
    fc.stringMatching(/^[0-9０-９Xxｘ -]{10,22}$/),
    fc.integer({ min: 0, max: 99_999_999 }).map((n) => withCheck(`610102${fromDayNumber(n % 60000).replace(/-/g, '')}123`.slice(0, 17))),
  )

  test('any string either parses as an ID number or gets a clear error, never an exception', () => {
    fc.assert(fc.property(idLike, (input) => {
      const result = parseIdNumber(input, '2026-11-24')
      if (result.ok) {
        expect(result.value.value).toMatch(/^\d{17}[0-9X]$/)
        expect(result.value.birthDate <= '2026-11-24').toBe(true)
      } else {
        expect(isMessageCode(result.code)).toBe(true)
        expect(message(result.code, result.params)).toMatch(/[\u4e00-\u9fff]/)
        expect(message(result.code, result.params)).not.toMatch(/\{\w+\}/)
      }
    }), runs)
  })

  test('cover dates: an instant enrolment starts the day after acceptance and ends on 31 March', () => {
    fc.assert(fc.property(validSelection, planDays, (selection, day) => {
      const acceptedOn = fromDayNumber(day)
      const q = quote(cat, { selection, mode: 'instant', acceptedOn })
      if (!q.ok) throw new Error('valid selection refused')
      expect(q.value.start).toBe(addDays(acceptedOn, 1))
      expect(q.value.end).toBe('2021-03-31')
    }), runs)
  })
})
