import { checkUnitFunding, message, unitAnnualPremiumFen } from '..'
import { shaanxi, shanghai } from '../../test/helpers'

const split = (unionFen: number, unitFen: number, memberFen: number) => ({ unionFen, unitFen, memberFen })

describe('a unit’s funding and its split', () => {
  test('the full-year premium of a standing selection: bundle price, never half a year', () => {
    expect(unitAnnualPremiumFen(shanghai(), ['A0', 'B0', 'C0'])).toBe(18_000)
    expect(unitAnnualPremiumFen(shanghai(), ['A0', 'A2', 'C1'])).toBe(39_000)
    expect(unitAnnualPremiumFen(shaanxi(), ['ZY'])).toBe(10_000)
  })

  test('a split that adds up to the premium holds', () => {
    expect(checkUnitFunding(shanghai(), ['A0', 'B0', 'C0'], 'split', split(10_000, 5_000, 3_000))).toBeNull()
    expect(checkUnitFunding(shaanxi(), ['ZY'], 'split', split(0, 6_000, 4_000))).toBeNull()
  })

  test('a split that does not add up names both sums in yuan', () => {
    const problem = checkUnitFunding(shanghai(), ['A0', 'B0', 'C0'], 'split', split(10_000, 5_000, 5_000))
    expect(problem).toEqual({ code: 'unit_split_total_mismatch', params: { total: '200.00', premium: '180.00' } })
    expect(message(problem!.code, problem!.params)).toBe('各方承担的金额合计 200.00 元，应等于每人全年保费 180.00 元')
  })

  test('a split needs a selection to add up to, two payers, and only a split carries one', () => {
    expect(checkUnitFunding(null, [], 'split', split(5_000, 5_000, 0))?.code).toBe('unit_split_needs_selection')
    expect(checkUnitFunding(shaanxi(), ['ZY'], 'split', split(0, 10_000, 0))?.code).toBe('unit_split_single_payer')
    expect(checkUnitFunding(shaanxi(), ['ZY'], 'split', null)?.code).toBe('unit_split_required')
    expect(checkUnitFunding(shaanxi(), ['ZY'], 'unit', split(5_000, 5_000, 0))?.code).toBe('unit_split_not_split')
    expect(checkUnitFunding(shaanxi(), ['ZY'], 'unit', null)).toBeNull()
    expect(checkUnitFunding(null, [], 'union_gift', null)).toBeNull()
  })
})
