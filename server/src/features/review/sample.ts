import { eventKindLabels, formatFen, type EventKind } from '@huzhu/shared'

/** An approved or paid claim's amount (approved, else estimated), for comparing it with others of its kind. */
export interface KindAmount {
  id: string
  kind: string
  amountFen: number
}

/** How far a claim lies from the other claims of its kind: their count, mean and (sample) standard deviation. */
export interface Deviation {
  others: number
  meanFen: number
  sdFen: number
}

/** The fewest other claims of a kind that an average and a spread are worth taking from. */
export const minOthers = 5

/**
 * The claims more than `deviations` standard deviations from the mean of the
 * OTHER claims of their kind, above or below. Leaving the claim itself out
 * matters: included, it pulls the mean and widens the spread, so that among n
 * claims none can lie more than √(n − 1) deviations away (3 needs n ≥ 11).
 * The spread is the others' sample standard deviation (divided by count − 1).
 * Kinds with fewer than `minOthers` others are left alone; when the others are
 * all equal (a fixed sum), any other amount is far. Few others make their
 * spread uncertain: at 2 deviations, the most extreme of a handful of ordinary
 * claims may be far; 3 is quieter.
 */
export function farFromAverage(claims: readonly KindAmount[], deviations: number): Map<string, Deviation> {
  const byKind = new Map<string, KindAmount[]>()
  for (const claim of claims) {
    const group = byKind.get(claim.kind)
    if (group) group.push(claim)
    else byKind.set(claim.kind, [claim])
  }
  const far = new Map<string, Deviation>()
  for (const group of byKind.values()) {
    const n = group.length
    const others = n - 1
    if (others < minOthers) continue
    const mean = group.reduce((sum, c) => sum + c.amountFen, 0) / n
    const squares = group.reduce((sum, c) => sum + (c.amountFen - mean) ** 2, 0)
    for (const claim of group) {
      const d = claim.amountFen - mean
      // The others' mean and sum of squared deviations, without the claim (stable in floating point).
      const meanFen = mean - d / others
      const sdFen = Math.sqrt(Math.max(0, squares - (d * d * n) / others) / (others - 1))
      if (Math.abs(claim.amountFen - meanFen) > deviations * sdFen) far.set(claim.id, { others, meanFen, sdFen })
    }
  }
  return far
}

/** What a sample was asked for. */
export interface SampleCriteria {
  sharePercent: number
  aboveFen?: number | undefined
}

/**
 * Why a claim is in the sample, for its `sampled` flag: above the amount, far
 * from its kind's average, else drawn at random.
 */
export function sampleReason(claim: KindAmount, criteria: SampleCriteria, deviation: Deviation | undefined): string {
  const reasons: string[] = []
  if (criteria.aboveFen !== undefined && claim.amountFen > criteria.aboveFen) {
    reasons.push(`金额 ${formatFen(claim.amountFen)} 元，高于 ${formatFen(criteria.aboveFen)} 元`)
  }
  if (deviation) {
    const kind = eventKindLabels[claim.kind as EventKind] ?? claim.kind
    reasons.push(`偏离同类平均：${kind}其余 ${deviation.others} 笔平均 ${formatFen(Math.round(deviation.meanFen))} 元`
      + `（标准差 ${formatFen(Math.round(deviation.sdFen))} 元），本笔 ${formatFen(claim.amountFen)} 元`)
  }
  if (reasons.length === 0) reasons.push(`随机抽取 ${criteria.sharePercent}%`)
  return reasons.join('；')
}
