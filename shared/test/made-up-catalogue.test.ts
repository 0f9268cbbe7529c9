import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { checkEligibility, computePayout, coverOfQuote, loadCatalogue, quote, toSelection } from '../src'

/** A catalogue is data: one new JSON file, no code change, and the engine quotes and pays from it. */
const raw: unknown = JSON.parse(readFileSync(join(__dirname, 'fixtures/made-up-catalogue.json'), 'utf8'))

function load() {
  const result = loadCatalogue(raw)
  if (!result.ok) throw new Error(JSON.stringify(result.issues))
  return result.catalogue
}

describe('a made-up catalogue added as one data file', () => {
  test('quotes with its own plan year, proration steps, bundle, rider and waiting periods', () => {
    const q = quote(load(), { selection: toSelection(['Q1', 'Q2']), mode: 'instant', acceptedOn: '2027-06-09' })
    expect(q.ok && q.value).toMatchObject({
      start: '2027-06-10', end: '2027-12-31', premiumFen: 3900, // (40 + 20 − 8) × 75 %
      proration: { rateBp: 7500, label: '九个月' },
      coverFrom: { care: '2027-06-25', injury: '2027-06-13' },
    })
  })

  test('refuses a rider without its main product, naming both', () => {
    const q = quote(load(), { selection: toSelection(['Q2']), mode: 'collective', acceptedOn: '2026-12-01' })
    expect(q.ok ? [] : q.violations.map((v) => v.message)).toEqual(['Q2 骑行意外附加 是 Q1 住院护理补贴 的附加保障，需要同时参加 Q1'])
  })

  test('two shares double the daily allowance and its cap', () => {
    const cat = load()
    const q = quote(cat, { selection: toSelection(['Q1', 'Q1']), mode: 'collective', acceptedOn: '2026-12-01' })
    if (!q.ok) throw new Error(JSON.stringify(q.violations))
    expect(q.value.premiumFen).toBe(8000)
    const p = computePayout(cat, { covers: [coverOfQuote(q.value)], sex: 'M', event: { kind: 'inpatient', date: '2027-03-01', hospitalDays: 50 } })
    expect(p.totalFen).toBe(640000)
  })

  test('pays disability by its own grade scale', () => {
    const cat = load()
    const q = quote(cat, { selection: toSelection(['Q1', 'Q2']), mode: 'collective', acceptedOn: '2026-12-01' })
    if (!q.ok) throw new Error(JSON.stringify(q.violations))
    const p = computePayout(cat, { covers: [coverOfQuote(q.value)], sex: 'F', event: { kind: 'accident_disability', date: '2027-02-01', disabilityGrade: 2 } })
    expect(p.lines.map((l) => [l.product, l.amountFen])).toEqual([['Q2', 6400000]])
  })

  test('applies its own eligibility rules', () => {
    const rules = checkEligibility(load(), { unionMember: true, basicMedicalInsurance: false, occupation: 'food_delivery', birthDate: '1960-01-01' }, '2027-01-01')
    expect(rules.map((r) => r.rule)).toEqual(['age_above_maximum', 'occupation_not_eligible'])
    expect(rules[1]!.message).toBe('本计划只面向：快递员')
  })
})
