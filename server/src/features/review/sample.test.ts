import { farFromAverage, minOthers, sampleReason, type KindAmount } from './sample'

let seq = 0
const claims = (kind: string, amounts: number[]): KindAmount[] => amounts.map((amountFen) => ({ id: `c${++seq}`, kind, amountFen }))
const ids = (far: Map<string, unknown>) => [...far.keys()]

describe('farFromAverage: against the mean and spread of the other claims of the kind', () => {
  test('an outlier is far; the ordinary claims are not (the outlier does not hide itself by widening the spread)', () => {
    const ordinary = claims('inpatient', [500_000, 510_000, 490_000, 505_000, 495_000])
    const [outlier] = claims('inpatient', [2_000_000])
    // With itself counted, 6 claims: the outlier lies only 2.24 deviations from the mean, never above √5.
    const far = farFromAverage([...ordinary, outlier!], 3)
    expect(ids(far)).toEqual([outlier!.id])
    const { others, meanFen, sdFen } = far.get(outlier!.id)!
    expect([others, meanFen]).toEqual([5, 500_000])
    expect(sdFen).toBeCloseTo(Math.sqrt(250_000_000 / 4), 6) // deviations 0, ±10,000, ±5,000 fen
  })

  test('far below counts too', () => {
    const ordinary = claims('inpatient', [500_000, 510_000, 490_000, 505_000, 495_000, 500_000])
    const [low] = claims('inpatient', [100_000])
    expect(ids(farFromAverage([...ordinary, low!], 2))).toEqual([low!.id])
  })

  test('kinds are compared apart: a death benefit is not far from inpatient claims', () => {
    const inpatient = claims('inpatient', [500_000, 510_000, 490_000, 505_000, 495_000, 500_000])
    const deaths = claims('accident_death', [2_000_000, 2_000_000, 2_000_000, 2_000_000, 2_000_000, 2_000_000])
    expect(farFromAverage([...inpatient, ...deaths], 3).size).toBe(0)
  })

  test(`a fixed sum: all equal, none is far; one lower, only it (the others do not vary); fewer than ${minOthers} others, none`, () => {
    const equal = claims('critical_illness', [1_000_000, 1_000_000, 1_000_000, 1_000_000, 1_000_000, 1_000_000])
    expect(farFromAverage(equal, 2).size).toBe(0)
    const [lower] = claims('critical_illness', [600_000])
    expect(ids(farFromAverage([...equal, lower!], 2))).toEqual([lower!.id])
    expect(farFromAverage([...equal.slice(0, minOthers - 1), lower!], 2).size).toBe(0)
    expect(farFromAverage([], 2).size).toBe(0)
  })
})

describe('sampleReason', () => {
  const claim = { id: 'c', kind: 'inpatient', amountFen: 2_000_000 }
  const deviation = { others: 5, meanFen: 500_000, sdFen: 7_905.69 }
  test('above the amount, far from the average, else at random', () => {
    expect(sampleReason(claim, { sharePercent: 10, aboveFen: 1_000_000 }, undefined)).toBe('金额 20,000.00 元，高于 10,000.00 元')
    expect(sampleReason(claim, { sharePercent: 10 }, deviation)).toBe('偏离同类平均：住院医疗其余 5 笔平均 5,000.00 元（标准差 79.06 元），本笔 20,000.00 元')
    expect(sampleReason(claim, { sharePercent: 10, aboveFen: 1_000_000 }, deviation).split('；')).toHaveLength(2)
    expect(sampleReason(claim, { sharePercent: 10, aboveFen: 2_000_000 }, undefined)).toBe('随机抽取 10%')
  })
})
