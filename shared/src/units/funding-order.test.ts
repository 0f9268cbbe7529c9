import { fundingShares } from './funding-order'

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
})
