import { computePayout, coverOfQuote, quote, type ClaimEvent, type Cover, type PriorPayout, type Sex } from '..'
import { request, shaanxi, shanghai } from '../../test/helpers'
import type { Catalogue } from '../catalogue/catalogue'

function cover(cat: Catalogue, products: string[], mode: 'collective' | 'instant', acceptedOn: string): Cover {
  const q = quote(cat, request(products, mode, acceptedOn))
  if (!q.ok) throw new Error(JSON.stringify(q.violations))
  return coverOfQuote(q.value)
}

const collective = (products: string[]) => cover(shanghai(), products, 'collective', '2020-03-20')

function pay(covers: Cover[], event: ClaimEvent, sex: Sex = 'M', prior: PriorPayout[] = []) {
  return computePayout(shanghai(), { covers, sex, event, prior })
}

const brief = (p: ReturnType<typeof pay>) => p.lines.map((l) => [l.product, l.benefit, l.part, l.amountFen])

describe('payout: DOMAIN.md worked examples', () => {
  test('A0 inpatient: 8,000 × 60 % + 2,000 × 70 % = 6,200.00', () => {
    const p = pay([collective(['A0'])], { kind: 'inpatient', date: '2020-06-01', pooledOutOfPocketFen: 800000, supplementaryOutOfPocketFen: 200000 })
    expect(p.totalFen).toBe(620000)
    expect(brief(p)).toEqual([['A0', 'medical', 'pooled', 480000], ['A0', 'medical', 'supplementary', 140000]])
    expect(p.lines[0]!.reason).toBe('统筹段自付 8,000.00 元 × 60% = 4,800.00 元')
  })

  test('A2: 12 days and a deductible of 1,500 pay 2,400 + 1,200 = 3,600.00', () => {
    const p = pay([collective(['A0', 'A2'])], { kind: 'inpatient', date: '2020-06-01', hospitalDays: 12, deductiblePaidFen: 150000 })
    const a2 = p.lines.filter((l) => l.product === 'A2')
    expect(a2.map((l) => [l.benefit, l.amountFen])).toEqual([['hospital_days', 240000], ['deductible', 120000]])
    expect(a2.reduce((s, l) => s + l.amountFen, 0)).toBe(360000)
  })

  test('B2, a woman with carcinoma in situ of the cervix: 20,000 + 10,000 = 30,000.00', () => {
    const p = pay([collective(['B0', 'B2'])], { kind: 'critical_illness', date: '2020-07-01', inSitu: true, femaleCancer: true }, 'F')
    const b2 = p.lines.filter((l) => l.product === 'B2')
    expect(b2.map((l) => [l.part, l.amountFen])).toEqual([['base', 2000000], ['female_extra', 1000000]])
  })

  test('C1, accident disability grade 5: 50,000 × 60 % = 30,000.00', () => {
    const p = pay([collective(['C0', 'C1'])], { kind: 'accident_disability', date: '2020-07-01', disabilityGrade: 5 })
    expect(p.lines.find((l) => l.product === 'C1')?.amountFen).toBe(3000000)
    expect(p.lines.find((l) => l.product === 'C0')?.amountFen).toBe(1200000)
  })
})

describe('payout: cover dates and waiting periods', () => {
  const instant = () => cover(shanghai(), ['A0', 'A2', 'C1'], 'instant', '2020-10-14')
  const inpatient = (date: string): ClaimEvent => ({ kind: 'inpatient', date, pooledOutOfPocketFen: 100000, hospitalDays: 3 })

  test('an event on the day waiting ends is covered; the day before is not', () => {
    expect(pay([instant()], inpatient('2020-11-13')).totalFen).toBe(0)
    expect(pay([instant()], inpatient('2020-11-14')).totalFen).toBe(60000 + 60000)
  })

  test('a refusal line says why, with its number', () => {
    const p = pay([instant()], inpatient('2020-11-13'))
    expect(p.lines[0]).toMatchObject({ product: 'A0', amountFen: 0, refusal: { code: 'waiting_period', number: 2 } })
    expect(p.lines[0]!.reason).toBe('第2号：事故日期 2020-11-13 在等待期内：住院保障从 2020-11-14 起生效')
  })

  test('accidents have no waiting period', () => {
    const p = pay([instant()], { kind: 'accident_death', date: '2020-10-15' })
    expect(p.totalFen).toBe(5000000)
  })

  test('an event outside cover pays nothing and says so', () => {
    const p = pay([instant()], { kind: 'accident_death', date: '2021-04-01' })
    expect(p.totalFen).toBe(0)
    expect(p.lines.map((l) => l.refusal?.code)).toEqual(['no_cover'])
  })

  test('a kind of event no held product covers', () => {
    const p = pay([collective(['C0'])], { kind: 'critical_illness', date: '2020-06-01' })
    expect(p.totalFen).toBe(0)
    expect(p.lines.map((l) => [l.product, l.refusal?.code])).toEqual([['C0', 'kind_not_covered']])
  })
})

describe('payout: annual caps and once-a-year sums', () => {
  const prior = (product: string, benefit: string, amountFen: number, eventDate = '2020-05-01'): PriorPayout =>
    ({ catalogueId: 'shanghai-2020', product, benefit, eventDate, amountFen })

  test('a percent benefit is capped by what is left of 100,000 after earlier claims', () => {
    const p = pay([collective(['A0'])], { kind: 'inpatient', date: '2020-06-01', pooledOutOfPocketFen: 800000, supplementaryOutOfPocketFen: 200000 }, 'M', [prior('A0', 'medical', 9_500_000)])
    expect(brief(p)).toEqual([['A0', 'medical', 'pooled', 480000], ['A0', 'medical', 'supplementary', 20000]])
    expect(p.lines[1]!.reason).toContain('年度限额剩余 200.00 元')
  })

  test('a used-up cap pays zero with reason 4', () => {
    const p = pay([collective(['A0'])], { kind: 'inpatient', date: '2020-06-01', pooledOutOfPocketFen: 800000 }, 'M', [prior('A0', 'medical', 10_000_000)])
    expect(p.totalFen).toBe(0)
    expect(p.lines[0]!.refusal).toEqual({ code: 'annual_limit_reached', number: 4 })
  })

  test('payouts in another plan year do not count', () => {
    const p = pay([collective(['A0'])], { kind: 'inpatient', date: '2020-06-01', pooledOutOfPocketFen: 800000 }, 'M', [prior('A0', 'medical', 10_000_000, '2020-03-01')])
    expect(p.totalFen).toBe(480000)
  })

  test('hospital days stop at the annual cap', () => {
    const p = pay([collective(['A0', 'A1'])], { kind: 'inpatient', date: '2020-06-01', hospitalDays: 200 })
    expect(p.lines.find((l) => l.benefit === 'hospital_days')?.amountFen).toBe(1_800_000)
  })

  test('a critical-illness sum is paid once a plan year', () => {
    const p = pay([collective(['B0'])], { kind: 'critical_illness', date: '2020-09-01' }, 'M', [prior('B0', 'critical_illness', 1_000_000)])
    expect(p.totalFen).toBe(0)
    expect(p.lines[0]!.refusal?.code).toBe('already_paid_this_year')
  })

  test('disability payouts in the year add up to at most the maximum', () => {
    const p = pay([collective(['C0'])], { kind: 'accident_disability', date: '2020-09-01', disabilityGrade: 1 }, 'M', [prior('C0', 'accident_disability', 1_500_000)])
    expect(p.totalFen).toBe(500_000)
  })
})

describe('payout: one person enrolled through two units', () => {
  test('a basic product pays one share', () => {
    const p = pay([collective(['A0']), collective(['A0', 'C0'])], { kind: 'inpatient', date: '2020-06-01', pooledOutOfPocketFen: 100000 })
    expect(p.totalFen).toBe(60000)
    expect(p.lines.map((l) => l.refusal?.code ?? l.part)).toEqual(['pooled', 'overlap_one_share'])
  })

  test('within an enhanced category only the highest pays (就高不就低)', () => {
    const p = pay([collective(['A0', 'A1']), collective(['B0', 'A3'])], { kind: 'inpatient', date: '2020-06-01', hospitalDays: 10 })
    const days = p.lines.filter((l) => l.benefit === 'hospital_days')
    expect(days.map((l) => [l.product, l.amountFen])).toEqual([['A3', 300000]])
    expect(p.lines.find((l) => l.product === 'A1')?.refusal?.code).toBe('overlap_highest_pays')
  })

  test('a cover still in waiting does not block one that pays', () => {
    const later = cover(shanghai(), ['A0'], 'instant', '2020-05-20')
    const p = pay([later, collective(['A0'])], { kind: 'inpatient', date: '2020-06-01', pooledOutOfPocketFen: 100000 })
    expect(p.totalFen).toBe(60000)
    expect(p.lines).toHaveLength(1)
  })
})

describe('payout: the Shaanxi gig plan', () => {
  test('hospital waits 30 days after instant enrolment, accidents do not', () => {
    const c = cover(shaanxi(), ['ZY'], 'instant', '2023-11-20')
    const hospital = computePayout(shaanxi(), { covers: [c], sex: 'F', event: { kind: 'inpatient', date: '2023-12-01', pooledOutOfPocketFen: 100000 } })
    expect(hospital.totalFen).toBe(0)
    const accident = computePayout(shaanxi(), { covers: [c], sex: 'F', event: { kind: 'accident_disability', date: '2023-12-01', disabilityGrade: 10 } })
    expect(accident.totalFen).toBe(500000)
  })
})
