import { computePayout, coverOfQuote, mayOverlap, quote, type ClaimEvent, type Cover } from '..'
import { request, shaanxi, shanghai } from '../../test/helpers'
import type { Catalogue } from '../catalogue/catalogue'

function cover(cat: Catalogue, products: string[], mode: 'collective' | 'instant', acceptedOn: string): Cover {
  const q = quote(cat, request(products, mode, acceptedOn))
  if (!q.ok) throw new Error(JSON.stringify(q.violations))
  return coverOfQuote(q.value)
}

/** Two units' covers of one person, each enrolled only if the catalogue lets the second overlap the first. */
function throughTwoUnits(cat: Catalogue, first: Cover, second: Cover): Cover[] {
  return mayOverlap(cat, { unitId: 'unt_second' }, { unitId: 'unt_first' }) ? [first, second] : [first]
}

const inpatient = (extra: Partial<ClaimEvent> = {}): ClaimEvent => ({ kind: 'inpatient', date: '2020-06-01', ...extra })

describe('overlap: who may be enrolled through two units at once', () => {
  test('Shanghai lets two different units enrol the same person; Shaanxi does not', () => {
    expect(mayOverlap(shanghai(), { unitId: 'unt_a' }, { unitId: 'unt_b' })).toBe(true)
    expect(mayOverlap(shaanxi(), { unitId: 'unt_a' }, { unitId: 'unt_b' })).toBe(false)
  })

  test('even in Shanghai the same unit twice, or an enrolment not through a unit, is a second enrolment', () => {
    expect(mayOverlap(shanghai(), { unitId: 'unt_a' }, { unitId: 'unt_a' })).toBe(false)
    expect(mayOverlap(shanghai(), { unitId: null }, { unitId: 'unt_a' })).toBe(false)
    expect(mayOverlap(shanghai(), { unitId: 'unt_a' }, { unitId: null })).toBe(false)
    expect(mayOverlap(shanghai(), { unitId: null }, { unitId: null })).toBe(false)
  })
})

describe('overlap: a Shanghai member enrolled through two units is paid by the overlap rule', () => {
  const cat = shanghai()
  // Unit 1 enrols A0+B0+C0 collectively; unit 2 enrols A0+A2 by an instant roster in May.
  const unit1 = cover(cat, ['A0', 'B0', 'C0'], 'collective', '2020-03-20')
  const unit2 = cover(cat, ['A0', 'A2'], 'instant', '2020-04-20')

  test('the basic product pays one share (rule 9), the other unit’s share is refused by name', () => {
    const covers = throughTwoUnits(cat, unit1, unit2)
    expect(covers).toHaveLength(2)
    const p = computePayout(cat, { covers, sex: 'M', event: inpatient({ date: '2020-06-15', pooledOutOfPocketFen: 800000, supplementaryOutOfPocketFen: 200000, hospitalDays: 5 }) })
    const a0 = p.lines.filter((l) => l.product === 'A0')
    expect(a0.map((l) => [l.part, l.refusal?.code ?? null, l.amountFen])).toEqual([
      ['pooled', null, 480000], ['supplementary', null, 140000], [null, 'overlap_one_share', 0],
    ])
    expect(a0[2]!.reason).toBe('第9号：同一人通过两个单位参保，A0 在职住院（基本） 只给付一份')
    expect(a0[2]!.refusal?.number).toBe(9)
    // Unit 2's enhanced A2 is the only one in its category: it pays (5 days × 200).
    expect(p.lines.filter((l) => l.product === 'A2' && l.benefit === 'hospital_days').map((l) => l.amountFen)).toEqual([100000])
    expect(p.totalFen).toBe(480000 + 140000 + 100000)
  })

  test('two enhanced products of one category: only the highest pays (就高不就低, rule 10)', () => {
    const low = cover(cat, ['A0', 'A1'], 'collective', '2020-03-20')
    const high = cover(cat, ['B0', 'A3'], 'collective', '2020-03-20')
    const p = computePayout(cat, { covers: throughTwoUnits(cat, low, high), sex: 'F', event: inpatient({ hospitalDays: 10 }) })
    expect(p.lines.filter((l) => l.benefit === 'hospital_days').map((l) => [l.product, l.amountFen])).toEqual([['A3', 300000]])
    const refused = p.lines.find((l) => l.product === 'A1')!
    expect(refused.refusal).toMatchObject({ code: 'overlap_highest_pays', number: 10 })
    expect(refused.reason).toContain('A3')
  })

  test('a fixed sum (critical illness) is paid once, not once per unit', () => {
    const both = throughTwoUnits(cat, cover(cat, ['B0'], 'collective', '2020-03-20'), cover(cat, ['B0', 'C0'], 'collective', '2020-03-20'))
    const p = computePayout(cat, { covers: both, sex: 'M', event: { kind: 'critical_illness', date: '2020-07-01' } })
    expect(p.totalFen).toBe(1000000)
    expect(p.lines.filter((l) => l.refusal?.code === 'overlap_one_share')).toHaveLength(1)
  })

  test('in Shaanxi the second unit’s enrolment never exists, so the one cover pays alone', () => {
    const gig = shaanxi()
    const first = cover(gig, ['ZY'], 'instant', '2024-03-01')
    const second = cover(gig, ['ZY'], 'instant', '2024-03-05')
    const covers = throughTwoUnits(gig, first, second)
    expect(covers).toEqual([first])
  })
})
