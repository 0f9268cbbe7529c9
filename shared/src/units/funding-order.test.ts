import { catalogueContributions, fundingShares } from './funding-order'

describe('fundingShares: union first, then unit, then member', () => {
  test('a single payer pays all', () => {
    expect(fundingShares(10_000, 'union_gift', null, false)).toEqual([{ payer: 'union', amountFen: 10_000 }])
    expect(fundingShares(10_000, 'unit', null, false)).toEqual([{ payer: 'unit', amountFen: 10_000 }])
    expect(fundingShares(10_000, 'member', null, false)).toEqual([{ payer: 'member', amountFen: 10_000 }])
  })

  test('a split of the full-year premium gives each payer their fen', () => {
    expect(fundingShares(10_000, 'split', { unionFen: 2_000, unitFen: 5_000 }, false)).toEqual([
      { payer: 'union', amountFen: 2_000 }, { payer: 'unit', amountFen: 5_000 }, { payer: 'member', amountFen: 3_000 },
    ])
  })

  test('a smaller (half-year) premium uses the union first, then the unit; the member pays what is left', () => {
    expect(fundingShares(5_000, 'split', { unionFen: 2_000, unitFen: 5_000 }, false)).toEqual([
      { payer: 'union', amountFen: 2_000 }, { payer: 'unit', amountFen: 3_000 },
    ])
    expect(fundingShares(1_500, 'split', { unionFen: 2_000, unitFen: 5_000 }, false)).toEqual([{ payer: 'union', amountFen: 1_500 }])
  })

  test('a hardship worker pays nothing: the union pays their share', () => {
    expect(fundingShares(10_000, 'member', null, true)).toEqual([{ payer: 'union', amountFen: 10_000 }])
    expect(fundingShares(10_000, 'split', { unionFen: 2_000, unitFen: 5_000 }, true)).toEqual([
      { payer: 'union', amountFen: 5_000 }, { payer: 'unit', amountFen: 5_000 },
    ])
    expect(fundingShares(10_000, 'unit', null, true)).toEqual([{ payer: 'unit', amountFen: 10_000 }])
  })

  test('shares always add up to the premium', () => {
    for (const premium of [0, 1, 4_999, 10_000, 19_000]) {
      for (const hardship of [false, true]) {
        const sum = fundingShares(premium, 'split', { unionFen: 2_000, unitFen: 5_000 }, hardship).reduce((s, x) => s + x.amountFen, 0)
        expect(sum).toBe(premium)
      }
    }
  })

  describe('a catalogue’s default split (its funding order), when the unit sets none', () => {
    const henan = { unionFen: 3_000, unitFen: 4_000 }
    test('a member’s own enrolment: the union’s part first, no unit to give, the member the rest', () => {
      expect(fundingShares(10_000, 'member', null, false, catalogueContributions(henan, false))).toEqual([
        { payer: 'union', amountFen: 3_000 }, { payer: 'member', amountFen: 7_000 },
      ])
    })
    test('through a unit whose members pay: union, then unit, then member', () => {
      expect(fundingShares(10_000, 'member', null, false, catalogueContributions(henan, true))).toEqual([
        { payer: 'union', amountFen: 3_000 }, { payer: 'unit', amountFen: 4_000 }, { payer: 'member', amountFen: 3_000 },
      ])
    })
    test('a unit that pays: the union’s part first, the unit the rest', () => {
      expect(fundingShares(10_000, 'unit', null, false, catalogueContributions(henan, true))).toEqual([
        { payer: 'union', amountFen: 3_000 }, { payer: 'unit', amountFen: 7_000 },
      ])
    })
    test('the unit’s own split wins; a gift is the union’s alone; a hardship worker’s part is the union’s', () => {
      expect(fundingShares(10_000, 'split', { unionFen: 1_000, unitFen: 9_000 }, false, catalogueContributions(henan, true))).toEqual([
        { payer: 'union', amountFen: 1_000 }, { payer: 'unit', amountFen: 9_000 },
      ])
      expect(fundingShares(10_000, 'union_gift', null, false, catalogueContributions(henan, true))).toEqual([{ payer: 'union', amountFen: 10_000 }])
      expect(fundingShares(10_000, 'member', null, true, catalogueContributions(henan, true))).toEqual([
        { payer: 'union', amountFen: 6_000 }, { payer: 'unit', amountFen: 4_000 },
      ])
    })
    test('a smaller premium is used up in the order; shares add up to the premium', () => {
      expect(fundingShares(2_000, 'member', null, false, catalogueContributions(henan, true))).toEqual([{ payer: 'union', amountFen: 2_000 }])
      for (const premium of [0, 1, 3_001, 7_000, 19_000]) {
        for (const source of ['member', 'unit'] as const) {
          expect(fundingShares(premium, source, null, false, catalogueContributions(henan, true)).reduce((s, x) => s + x.amountFen, 0)).toBe(premium)
        }
      }
    })
    test('a catalogue without one changes nothing', () => {
      expect(catalogueContributions(undefined, true)).toBeNull()
    })
  })
})
